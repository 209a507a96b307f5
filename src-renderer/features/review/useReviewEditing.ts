import { type Review, reviewSchema } from '../../../src-shared/domain/review';
import { useRevisionedEditing } from '../../session/useRevisionedEditing';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** Why a review can't be saved as it stands, in words, or null when it can. */
function refusal(review: Review): string | null {
  const issue = reviewSchema.safeParse(review).error?.issues[0];
  if (!issue) return null;
  if (issue.path[0] === 'finished') return 'It needs how it went and a decision to be finished.';
  return 'Something here is too long, so the latest change isn’t saved yet.';
}

/**
 * A review being taken: saved by itself as it changes, so nothing said is lost to a closed
 * window or a lock, and never saved over another window's work (see `useRevisionedEditing`).
 */
export function useReviewEditing(stored: Review) {
  const { reviews } = useOpenVault();
  const { record, ...editing } = useRevisionedEditing({ stored, save: reviews.save, refusal });
  return { review: record, ...editing };
}

/** The review editing state. */
export type ReviewEditing = ReturnType<typeof useReviewEditing>;

import { type Assignment, assignmentSchema } from '../../../src-shared/domain/assignment';
import { useRevisionedEditing } from '../../session/useRevisionedEditing';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** Why an assignment can't be saved as it stands, in words, or null when it can. */
function refusal(assignment: Assignment): string | null {
  const issue = assignmentSchema.safeParse(assignment).error?.issues[0];
  if (!issue) return null;
  if (issue.path[0] === 'title') return 'It needs a title for the client before it can be saved.';
  if (issue.path[0] === 'reviewBy') return 'The review date is before the start date.';
  return 'Something here is too long or not complete, so the latest change isn’t saved yet.';
}

/**
 * An assignment being designed: saved by itself as it changes, so a draft survives a closed
 * window and a lock, and never saved over another window's work (see `useRevisionedEditing`).
 */
export function useAssignmentEditing(stored: Assignment) {
  const { assignments } = useOpenVault();
  const { record, ...editing } = useRevisionedEditing({
    stored,
    save: assignments.save,
    refusal,
  });
  return { assignment: record, ...editing };
}

/** The assignment editing state. */
export type AssignmentEditing = ReturnType<typeof useAssignmentEditing>;

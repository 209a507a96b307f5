import type { Assignment } from './assignment';
import type { BarrierKind } from './barrier-kinds';
import { ladderPosition, stepUp } from './ladder';
import type { Review, ReviewDecision } from './review';

/**
 * What to suggest next for one piece of practice, from its reviews. Suggestions only: the
 * therapist and client decide together, so each comes with the evidence in one plain sentence
 * the therapist can weigh (and disagree with).
 */

/** How much of the plan (percentDone) two reviews running show before a step up is suggested. */
export const STEP_UP_MIN_PERCENT_DONE = 80;

/** At or under this much of the plan, the practice is suggested to be fitted to the week. */
export const MAKE_SMALLER_MAX_PERCENT_DONE = 30;

/** The confidence (0–10) a plan needs to be likely to happen; below it, a smaller version. */
export const SURE_ENOUGH_CONFIDENCE = 7;

/** Doubts about the practice itself: resizing it doesn't help while they stand. */
const doubtsWhyItHelps: readonly BarrierKind[] = ['unsure-why-it-helps', 'did-not-agree-it-helps'];

/** What a suggestion is about, in the order suggestions are listed. */
export const progressionKinds = ['step-up', 'make-smaller', 'revisit-why'] as const;

/** A suggestion's kind. */
export type ProgressionKind = (typeof progressionKinds)[number];

/** One suggestion: the decision it points to in the review (none for revisiting why) and why. */
export type ProgressionSuggestion = {
  kind: ProgressionKind;
  decision: ReviewDecision | null;
  sentence: string;
};

/** What of the assignment the suggestions read: the confidence at the last plan and the ladder. */
export type ProgressionAssignment = Pick<
  Assignment,
  'confidenceBefore' | 'confidenceAfter' | 'ladder' | 'ladderStep'
>;

/**
 * Finished reviews, oldest first. Ties on the time are broken by id so that the same reviews
 * give the same history whatever order they were read in.
 */
function finishedHistory(reviews: readonly Review[]): Review[] {
  return reviews
    .filter((review) => review.finished)
    .sort(
      (a, b) =>
        Date.parse(a.reviewedAt) - Date.parse(b.reviewedAt) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** Most of the plan happened and the smallest version was met; an unknown amount is not enough. */
function wentWell(review: Review): boolean {
  return (
    review.percentDone !== null &&
    review.percentDone >= STEP_UP_MIN_PERCENT_DONE &&
    review.smallestVersionMet === true
  );
}

/** The evidence for fitting the practice to the week, most telling first; null when there is none. */
function fitToWeekSentence(latest: Review | undefined, confidence: number | null): string | null {
  if (latest?.outcome === 'not-this-time') {
    return "It didn't happen this time, and that tells us about the week — a smaller version could fit it better.";
  }
  if (latest?.percentDone != null && latest.percentDone <= MAKE_SMALLER_MAX_PERCENT_DONE) {
    return 'Less of the plan fitted into this week than hoped — a smaller version could suit the week and still count.';
  }
  if (confidence !== null && confidence < SURE_ENOUGH_CONFIDENCE) {
    return `Confidence at the last plan was ${confidence} out of 10 — a version that feels surer could fit the week better.`;
  }
  return null;
}

/**
 * The sentence for a step up after two reviews that went well: the next ladder step by its
 * place, or a little more with no ladder; null at the top of the ladder, where there is nothing
 * to step up to.
 */
function stepUpSentence(assignment: ProgressionAssignment): string | null {
  const evidence = 'The last two reviews went well and the smallest version was met both times';
  if (assignment.ladder.length === 0) {
    return `${evidence} — it could be a good moment to add a little more.`;
  }
  const next = stepUp(assignment.ladder, assignment.ladderStep);
  if (next === null) return null;
  return `${evidence} — the next step on the ladder (${ladderPosition(assignment.ladder, next)}) could be ready.`;
}

/** How many reviews met a doubt about why the practice helps. */
function reviewsDoubtingWhy(history: readonly Review[]): number {
  return history.filter((review) =>
    review.barriersMet.some((met) => doubtsWhyItHelps.includes(met.kind)),
  ).length;
}

/**
 * Suggestions for the assignment under review, from the finished reviews of it and of the
 * earlier versions in its chain (any order; unfinished ones are left out). In a fixed order:
 * step up, make it smaller, revisit why it helps.
 * - Make it smaller when the latest review was hard (not this time, or 30% or less done) or the
 *   client's confidence at the last plan was under 7. It wins over stepping up: asking more of a
 *   week that already looked hard or uncertain is the likelier way for practice not to happen.
 * - Step up after the two latest reviews both went well (80% or more, smallest version met), when
 *   there is a next step on the ladder, or gently with no ladder.
 * - Revisit why it helps when doubts about it came up in two reviews or more: while the client
 *   isn't sure it helps, no size of practice fits.
 * An unknown amount done is never read as nothing done.
 */
export function progressionSuggestions(
  assignment: ProgressionAssignment,
  reviews: readonly Review[],
): ProgressionSuggestion[] {
  const history = finishedHistory(reviews);
  const latest = history.at(-1);
  const previous = history.at(-2);
  const confidence = assignment.confidenceAfter ?? assignment.confidenceBefore;
  const suggestions: ProgressionSuggestion[] = [];

  const fitToWeek = fitToWeekSentence(latest, confidence);
  const wentWellTwice =
    previous !== undefined && latest !== undefined && wentWell(previous) && wentWell(latest);
  const stepUpWhy = fitToWeek === null && wentWellTwice ? stepUpSentence(assignment) : null;
  if (stepUpWhy !== null) {
    suggestions.push({ kind: 'step-up', decision: 'step-up', sentence: stepUpWhy });
  }
  if (fitToWeek !== null) {
    suggestions.push({ kind: 'make-smaller', decision: 'make-smaller', sentence: fitToWeek });
  }

  const doubting = reviewsDoubtingWhy(history);
  if (doubting >= 2) {
    suggestions.push({
      kind: 'revisit-why',
      decision: null,
      sentence: `Doubts about why it helps came up in ${doubting} reviews — going over together how it could help may matter more than its size.`,
    });
  }
  return suggestions;
}

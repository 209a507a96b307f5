import { format, parseISO } from 'date-fns';
import type { Assignment } from './assignment';
import {
  type AssignmentFact,
  type DoseSize,
  type InsightSummary,
  insightSummarySchema,
  type ReviewFact,
} from './insight-summary';
import { planGaps } from './practice-plan';
import type { Review } from './review';
import type { Dose } from './template';

/**
 * How a client's insight summary is made from their records: the few numbers and kinds Insights
 * counts, taken from each finished review and each agreed assignment, and nothing else — no
 * free text, so the practice-wide screen never has to decrypt a word a client said.
 */

/** Minutes a week up to which a dose counts as small, and up to which as middling. */
const DOSE_MINUTES = { small: 30, middling: 90 } as const;

/**
 * The local calendar date ("YYYY-MM-DD") a review was taken on, like a session's
 * (`sessionDate`): a review late in the evening counts on the day the clinician saw it.
 */
export function reviewedOnOf(review: Pick<Review, 'reviewedAt'>): string {
  return format(parseISO(review.reviewedAt), 'yyyy-MM-dd');
}

/**
 * A finished review's fact, or null while it is still being filled in (only finished reviews
 * count in Insights), dated `reviewedOnOf` it.
 */
export function reviewFactOf(review: Review): ReviewFact | null {
  if (!review.finished || review.outcome === null || review.decision === null) return null;
  return {
    reviewId: review.id,
    assignmentId: review.assignmentId,
    sessionId: review.sessionId,
    reviewedOn: reviewedOnOf(review),
    outcome: review.outcome,
    percentDone: review.percentDone,
    smallestVersionMet: review.smallestVersionMet,
    trackerReturned: review.reportedBy.includes('returned-tracker'),
    barrierKinds: review.barriersMet.map((met) => met.kind),
    decision: review.decision,
    madeThingsWorse: review.madeThingsWorse === 'yes',
  };
}

/**
 * The size bucket of a dose, in minutes a week: an as-needed skill has its own bucket (its
 * amount depends on the week), a timed dose is minutes × times a week, an untimed one (so many
 * times, no minutes) cannot be sized. Null when no dose was chosen.
 */
export function doseSizeOf(dose: Dose | null): DoseSize | null {
  if (dose === null) return null;
  if (dose.kind === 'as-needed') return 'as-needed';
  if (dose.minutes === undefined) return 'not-timed';
  const minutesAWeek = dose.minutes * dose.timesPerWeek;
  if (minutesAWeek <= DOSE_MINUTES.small) return 'up-to-30';
  if (minutesAWeek <= DOSE_MINUTES.middling) return '31-to-90';
  return 'over-90';
}

/**
 * An agreed assignment's fact, or null for a draft (not yet agreed, so not yet practice).
 * Confidence is the latest the client gave: after any change to the plan, else the first.
 */
export function assignmentFactOf(assignment: Assignment): AssignmentFact | null {
  if (assignment.status === 'draft') return null;
  return {
    assignmentId: assignment.id,
    sessionId: assignment.sessionId,
    startsOn: assignment.startsOn,
    status: assignment.status,
    templateId: assignment.template?.templateId ?? null,
    doseSize: doseSizeOf(assignment.dose?.dose ?? null),
    confidence: assignment.confidenceAfter ?? assignment.confidenceBefore,
    specificPlan: planGaps(assignment.plan).length === 0,
    ifThenPlans: assignment.barriers.filter((barrier) => barrier.ifThen.trim() !== '').length,
    ladderStep: assignment.ladderStep,
    ladderLength: assignment.ladder.length,
    replaces: assignment.replaces?.assignmentId ?? null,
  };
}

/** Earlier reviews first; the id breaks ties, so the same facts always come in the same order. */
export function byReviewedOn(a: ReviewFact, b: ReviewFact): number {
  return a.reviewedOn.localeCompare(b.reviewedOn) || a.reviewId.localeCompare(b.reviewId);
}

/** Earlier assignments first; the id breaks ties, so the same facts always come in the same order. */
export function byStartsOn(a: AssignmentFact, b: AssignmentFact): number {
  return a.startsOn.localeCompare(b.startsOn) || a.assignmentId.localeCompare(b.assignmentId);
}

/**
 * One client's insight summary from all their review and assignment records (any state): the
 * facts of the finished reviews and agreed assignments, in a fixed order, and how many records
 * it was made from, so a reader can tell a stale summary from a current one. Parsed with the
 * schema, so a summary that could not be stored is never returned.
 */
export function insightSummaryOf(
  id: string,
  clientId: string,
  reviews: readonly Review[],
  assignments: readonly Assignment[],
): InsightSummary {
  const reviewFacts = reviews.flatMap((review) => reviewFactOf(review) ?? []);
  const assignmentFacts = assignments.flatMap((assignment) => assignmentFactOf(assignment) ?? []);
  return insightSummarySchema.parse({
    id,
    clientId,
    reviewRecords: reviews.length,
    assignmentRecords: assignments.length,
    reviews: reviewFacts.sort(byReviewedOn),
    assignments: assignmentFacts.sort(byStartsOn),
  });
}

/**
 * A summary with the facts of some of its client's assignments replaced by those of their new
 * versions (an agreed one edited, another retired as replaced): the same summary as
 * `insightSummaryOf` would make from every record after those saves, as long as `summary` was
 * in step before them. Saves change no record count, so the counts stay as they are.
 */
export function withAssignmentsSaved(
  summary: InsightSummary,
  saved: readonly Assignment[],
): InsightSummary {
  const savedIds = new Set(saved.map((assignment) => assignment.id));
  return insightSummarySchema.parse({
    ...summary,
    assignments: [
      ...summary.assignments.filter((fact) => !savedIds.has(fact.assignmentId)),
      ...saved.flatMap((assignment) => assignmentFactOf(assignment) ?? []),
    ].sort(byStartsOn),
  });
}

/**
 * The summary a client's records can be read from: the one readable summary they have, none
 * damaged, whose record counts match the index's. A reader that uses only the summary's
 * assignments leaves `reviewRecords` out and does not count reviews.
 */
export function summaryInStep(
  found: readonly InsightSummary[],
  damaged: boolean,
  index: { assignmentRecords: number; reviewRecords?: number },
): InsightSummary | undefined {
  const [summary, ...more] = found;
  if (!summary || more.length > 0 || damaged) return undefined;
  if (summary.assignmentRecords !== index.assignmentRecords) return undefined;
  if (index.reviewRecords !== undefined && summary.reviewRecords !== index.reviewRecords)
    return undefined;
  return summary;
}

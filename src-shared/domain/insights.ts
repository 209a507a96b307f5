import { type BarrierKind, barrierKinds } from './barrier-kinds';
import { byReviewedOn, byStartsOn } from './insight-facts';
import {
  type AssignmentFact,
  type DoseSize,
  doseSizes,
  type InsightSummary,
  type ReviewFact,
} from './insight-summary';
import type { ReviewOutcome } from './review';
import type { SessionStatus } from './session';

/**
 * The numbers behind the Insights screens, worked out from insight summaries' facts alone, so
 * the practice-wide screen never needs a word of free text.
 *
 * **Completion**, counted over finished reviews (one review is one piece of practice looked at
 * together once):
 * - **any attempt** — the outcome is anything but "Not this time": the client did it, did some
 *   of it, or tried something different;
 * - **full dose** — an attempt at the whole of it: the outcome is "Did it", or 100% of the
 *   planned amount was done. Every full dose is also an attempt.
 * A review with outcome "Did it" and one at 100% done are both full doses; "Some of it" at 60%
 * is an attempt only; "Not this time" is neither, whatever its percentage.
 *
 * Every percentage comes with its count (`Share`): "3 of 4 (75%)", and no percentage at all out
 * of nothing. A review whose assignment has no fact in its summary still counts in every total,
 * under "unknown". Clients are never ranked: nothing here orders clients by how they did.
 */

/** A count out of a total, with its percentage: null out of nothing, never NaN or a false 0%. */
export type Share = { count: number; of: number; percent: number | null };

/** `count` of `of`, with the percentage rounded to a whole number (null when `of` is 0). */
export function shareOf(count: number, of: number): Share {
  return { count, of, percent: of === 0 ? null : Math.round((100 * count) / of) };
}

/** Below this many, a percentage swings on one review: screens say so beside it. */
export const SMALL_NUMBERS = 10;

/** Whether a share is out of too few to read much into (fewer than `SMALL_NUMBERS`). */
export function isSmallNumbers(share: Share): boolean {
  return share.of < SMALL_NUMBERS;
}

/**
 * Completion of homework reported across studies is around half; shown as a reference line so
 * a practice's own figure is read against what is usual, not against 100%.
 */
export const REFERENCE_COMPLETION_PERCENT = 50;

/** Whether a review counts as any attempt: its outcome is not "Not this time". */
export function isAnyAttempt(review: Pick<ReviewFact, 'outcome'>): boolean {
  return review.outcome !== 'not-this-time';
}

/** Whether a review counts as a full dose: an attempt that was "Did it" or 100% done. */
export function isFullDose(review: Pick<ReviewFact, 'outcome' | 'percentDone'>): boolean {
  return (
    isAnyAttempt(review) &&
    (review.outcome === 'did-it' || (review.percentDone !== null && review.percentDone >= 100))
  );
}

/** Completion of a set of finished reviews: any attempt and full dose, each out of them all. */
export type Completion = { anyAttempt: Share; fullDose: Share };

/** Completion of these reviews (see the module comment for what counts). */
export function completionOf(reviews: readonly ReviewFact[]): Completion {
  return {
    anyAttempt: shareOf(reviews.filter(isAnyAttempt).length, reviews.length),
    fullDose: shareOf(reviews.filter(isFullDose).length, reviews.length),
  };
}

// ---------------------------------------------------------------------------------------------
// One client

/** One finished review on a client's timeline. */
export type ReviewPoint = {
  reviewId: string;
  /** The local date of the review, "YYYY-MM-DD". */
  date: string;
  outcome: ReviewOutcome;
  anyAttempt: boolean;
  fullDose: boolean;
  percentDone: number | null;
  smallestVersionMet: boolean | null;
};

/** A client's finished reviews in date order, each with what it counts as. */
export function reviewTimeline(reviews: readonly ReviewFact[]): ReviewPoint[] {
  return [...reviews].sort(byReviewedOn).map((review) => ({
    reviewId: review.reviewId,
    date: review.reviewedOn,
    outcome: review.outcome,
    anyAttempt: isAnyAttempt(review),
    fullDose: isFullDose(review),
    percentDone: review.percentDone,
    smallestVersionMet: review.smallestVersionMet,
  }));
}

/**
 * How often the smallest version that still counts was met, out of the reviews where it was
 * asked (a review that did not ask says nothing either way).
 */
export function smallestVersionShare(reviews: readonly ReviewFact[]): Share {
  const asked = reviews.filter((review) => review.smallestVersionMet !== null);
  return shareOf(asked.filter((review) => review.smallestVersionMet === true).length, asked.length);
}

/** How often a tracker came back: reviews with a returned tracker among their sources, of all. */
export function trackerReturnShare(reviews: readonly ReviewFact[]): Share {
  return shareOf(reviews.filter((review) => review.trackerReturned).length, reviews.length);
}

/** Where a ladder in use stands. */
export type LadderPosition = {
  assignmentId: string;
  /** The index of this week's step (0 is the first), null when none is chosen. */
  stepIndex: number | null;
  /** How many steps the ladder has. */
  length: number;
};

/**
 * The step each ladder in use is on: one per active or paused assignment with a ladder (the
 * versions it replaced are history, not a ladder in use), earliest first.
 */
export function ladderPositions(assignments: readonly AssignmentFact[]): LadderPosition[] {
  return assignments
    .filter(
      (fact) => (fact.status === 'active' || fact.status === 'paused') && fact.ladderLength > 0,
    )
    .sort(byStartsOn)
    .map((fact) => ({
      assignmentId: fact.assignmentId,
      stepIndex: fact.ladderStep,
      length: fact.ladderLength,
    }));
}

/** How many reviews met one kind of barrier. */
export type BarrierCount = { kind: BarrierKind; count: number };

/**
 * The barriers met in these reviews (one client's, or every client's for the practice), most
 * often met first, ties in the taxonomy's order; kinds never met are left out.
 */
export function barriersByFrequency(reviews: readonly ReviewFact[]): BarrierCount[] {
  const counts = new Map<BarrierKind, number>();
  for (const kind of reviews.flatMap((review) => review.barrierKinds)) {
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return barrierKinds
    .flatMap((kind) => {
      const count = counts.get(kind);
      return count === undefined ? [] : [{ kind, count }];
    })
    .sort(
      (a, b) => b.count - a.count || barrierKinds.indexOf(a.kind) - barrierKinds.indexOf(b.kind),
    );
}

// ---------------------------------------------------------------------------------------------
// The practice

/** A finished review with its assignment's fact, or null when its summary holds none. */
type JoinedReview = { review: ReviewFact; assignment: AssignmentFact | null };

/** Every client's reviews, each joined to its assignment's fact within the same summary. */
function joinedReviews(summaries: readonly InsightSummary[]): JoinedReview[] {
  return summaries.flatMap((summary) => {
    const assignments = new Map(summary.assignments.map((fact) => [fact.assignmentId, fact]));
    return summary.reviews.map((review) => ({
      review,
      assignment: assignments.get(review.assignmentId) ?? null,
    }));
  });
}

/** The reviews grouped by a key, each group in the order met. */
function reviewsBy<K>(joined: readonly JoinedReview[], keyOf: (item: JoinedReview) => K) {
  const groups = new Map<K, ReviewFact[]>();
  for (const item of joined) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item.review]);
    else group.push(item.review);
  }
  return groups;
}

/** Keys in code-unit order, so a result never depends on the order its input came in. */
function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Completion in one calendar month. */
export type MonthCompletion = { month: string } & Completion;

/**
 * Completion month by month ("YYYY-MM" of the review's local date), earliest first; months
 * without a finished review are left out. Read against `REFERENCE_COMPLETION_PERCENT`.
 */
export function completionByMonth(summaries: readonly InsightSummary[]): MonthCompletion[] {
  const groups = reviewsBy(joinedReviews(summaries), ({ review }) => review.reviewedOn.slice(0, 7));
  return [...groups.keys()]
    .sort(byKey)
    .map((month) => ({ month, ...completionOf(groups.get(month) ?? []) }));
}

/** Completion of the reviews of one template, or one category of templates. */
export type CompletionGroup<K extends string> = { key: K } & Completion;

/**
 * Completion by where the practice came from: each template (or category) with reviews, in key
 * order for the caller to name and sort; practice built from scratch; and reviews whose source
 * is not known (no assignment fact, or a template the caller could not place).
 */
export type CompletionBySource<K extends string> = {
  groups: CompletionGroup<K>[];
  fromScratch: Completion;
  unknown: Completion;
};

/**
 * Groups reviews by source: `sourceOf` gives a key, null for from scratch or undefined for
 * not known, from a review's assignment fact; a review without one is not known.
 */
function completionBySource<K extends string>(
  summaries: readonly InsightSummary[],
  sourceOf: (assignment: AssignmentFact) => K | null | undefined,
): CompletionBySource<K> {
  const groups = reviewsBy(joinedReviews(summaries), ({ assignment }) =>
    assignment === null ? undefined : sourceOf(assignment),
  );
  const keys = [...groups.keys()].filter((key): key is K => typeof key === 'string');
  return {
    groups: keys.sort(byKey).map((key) => ({ key, ...completionOf(groups.get(key) ?? []) })),
    fromScratch: completionOf(groups.get(null) ?? []),
    unknown: completionOf(groups.get(undefined) ?? []),
  };
}

/** Completion by template id (a built-in slug or a custom lineage id); names are the caller's. */
export function completionByTemplate(
  summaries: readonly InsightSummary[],
): CompletionBySource<string> {
  return completionBySource(summaries, (assignment) => assignment.templateId);
}

/**
 * Completion by template category, `categoryOf` placing a template id in its category (null
 * when the template is no longer known, which counts under unknown).
 */
export function completionByCategory<C extends string>(
  summaries: readonly InsightSummary[],
  categoryOf: (templateId: string) => C | null,
): CompletionBySource<C> {
  return completionBySource(summaries, (assignment) =>
    assignment.templateId === null ? null : (categoryOf(assignment.templateId) ?? undefined),
  );
}

/** The bucket for reviews whose assignment fact, or the value compared, is not known. */
export type UnknownBucket = 'unknown';

/**
 * Completion in each of a fixed list of buckets, every bucket present (empty ones out of 0),
 * plus `unknown` for reviews without an assignment fact or whose `bucketOf` is null.
 */
function completionByBucket<K extends string>(
  summaries: readonly InsightSummary[],
  buckets: readonly K[],
  bucketOf: (assignment: AssignmentFact) => K | null,
): Record<K | UnknownBucket, Completion> {
  const groups = reviewsBy(
    joinedReviews(summaries),
    ({ assignment }): K | UnknownBucket =>
      (assignment === null ? null : bucketOf(assignment)) ?? 'unknown',
  );
  const all: (K | UnknownBucket)[] = [...buckets, 'unknown'];
  return Object.fromEntries(
    all.map((bucket) => [bucket, completionOf(groups.get(bucket) ?? [])]),
  ) as Record<K | UnknownBucket, Completion>;
}

/**
 * Completion by the dose's size in minutes a week (`doseSizes`); a dose not chosen is unknown.
 */
export function completionByDoseSize(
  summaries: readonly InsightSummary[],
): Record<DoseSize | UnknownBucket, Completion> {
  return completionByBucket(summaries, doseSizes, (assignment) => assignment.doseSize);
}

/**
 * Confidence from which a plan counts as one the client feels sure of: 7 on the 0–10 ruler, the
 * usual point below which a plan is worth making smaller or easier before the client leaves.
 */
export const CONFIDENT_FROM = 7;

/** Confidence bands compared: below `CONFIDENT_FROM`, and from it up. */
export const confidenceBands = ['below-7', '7-or-more'] as const;

/** A confidence band. */
export type ConfidenceBand = (typeof confidenceBands)[number];

/** Completion by the client's confidence at the last plan; confidence not asked is unknown. */
export function completionByConfidence(
  summaries: readonly InsightSummary[],
): Record<ConfidenceBand | UnknownBucket, Completion> {
  return completionByBucket(summaries, confidenceBands, ({ confidence }) =>
    confidence === null ? null : confidence < CONFIDENT_FROM ? 'below-7' : '7-or-more',
  );
}

/** Completion with and without a specific implementation intention (what, when and where). */
export function completionBySpecificPlan(
  summaries: readonly InsightSummary[],
): Record<'specific' | 'not-specific' | UnknownBucket, Completion> {
  return completionByBucket(summaries, ['specific', 'not-specific'], ({ specificPlan }) =>
    specificPlan ? 'specific' : 'not-specific',
  );
}

/** Completion with at least one if-then plan for a barrier, and with none. */
export function completionByIfThenPlans(
  summaries: readonly InsightSummary[],
): Record<'with-if-then' | 'without-if-then' | UnknownBucket, Completion> {
  return completionByBucket(summaries, ['with-if-then', 'without-if-then'], ({ ifThenPlans }) =>
    ifThenPlans > 0 ? 'with-if-then' : 'without-if-then',
  );
}

// ---------------------------------------------------------------------------------------------
// The clinician's own habits

/** One session, as the clinician's habits count it. */
export type SessionHabitFact = {
  sessionId: string;
  /** The local date of the session, "YYYY-MM-DD". */
  date: string;
  status: SessionStatus;
  /** Whether last week's practice was reviewed before new practice was set (null: not decided). */
  reviewedFirst: boolean | null;
  /** Whether new practice was set in it (null: not known). */
  setPractice: boolean | null;
};

/** One client's part in the clinician's habits. */
export type ClientHabitFacts = {
  sessions: readonly SessionHabitFact[];
  /** The local dates ("YYYY-MM-DD") a handout for this client was exported. */
  handoutDates: ReadonlySet<string>;
  /** The client's agreed assignments. */
  assignments: readonly AssignmentFact[];
};

/** The clinician's own habits, each a share. */
export type ClinicianHabits = {
  /** Sessions that reviewed practice before setting new practice, of those where it was decided. */
  reviewedFirst: Share;
  /** Sessions that set practice and had a handout exported the same day, of those that set it. */
  setPracticeWithHandout: Share;
  /** Agreed assignments with a specific implementation intention, of all agreed. */
  specificPlans: Share;
};

/**
 * The clinician's habits across clients, every one a share of what could have counted:
 * - reviewed first: of sessions not cancelled whose `reviewedFirst` is decided (not null), those
 *   with `reviewedFirst` true;
 * - practice with a handout: of sessions not cancelled that set practice (`setPractice` true),
 *   those on whose date a handout for the same client was exported;
 * - specific plans: of agreed assignments, those whose plan names a clear what, when and where.
 */
export function clinicianHabits(clients: readonly ClientHabitFacts[]): ClinicianHabits {
  const notCancelled = clients.flatMap(({ sessions, handoutDates }) =>
    sessions
      .filter((session) => session.status !== 'cancelled')
      .map((session) => ({ session, handoutDates })),
  );
  const decided = notCancelled.filter(({ session }) => session.reviewedFirst !== null);
  const setPractice = notCancelled.filter(({ session }) => session.setPractice === true);
  const assignments = clients.flatMap((client) => client.assignments);
  return {
    reviewedFirst: shareOf(
      decided.filter(({ session }) => session.reviewedFirst === true).length,
      decided.length,
    ),
    setPracticeWithHandout: shareOf(
      setPractice.filter(({ session, handoutDates }) => handoutDates.has(session.date)).length,
      setPractice.length,
    ),
    specificPlans: shareOf(
      assignments.filter((fact) => fact.specificPlan).length,
      assignments.length,
    ),
  };
}

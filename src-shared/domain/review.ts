import { z } from 'zod';
import { type BarrierKind, barrierKinds } from './barrier-kinds';
import { recordIdSchema } from './record-id';
import { plainText } from './text';

/**
 * Version of the review record's shape.
 * 2: what the review flow records — the outcome in the client's terms, the smallest version,
 *    the amount (from the returned tracker or an estimate), the therapist's 0–4 view, the
 *    client's own 0–4 ratings, who reported, barriers met by kind with their notes (the builder's
 *    taxonomy), whether the if-then and backup plans were used and helped, anything that made
 *    things worse, what happened, what was learned, wins, the decision with the new version it
 *    led to, whether it is finished, and a revision (`upgradeReviewV1`).
 */
export const REVIEW_SCHEMA_VERSION = 2;

/** Text limits of the review's fields, shown as counters where the clinician types. */
export const reviewTextLimits = {
  barrierNote: 300,
  barrierNotes: 1000,
  worseNote: 1000,
  happened: 2000,
  learned: 2000,
  wins: 1000,
  decisionReason: 1000,
} as const;

/** How the week went, in the client's terms: every answer is information, none is a failure. */
export const reviewOutcomes = [
  'did-it',
  'some-of-it',
  'something-different',
  'not-this-time',
] as const;

/** How the week went. */
export type ReviewOutcome = (typeof reviewOutcomes)[number];

/** How each outcome reads, aloud and on the client view. */
export const reviewOutcomeLabels: Record<ReviewOutcome, string> = {
  'did-it': 'Did it',
  'some-of-it': 'Some of it',
  'something-different': 'Tried something different',
  'not-this-time': 'Not this time',
};

/** The decision taken together at the end of a review. */
export const reviewDecisions = [
  'continue',
  'step-up',
  'make-smaller',
  'modify',
  'pause',
  'stop',
  'completed',
] as const;

/** A decision taken together. */
export type ReviewDecision = (typeof reviewDecisions)[number];

/**
 * How each decision reads. Making it smaller is worded as good design — fitting the practice to
 * the week — never as a step back.
 */
export const reviewDecisionLabels: Record<ReviewDecision, string> = {
  continue: 'Keep it as it is',
  'step-up': 'Take the next step',
  'make-smaller': 'Make it fit the week better',
  modify: 'Change how it works',
  pause: 'Pause it for now',
  stop: 'Stop it',
  completed: 'It has done its job',
};

/** The decisions that carry on with a new, linked version made in the builder. */
export const decisionsWithNewVersion = ['step-up', 'make-smaller', 'modify'] as const;

/** A decision that carries on with a new, linked version. */
export type NewVersionDecision = (typeof decisionsWithNewVersion)[number];

/** Whether a decision carries on with a new, linked version made in the builder. */
export function isNewVersionDecision(
  decision: ReviewDecision | null,
): decision is NewVersionDecision {
  return (decisionsWithNewVersion as readonly (ReviewDecision | null)[]).includes(decision);
}

/** Who the account of the week came from. */
export const reportSources = ['client-account', 'returned-tracker', 'observed-in-session'] as const;

/** One source of the account. */
export type ReportSource = (typeof reportSources)[number];

/** How each source reads. */
export const reportSourceLabels: Record<ReportSource, string> = {
  'client-account': 'What the client told me',
  'returned-tracker': 'A returned tracker',
  'observed-in-session': 'Practised here in session',
};

/** Whether an if-then or backup plan came into play, and whether it helped. */
export const planUses = [
  'not-needed',
  'not-used',
  'helped',
  'helped-a-little',
  'did-not-help',
] as const;

/** How a plan was used. */
export type PlanUse = (typeof planUses)[number];

/** How each use reads. */
export const planUseLabels: Record<PlanUse, string> = {
  'not-needed': 'Not needed',
  'not-used': 'Not used',
  helped: 'Used — it helped',
  'helped-a-little': 'Used — helped a little',
  'did-not-help': "Used — it didn't help",
};

/** A 0–4 rating: therapist's view of quality and engagement, or the client's own ratings. */
const rating = z.number().int().min(0).max(4).nullable();

/** A barrier met this time: its kind (counted in Insights) and a note in the client's words. */
export const barrierMetSchema = z
  .object({
    kind: z.enum(barrierKinds),
    note: plainText().trim().max(reviewTextLimits.barrierNote),
  })
  .strict();

/** A barrier met. */
export type BarrierMet = z.infer<typeof barrierMetSchema>;

/**
 * Reviewing one assignment at the start of a session: what happened with it. Non-completion is
 * recorded as clinical information (what got in the way, what was learned), never as failure.
 * A review saves itself as it is filled in (`finished` false) and counts in Insights once it is
 * finished with a decision.
 */
export const reviewSchema = z
  .object({
    id: recordIdSchema,
    clientId: recordIdSchema,
    assignmentId: recordIdSchema,
    /** The session it was taken in, if any. */
    sessionId: recordIdSchema.nullable(),
    reviewedAt: z.iso.datetime(),
    outcome: z.enum(reviewOutcomes).nullable(),
    /** Whether the smallest version that still counts was met (null: not asked yet). */
    smallestVersionMet: z.boolean().nullable(),
    /** Where the amount came from: the day-by-day grid of a returned tracker, or an estimate. */
    amountFrom: z.enum(['tracker', 'estimate']).nullable(),
    /** Share of the planned amount done, 0–100 (worked out from the grid, or estimated). */
    percentDone: z.number().int().min(0).max(100).nullable(),
    /** The therapist's view, 0–4; never shown to the client. */
    quality: rating,
    engagement: rating,
    /** The client's own ratings, 0–4. */
    helpful: rating,
    hard: rating,
    understoodWhy: rating,
    fitsGoals: rating,
    reportedBy: z.array(z.enum(reportSources)).max(reportSources.length),
    barriersMet: z.array(barrierMetSchema).max(barrierKinds.length),
    barrierNotes: plainText().max(reviewTextLimits.barrierNotes),
    ifThenPlan: z.enum(planUses).nullable(),
    backupPlan: z.enum(planUses).nullable(),
    /** Whether anything made things worse or felt too much: asked every time. */
    madeThingsWorse: z.enum(['no', 'yes']).nullable(),
    worseNote: plainText().max(reviewTextLimits.worseNote),
    /** What happened, in the client's words. */
    happened: plainText().max(reviewTextLimits.happened),
    /** What the client learned, in their words. */
    learned: plainText().max(reviewTextLimits.learned),
    /** Wins, however small (shown on the client view). */
    wins: plainText().max(reviewTextLimits.wins),
    decision: z.enum(reviewDecisions).nullable(),
    decisionReason: plainText().max(reviewTextLimits.decisionReason),
    /** The new, linked version the decision led to, once it is made. */
    nextAssignmentId: recordIdSchema.nullable(),
    /** Finished with a decision (counts in Insights), or still being filled in. */
    finished: z.boolean(),
    /** Counts saves; a save from a window that read an older revision is refused. */
    revision: z.number().int().min(0),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict()
  .refine(
    (review) =>
      new Set(review.barriersMet.map((met) => met.kind)).size === review.barriersMet.length,
    {
      message: 'A barrier kind is listed twice.',
      path: ['barriersMet'],
    },
  )
  .refine((review) => new Set(review.reportedBy).size === review.reportedBy.length, {
    message: 'A source is listed twice.',
    path: ['reportedBy'],
  })
  .refine((review) => !review.finished || (review.outcome !== null && review.decision !== null), {
    message: 'A finished review has an outcome and a decision.',
    path: ['finished'],
  });

/** A review. */
export type Review = z.infer<typeof reviewSchema>;

/** The barrier kinds of review shape 1, as the one taxonomy names them now. */
const barrierKindsV1: Record<string, BarrierKind> = {
  forgot: 'forgot',
  'no-time': 'no-time',
  'low-energy-or-mood': 'low-energy-or-mood',
  'felt-too-hard': 'too-big-or-hard',
  'unclear-what-to-do': 'unclear-when-where-how',
  'didnt-seem-useful': 'unsure-why-it-helps',
  'avoidance-or-fear': 'feelings-or-avoidance',
  'other-people': 'other-people',
  'circumstances-changed': 'chaotic-week',
  illness: 'illness',
  other: 'other',
};

const outcomesV1: Record<string, ReviewOutcome> = {
  done: 'did-it',
  partly: 'some-of-it',
  'not-done': 'not-this-time',
};

const reportedByV1: Record<string, ReportSource[]> = {
  client: ['client-account'],
  therapist: ['observed-in-session'],
  both: ['client-account', 'observed-in-session'],
};

/** A 0–10 rating of shape 1 on the 0–4 scale of shape 2; null stays null, and anything else
 * stays as it was, so the record reads as damaged rather than as a made-up rating. */
function onFourPointScale(value: unknown): unknown {
  const valid = typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
  return valid ? Math.round((value * 4) / 10) : (value ?? null);
}

/** `table`'s own entry for `key`, never one inherited from Object (a "toString" stays unknown). */
function lookUp<T>(table: Record<string, T>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * A review record of shape 1 as shape 2. Every word is kept: the outcome, the percentage (as an
 * estimate), the barrier kinds under their names in the one taxonomy, the notes, what was
 * learned, wins and the decision; the therapist's 0–10 ratings are put on the 0–4 scale; a
 * review of shape 1 was always complete, so it is finished.
 */
export function upgradeReviewV1(old: Record<string, unknown>): Record<string, unknown> {
  const { outcome, percentDone, quality, engagement, reportedBy, barriersMet, ...rest } = old;
  const kinds = Array.isArray(barriersMet) ? barriersMet : [];
  return {
    ...rest,
    outcome: lookUp(outcomesV1, outcome) ?? outcome,
    smallestVersionMet: null,
    amountFrom: 'estimate',
    percentDone,
    quality: onFourPointScale(quality),
    engagement: onFourPointScale(engagement),
    helpful: null,
    hard: null,
    understoodWhy: null,
    fitsGoals: null,
    reportedBy: lookUp(reportedByV1, reportedBy) ?? reportedBy,
    barriersMet: [...new Set(kinds.map((kind) => lookUp(barrierKindsV1, kind) ?? kind))].map(
      (kind) => ({ kind, note: '' }),
    ),
    ifThenPlan: null,
    backupPlan: null,
    madeThingsWorse: null,
    worseNote: '',
    happened: '',
    nextAssignmentId: null,
    finished: true,
    revision: 0,
    createdAt: rest.reviewedAt,
    updatedAt: rest.reviewedAt,
  };
}

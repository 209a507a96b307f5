import { z } from 'zod';
import { assignmentStatuses } from './assignment';
import { barrierKinds } from './barrier-kinds';
import { recordIdSchema } from './record-id';
import { reviewDecisions, reviewOutcomes } from './review';

/**
 * Version of the insight summary record's shape. An insight summary is derived data: one small
 * encrypted record per client holding the numbers and kinds Insights counts — one fact per
 * finished review and one per agreed assignment, never a word of free text — so the
 * practice-wide screen reads one record per client instead of decrypting every review, every
 * assignment and every practice-log entry. It is rewritten from the client's records in the same
 * transaction as every write that changes them (see reviews-repository.ts and
 * assignments-repository.ts); it notes how many review and assignment records it was made from,
 * so a reader that finds other counts in the index (a backup from before summaries existed, a
 * crash between versions) works them out from the records instead and has them rewritten.
 */
export const INSIGHT_SUMMARY_SCHEMA_VERSION = 1;

/** How big a dose is, in minutes a week: the buckets Insights compares. */
export const doseSizes = ['as-needed', 'up-to-30', '31-to-90', 'over-90', 'not-timed'] as const;

/** A dose's size bucket. */
export type DoseSize = (typeof doseSizes)[number];

/** One finished review, as numbers and kinds only. */
export const reviewFactSchema = z
  .object({
    reviewId: recordIdSchema,
    assignmentId: recordIdSchema,
    sessionId: recordIdSchema.nullable(),
    /** The local date of the review, "YYYY-MM-DD". */
    reviewedOn: z.iso.date(),
    outcome: z.enum(reviewOutcomes),
    percentDone: z.number().int().min(0).max(100).nullable(),
    smallestVersionMet: z.boolean().nullable(),
    /** A returned tracker was one source of the account. */
    trackerReturned: z.boolean(),
    barrierKinds: z.array(z.enum(barrierKinds)).max(barrierKinds.length),
    decision: z.enum(reviewDecisions),
    madeThingsWorse: z.boolean(),
  })
  .strict();

/** A finished review's fact. */
export type ReviewFact = z.infer<typeof reviewFactSchema>;

/** One agreed assignment (drafts are left out), as numbers and kinds only. */
export const assignmentFactSchema = z
  .object({
    assignmentId: recordIdSchema,
    sessionId: recordIdSchema.nullable(),
    startsOn: z.iso.date(),
    status: z.enum(assignmentStatuses),
    /** The template's id (a built-in slug or a custom lineage id), null from scratch. */
    templateId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,120}$/)
      .nullable(),
    doseSize: z.enum(doseSizes).nullable(),
    /** The client's confidence at the last plan (after any change, else before), 0–10. */
    confidence: z.number().int().min(0).max(10).nullable(),
    /** The implementation intention names a clear what, a time or cue, and a place. */
    specificPlan: z.boolean(),
    /** How many planned barriers have an if-then plan. */
    ifThenPlans: z.number().int().min(0).max(8),
    ladderStep: z.number().int().min(0).max(11).nullable(),
    ladderLength: z.number().int().min(0).max(12),
    /** The assignment this one is a new version of. */
    replaces: recordIdSchema.nullable(),
  })
  .strict();

/** An agreed assignment's fact. */
export type AssignmentFact = z.infer<typeof assignmentFactSchema>;

/** One client's insight summary. */
export const insightSummarySchema = z
  .object({
    id: recordIdSchema,
    clientId: recordIdSchema,
    /** How many review records and assignment records (any state) it was made from. */
    reviewRecords: z.number().int().min(0),
    assignmentRecords: z.number().int().min(0),
    reviews: z.array(reviewFactSchema).max(100_000),
    assignments: z.array(assignmentFactSchema).max(100_000),
  })
  .strict();

/** A client's insight summary. */
export type InsightSummary = z.infer<typeof insightSummarySchema>;

import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainText } from './text';

/** Version of the review record's shape. */
export const REVIEW_SCHEMA_VERSION = 1;

/** What got in the way: a fixed taxonomy, so Insights can count barriers across clients. */
export const barrierKinds = [
  'forgot',
  'no-time',
  'low-energy-or-mood',
  'felt-too-hard',
  'unclear-what-to-do',
  'didnt-seem-useful',
  'avoidance-or-fear',
  'other-people',
  'circumstances-changed',
  'illness',
  'other',
] as const;

/** The decision taken together at the end of a review. */
export const reviewDecisions = [
  'continue',
  'step-up',
  'make-smaller',
  'modify',
  'stop',
  'completed',
] as const;

/**
 * The start of the next session: what happened with one assignment. Non-completion is recorded
 * as clinical information (what got in the way, what was learned), never as failure.
 */
export const reviewSchema = z
  .object({
    id: recordIdSchema,
    clientId: recordIdSchema,
    assignmentId: recordIdSchema,
    sessionId: recordIdSchema.nullable(),
    reviewedAt: z.iso.datetime(),
    outcome: z.enum(['done', 'partly', 'not-done']),
    /** Share of the planned amount done, 0–100. */
    percentDone: z.number().int().min(0).max(100),
    quality: z.number().int().min(0).max(10).nullable(),
    engagement: z.number().int().min(0).max(10).nullable(),
    reportedBy: z.enum(['client', 'therapist', 'both']),
    barriersMet: z.array(z.enum(barrierKinds)).max(barrierKinds.length),
    barrierNotes: plainText().max(1000),
    learned: plainText().max(2000),
    wins: plainText().max(1000),
    decision: z.enum(reviewDecisions),
    decisionReason: plainText().max(1000),
  })
  .strict();

/** A review. */
export type Review = z.infer<typeof reviewSchema>;

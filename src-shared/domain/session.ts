import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine, plainText } from './text';

/**
 * Version of the session record's shape.
 * 2: the review items (each to review, reviewed or deferred with a reason), the assignments set
 *    in the session, and a revision for noticing edits from another window
 *    (`upgradeSessionV1`).
 * 3: whether practice was reviewed before new practice was set (`upgradeSessionV2`).
 */
export const SESSION_SCHEMA_VERSION = 3;

/** Text limits of the session's fields, shown as counters where the clinician types. */
export const sessionTextLimits = {
  topic: 300,
  summaryForClient: 5000,
  privateNotes: 20_000,
  deferredBecause: 500,
} as const;

/** Where a session stands. */
export const sessionStatuses = ['planned', 'held', 'cancelled'] as const;

/** A session's status. */
export type SessionStatus = (typeof sessionStatuses)[number];

/** How a session's status reads. */
export const sessionStatusLabels: Record<SessionStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  cancelled: 'Cancelled',
};

/**
 * Reviewing one assignment at the start of a session: still to do, done (with its review once
 * issue 12's review flow records one), or deferred with a reason — a risk or crisis check can
 * take the time, and that is recorded, never a silent skip.
 */
export const reviewItemSchema = z
  .object({
    assignmentId: recordIdSchema,
    state: z.enum(['to-review', 'reviewed', 'deferred']),
    deferredBecause: plainText().trim().max(sessionTextLimits.deferredBecause),
    reviewId: recordIdSchema.nullable(),
  })
  .strict()
  .refine((item) => item.state !== 'deferred' || item.deferredBecause.length > 0, {
    message: 'A deferred review needs a reason.',
    path: ['deferredBecause'],
  });

/** One review item of a session's agenda. */
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/**
 * One therapy session: its agenda (reviewing last week's practice always first, then the topics
 * in the order given, the new practice, the summary), what the client takes away and the
 * clinician's private notes.
 */
export const sessionSchema = z
  .object({
    id: recordIdSchema,
    clientId: recordIdSchema,
    /** When it starts (ISO 8601, UTC). */
    startsAt: z.iso.datetime(),
    durationMinutes: z.number().int().min(5).max(480),
    status: z.enum(sessionStatuses),
    /** Review items, in the order they are taken; one per active assignment due. */
    reviewItems: z.array(reviewItemSchema).max(20),
    /** Agenda items after the review, in agenda order. */
    topics: z.array(plainLine().trim().min(1).max(sessionTextLimits.topic)).max(20),
    /** The assignments set in this session, in the order they were made. */
    assignmentIds: z.array(recordIdSchema).max(20),
    /** The client-facing summary (may appear on the session-summary handout). */
    summaryForClient: plainText().max(sessionTextLimits.summaryForClient),
    /** The clinician's private notes; never shown in the client view or on handouts. */
    privateNotes: plainText().max(sessionTextLimits.privateNotes),
    /**
     * Whether reviewing last week's practice came before setting new practice: decided once, by
     * whichever happens first (see session-agenda.ts: recording a review item, and
     * `reviewedFirstWhenPracticeStarts`); null until then, or when nothing was due.
     */
    reviewedFirst: z.boolean().nullable(),
    /** Counts saves; a save from a window that read an older revision is refused. */
    revision: z.number().int().min(0),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict();

/** A session. */
export type Session = z.infer<typeof sessionSchema>;

/** A session record of shape 1 as shape 2: nothing reviewed or set yet, every word kept. */
export function upgradeSessionV1(old: Record<string, unknown>): Record<string, unknown> {
  return {
    ...old,
    reviewItems: [],
    assignmentIds: [],
    revision: 0,
    updatedAt: old.createdAt,
  };
}

/** A session record of shape 2 as shape 3: the order of reviewing was not recorded then. */
export function upgradeSessionV2(old: Record<string, unknown>): Record<string, unknown> {
  return { ...old, reviewedFirst: null };
}

/** The session record's one-line text fields, for repairing text stored before the rules (`repairStoredText`). */
export const sessionSingleLineFields = ['topics'];

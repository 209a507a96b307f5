import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine, plainText } from './text';

/** Version of the session record's shape. */
export const SESSION_SCHEMA_VERSION = 1;

/** One therapy session: its plan, what the client takes away, and the clinician's notes. */
export const sessionSchema = z
  .object({
    id: recordIdSchema,
    clientId: recordIdSchema,
    /** When it starts (ISO 8601, UTC). */
    startsAt: z.iso.datetime(),
    durationMinutes: z.number().int().min(5).max(480),
    status: z.enum(['planned', 'held', 'cancelled']),
    /** Agenda items after the homework review, which always comes first. */
    topics: z.array(plainLine().trim().min(1).max(300)).max(20),
    /** The client-facing summary (may appear on the session-summary handout). */
    summaryForClient: plainText().max(5000),
    /** The clinician's private notes; never shown in the client view or on handouts. */
    privateNotes: plainText().max(20_000),
    createdAt: z.iso.datetime(),
  })
  .strict();

/** A session. */
export type Session = z.infer<typeof sessionSchema>;

/** The session record's one-line text fields, for repairing text stored before the rules (`repairStoredText`). */
export const sessionSingleLineFields = ['topics'];

import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine, plainText } from './text';

/** Version of the practice log record's shape. */
export const PRACTICE_LOG_SCHEMA_VERSION = 1;

/** A day's practice of one assignment, as the client reported it. */
export const practiceLogSchema = z
  .object({
    id: recordIdSchema,
    clientId: recordIdSchema,
    assignmentId: recordIdSchema,
    /** The day practised (local date). */
    date: z.iso.date(),
    done: z.enum(['yes', 'partly', 'no']),
    /** Amount in the assignment's measure (minutes, times…), if noted. */
    amount: z.number().min(0).max(10_000).nullable(),
    /** Tracker values by field label. */
    tracker: z.record(
      plainLine().max(60),
      z.union([plainLine().max(200), z.number(), z.boolean()]),
    ),
    note: plainText().max(2000),
  })
  .strict();

/** A practice log entry. */
export type PracticeLog = z.infer<typeof practiceLogSchema>;

/** The practice log record's one-line text fields, for repairing text stored before the rules (`repairStoredText`). (The tracker's labels are its keys, which are not repaired.) */
export const practiceLogSingleLineFields = ['tracker'];

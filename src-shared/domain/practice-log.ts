import { z } from 'zod';
import { recordIdSchema } from './record-id';

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
    tracker: z.record(z.string().max(60), z.union([z.string().max(200), z.number(), z.boolean()])),
    note: z.string().max(2000),
  })
  .strict();

/** A practice log entry. */
export type PracticeLog = z.infer<typeof practiceLogSchema>;

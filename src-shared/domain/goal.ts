import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainText } from './text';

/** Version of the goal record's shape. */
export const GOAL_SCHEMA_VERSION = 1;

/** Where a goal stands. */
export const goalStatuses = ['active', 'achieved', 'paused', 'let-go'] as const;

/** Goal status labels. */
export const goalStatusLabels: Record<(typeof goalStatuses)[number], string> = {
  active: 'Working on it',
  achieved: 'Achieved',
  paused: 'On hold',
  'let-go': 'Let go',
};

/** Something the client wants from therapy, in their own words. */
export const goalSchema = z
  .object({
    id: recordIdSchema,
    clientId: recordIdSchema,
    /** The goal as the client put it, e.g. "Get back to Sunday football". */
    clientWords: plainText()
      .trim()
      .min(1, 'Please write the goal.')
      .max(300, 'Goals can be up to 300 characters.'),
    /** Why it matters to them, in their words. */
    whyItMatters: plainText().trim().max(1000, 'This can be up to 1,000 characters.'),
    status: z.enum(goalStatuses),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict();

/** A client's goal. */
export type Goal = z.infer<typeof goalSchema>;

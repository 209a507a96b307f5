import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine, plainText } from './text';
import {
  barrierSchema,
  doseOptionSchema,
  ladderStepSchema,
  trackerFieldSchema,
  upgradeDoseOptionV1,
  upgradeLadderV1,
} from './template';

/**
 * Version of the assignment record's shape. 2: the dose and ladder follow template shape 2
 * (a dose `{ label, dose }`, ladder difficulty 0–10); `upgradeAssignmentV1` upgrades 1 → 2.
 */
export const ASSIGNMENT_SCHEMA_VERSION = 2;

/** An assignment record of shape 1 as shape 2: its dose and ladder upgraded like a template's. */
export function upgradeAssignmentV1(old: Record<string, unknown>): Record<string, unknown> {
  const dose = typeof old.dose === 'object' && old.dose !== null ? old.dose : {};
  return { ...old, dose: upgradeDoseOptionV1(dose), ladder: upgradeLadderV1(old.ladder) };
}

/** "I will [do what] [when / after what cue] at [where]": an implementation intention. */
export const implementationIntentionSchema = z
  .object({
    what: plainLine().trim().max(200),
    /** A time, or a cue ("after I brush my teeth"). */
    when: plainLine().trim().max(200),
    where: plainLine().trim().max(200),
  })
  .strict();

/**
 * A piece of homework designed with a client. Versioned: adjusting it after a review makes a
 * new assignment that links to the one it replaces, with the reason.
 */
export const assignmentSchema = z
  .object({
    id: recordIdSchema,
    clientId: recordIdSchema,
    /** The template it came from: a built-in slug or a custom template's version id. */
    template: z
      .object({ templateId: z.string().max(120), version: z.number().int().min(1) })
      .strict()
      .nullable(),
    /** Client-facing title (the discreet one when the client prefers). */
    title: plainLine().trim().min(1).max(120),
    /** What part feels doable, in the client's words. */
    clientWords: plainText().max(1000),
    /** The client's goals this serves. */
    goalIds: z.array(recordIdSchema).max(10),
    /** The dose chosen together. */
    dose: doseOptionSchema,
    /** The smallest version that still counts. */
    minimumDose: plainLine().max(200),
    /** How confident the client is they will do it, 0–10 (below 7 suggests making it smaller). */
    confidence: z.number().int().min(0).max(10),
    steps: z.array(plainLine().max(300)).max(12),
    trackerFields: z.array(trackerFieldSchema).max(6),
    ladder: z.array(ladderStepSchema).max(12),
    /** Index of the ladder step this week's homework is on, if there is a ladder. */
    ladderStep: z.number().int().min(0).max(11).nullable(),
    barriers: z.array(barrierSchema).max(8),
    implementationIntention: implementationIntentionSchema,
    backupPlan: plainText().max(300),
    status: z.enum(['active', 'completed', 'stopped', 'replaced']),
    /** The assignment this one adjusts, with why. */
    replaces: z
      .object({ assignmentId: recordIdSchema, reason: plainText().max(500) })
      .strict()
      .nullable(),
    startsOn: z.iso.date(),
    createdAt: z.iso.datetime(),
  })
  .strict();

/** An assignment. */
export type Assignment = z.infer<typeof assignmentSchema>;

/** The assignment record's one-line text fields, for repairing text stored before the rules (`repairStoredText`). */
export const assignmentSingleLineFields = [
  'title',
  'minimumDose',
  'steps',
  'label',
  'step',
  'barrier',
  'ifThen',
  'what',
  'when',
  'where',
];

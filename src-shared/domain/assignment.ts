import { z } from 'zod';
import { barrierKinds } from './barrier-kinds';
import { recordIdSchema } from './record-id';
import { plainLine, plainText } from './text';
import {
  discreetWordingSchema,
  doseOptionSchema,
  doseSchema,
  ladderStepSchema,
  templateRefSchema,
  trackerFieldSchema,
  upgradeDoseOptionV1,
  upgradeLadderV1,
} from './template';

/**
 * Version of the assignment record's shape.
 * 2: the dose and ladder follow template shape 2 (`upgradeAssignmentV1`).
 * 3: what the collaborative builder captures — the client's own words for why it matters, the
 *    goals it serves (with their words, kept), three titles, a structured plan (when, where), a
 *    structured minimum, planned barriers by kind, confidence before and after, importance,
 *    materials and reminder, cautions acknowledged, a review-by date, drafts and a revision for
 *    noticing edits from another window (`upgradeAssignmentV2`).
 */
export const ASSIGNMENT_SCHEMA_VERSION = 3;

/** An assignment record of shape 1 as shape 2: its dose and ladder upgraded like a template's. */
export function upgradeAssignmentV1(old: Record<string, unknown>): Record<string, unknown> {
  const dose = typeof old.dose === 'object' && old.dose !== null ? old.dose : {};
  return { ...old, dose: upgradeDoseOptionV1(dose), ladder: upgradeLadderV1(old.ladder) };
}

/** Text limits of the assignment's fields, shown as counters where the clinician types. */
export const assignmentTextLimits = {
  title: 120,
  whyItMatters: 1000,
  whatFeelsDoable: 1000,
  noGoalBecause: 300,
  what: 200,
  cue: 200,
  where: 200,
  minimumLabel: 200,
  barrier: 120,
  ifThen: 240,
  backupPlan: 300,
  materials: 300,
  reminderPlace: 200,
  step: 300,
} as const;

const limited = (field: keyof typeof assignmentTextLimits) =>
  plainText().max(assignmentTextLimits[field]);
const limitedLine = (field: keyof typeof assignmentTextLimits) =>
  plainLine().trim().max(assignmentTextLimits[field]);

/** Days of the week, ISO numbering: 1 is Monday, 7 is Sunday. */
export const weekdaySchema = z.number().int().min(1).max(7);

/** A time of day on the 24-hour clock, "HH:MM". */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a time of day');

/**
 * "I will [do what] [when / after what cue] at [where]": the implementation intention. *When* is
 * a time of day, a cue ("after I brush my teeth"), or both; the days it happens on are the
 * schedule's.
 */
export const practicePlanSchema = z
  .object({
    what: limitedLine('what'),
    time: timeOfDaySchema.nullable(),
    cue: limitedLine('cue'),
    where: limitedLine('where'),
  })
  .strict();

/** The smallest version that still counts: how it reads, and in numbers when it was set so. */
export const assignmentMinimumSchema = z
  .object({
    label: limitedLine('minimumLabel'),
    dose: doseSchema.nullable(),
  })
  .strict();

/** Something that might get in the way, planned for: its kind, the client's words, the if-then. */
export const plannedBarrierSchema = z
  .object({
    kind: z.enum(barrierKinds),
    barrier: limitedLine('barrier'),
    ifThen: limitedLine('ifThen'),
  })
  .strict();

/** A goal the assignment serves, with the goal's words as they were (kept if the goal goes). */
export const servedGoalSchema = z
  .object({ goalId: recordIdSchema, words: plainText().max(300) })
  .strict();

/** Where an assignment stands. A draft is being designed and is not yet agreed. */
export const assignmentStatuses = [
  'draft',
  'active',
  'paused',
  'completed',
  'stopped',
  'replaced',
] as const;

/** An assignment's status. */
export type AssignmentStatus = (typeof assignmentStatuses)[number];

/** How an assignment's status reads: a draft is still being designed; an active one was agreed. */
export const assignmentStatusLabels: Record<AssignmentStatus, string> = {
  draft: 'Draft',
  active: 'Agreed',
  paused: 'Paused',
  completed: 'Completed',
  stopped: 'Stopped',
  replaced: 'Replaced by a new version',
};

/**
 * A piece of practice designed with a client. Versioned: adjusting it after a review makes a
 * new assignment that links to the one it replaces, with the reason. It keeps its own copy of
 * everything it took from its template and goals, so it still opens when they change or go.
 */
export const assignmentSchema = z
  .object({
    id: recordIdSchema,
    clientId: recordIdSchema,
    /** The session it was set in, if any. */
    sessionId: recordIdSchema.nullable(),
    /** The template it came from: a built-in slug or a custom template's version id. */
    template: templateRefSchema.nullable(),
    /** Titles: the clinical one (therapist only, empty from scratch), the plain and the discreet. */
    clinicalTitle: plainLine().trim().max(assignmentTextLimits.title),
    title: plainLine().trim().min(1).max(assignmentTextLimits.title),
    discreetTitle: plainLine().trim().max(assignmentTextLimits.title),
    /** Why it helps, as the template explains it (client-facing). */
    purpose: plainText().max(600),
    /** Why it matters, in the client's own words. Never pre-filled. */
    whyItMatters: limited('whyItMatters'),
    /** What part feels doable, in the client's words. */
    whatFeelsDoable: limited('whatFeelsDoable'),
    goals: z.array(servedGoalSchema).max(10),
    /** Why it serves none of the client's goals, when it doesn't. */
    noGoalBecause: limited('noGoalBecause'),
    steps: z.array(plainLine().trim().min(1).max(assignmentTextLimits.step)).max(12),
    /** The ways of doing it the template offered, to choose between. */
    doseOptions: z.array(doseOptionSchema).max(4),
    /** The dose chosen together. */
    dose: doseOptionSchema.nullable(),
    minimum: assignmentMinimumSchema,
    /** Days of the week it is planned on (empty: any days that suit). */
    days: z.array(weekdaySchema).max(7),
    plan: practicePlanSchema,
    ladder: z.array(ladderStepSchema).max(12),
    /** Index of the ladder step chosen for this week, if there is a ladder. */
    ladderStep: z.number().int().min(0).max(11).nullable(),
    /** The tracker columns the client chose (empty: no tracker). */
    trackerFields: z.array(trackerFieldSchema).max(6),
    barriers: z.array(plannedBarrierSchema).max(8),
    backupPlan: limited('backupPlan'),
    /** How sure the client feels they will do it, 0–10, first asked and after any change. */
    confidenceBefore: z.number().int().min(0).max(10).nullable(),
    confidenceAfter: z.number().int().min(0).max(10).nullable(),
    /** How much it matters to the client, 0–10. */
    importance: z.number().int().min(0).max(10).nullable(),
    /** What the client takes away (handout, tracker, worksheet…). */
    materials: limited('materials'),
    /** Where the reminder will live, e.g. "sticky note on the kettle". */
    reminderPlace: limitedLine('reminderPlace'),
    /** The template's cautions, copied, and when the therapist acknowledged them (therapist only). */
    cautions: z.array(plainLine().max(240)).max(10),
    cautionsAcknowledgedAt: z.iso.datetime().nullable(),
    /** The template's discreet wording of its client-facing text, copied. */
    discreetWording: discreetWordingSchema.nullable(),
    status: z.enum(assignmentStatuses),
    /** The assignment this one adjusts, with why. */
    replaces: z
      .object({ assignmentId: recordIdSchema, reason: plainText().max(500) })
      .strict()
      .nullable(),
    startsOn: z.iso.date(),
    /** When it is reviewed together at the latest (the next session, usually). */
    reviewBy: z.iso.date(),
    /** Which builder step was last open (drafts reopen there). */
    builderStep: z.number().int().min(0).max(3),
    /** Counts saves; a save from a window that read an older revision is refused. */
    revision: z.number().int().min(0),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict()
  .refine((a) => a.reviewBy >= a.startsOn, {
    message: 'The review date is before the start.',
    path: ['reviewBy'],
  });

/** An assignment. */
export type Assignment = z.infer<typeof assignmentSchema>;

/** A planned barrier. */
export type PlannedBarrier = z.infer<typeof plannedBarrierSchema>;

/** The implementation intention. */
export type PracticePlan = z.infer<typeof practicePlanSchema>;

/** ISO date `days` after `date` (both "YYYY-MM-DD"). */
function isoDatePlus(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * An assignment record of shape 2 as shape 3. Every word is kept: the old one-line title is the
 * plain and the discreet title; "what feels doable" keeps the old client words; the old minimum
 * text keeps its wording (with no numbers); the old *when* becomes the cue; goals keep their ids
 * (their words are looked up while they exist); the review-by date is a week after the start.
 */
export function upgradeAssignmentV2(old: Record<string, unknown>): Record<string, unknown> {
  const { title, clientWords, goalIds, minimumDose, confidence, implementationIntention, ...rest } =
    old;
  const intention = (implementationIntention ?? {}) as Record<string, unknown>;
  const startsOn = typeof rest.startsOn === 'string' ? rest.startsOn : '1970-01-01';
  const barriers = Array.isArray(rest.barriers) ? rest.barriers : [];
  const createdAt = rest.createdAt;
  return {
    ...rest,
    sessionId: null,
    clinicalTitle: '',
    title,
    discreetTitle: title,
    purpose: '',
    whyItMatters: '',
    whatFeelsDoable: clientWords,
    goals: (Array.isArray(goalIds) ? goalIds : []).map((goalId) => ({ goalId, words: '' })),
    noGoalBecause: '',
    doseOptions: [],
    minimum: { label: minimumDose, dose: null },
    days: [],
    plan: { what: intention.what, time: null, cue: intention.when, where: intention.where },
    barriers: barriers.map((barrier) => ({ kind: 'other', ...(barrier as object) })),
    confidenceBefore: confidence,
    confidenceAfter: null,
    importance: null,
    materials: '',
    reminderPlace: '',
    cautions: [],
    cautionsAcknowledgedAt: null,
    discreetWording: null,
    reviewBy: isoDatePlus(startsOn, 7),
    builderStep: 0,
    revision: 0,
    updatedAt: createdAt,
  };
}

/** The assignment record's one-line text fields, for repairing text stored before the rules (`repairStoredText`). */
export const assignmentSingleLineFields = [
  'clinicalTitle',
  'title',
  'discreetTitle',
  'steps',
  'label',
  'step',
  'barrier',
  'ifThen',
  'what',
  'cue',
  'where',
  'reminderPlace',
  'cautions',
  // Inside `discreetWording`, as a template's.
  'minimumDose',
  'standardDose',
  'worksheetPrompts',
];

import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine, plainText } from './text';

/**
 * Homework templates: the library a therapist starts from. Built-in templates ship as files in
 * resources/library/ (one JSON file each, validated by `builtinTemplateFileSchema`); custom ones
 * live encrypted in the vault (`customTemplateSchema`), one record per version.
 */

/** Version of the custom template record's shape. */
export const TEMPLATE_SCHEMA_VERSION = 1;

/** Library categories, in the order the filter shows them. */
export const templateCategories = [
  'mood-and-activity',
  'anxiety-and-exposure',
  'thoughts',
  'body-and-breathing',
  'sleep',
  'relationships-and-communication',
  'values-and-self-compassion',
  'habits-and-urges',
  'grounding',
] as const;

/** Category labels as a therapist says them. */
export const categoryLabels: Record<(typeof templateCategories)[number], string> = {
  'mood-and-activity': 'Mood and activity',
  'anxiety-and-exposure': 'Anxiety and exposure',
  thoughts: 'Thoughts',
  'body-and-breathing': 'Body and breathing',
  sleep: 'Sleep',
  'relationships-and-communication': 'Relationships and communication',
  'values-and-self-compassion': 'Values and self-compassion',
  'habits-and-urges': 'Habits and urges',
  grounding: 'Grounding',
};

/** Therapeutic approaches a template draws on. */
export const templateApproaches = [
  'cbt',
  'behavioural-activation',
  'exposure',
  'dbt-skills',
  'act',
  'mi',
  'mindfulness',
  'compassion-focused',
] as const;

/** Approach labels. */
export const approachLabels: Record<(typeof templateApproaches)[number], string> = {
  cbt: 'CBT',
  'behavioural-activation': 'Behavioural activation',
  exposure: 'Exposure',
  'dbt-skills': 'DBT skills',
  act: 'ACT',
  mi: 'Motivational interviewing',
  mindfulness: 'Mindfulness',
  'compassion-focused': 'Compassion-focused',
};

/** What a tracker field records each time the client practises. */
export const trackerFieldKinds = [
  'yes-no',
  'count',
  'minutes',
  'rating-0-10',
  'short-text',
  'time-of-day',
] as const;

/** Labels of tracker field kinds, for the builder. */
export const trackerFieldKindLabels: Record<(typeof trackerFieldKinds)[number], string> = {
  'yes-no': 'Yes / no',
  count: 'Count',
  minutes: 'Minutes',
  'rating-0-10': 'Rating 0–10',
  'short-text': 'Short text',
  'time-of-day': 'Time of day',
};

/** One line of template text: every field but the purpose is edited on one line (or one per line). */
const line = (max: number) => plainLine().trim().min(1).max(max);

/** One column of the practice tracker printed on the handout. */
export const trackerFieldSchema = z
  .object({
    /** What the client notes, in their terms, e.g. "Minutes walked". */
    label: line(60),
    kind: z.enum(trackerFieldKinds),
  })
  .strict();

/** A way of doing the homework the client can choose, e.g. "Daily, 5 minutes". */
export const doseOptionSchema = z
  .object({
    /** How it reads on the handout, e.g. "Twice a week, 15 minutes". */
    label: line(80),
    /** Times per week. */
    timesPerWeek: z.number().int().min(1).max(21),
    /** Minutes each time, when time is the measure. */
    minutes: z.number().int().min(1).max(240).optional(),
  })
  .strict();

/** Something that commonly gets in the way, with an if-then plan for it. */
export const barrierSchema = z
  .object({
    /** The barrier in plain words, e.g. "I forget". */
    barrier: line(120),
    /** "If … then I will …": the plan that gets round it. */
    ifThen: line(240),
  })
  .strict();

/** One rung of a progression ladder (e.g. an exposure hierarchy), easiest first. */
export const ladderStepSchema = z
  .object({
    step: line(160),
    /** Expected difficulty 0–100 (SUDS-like) where that helps; optional. */
    difficulty: z.number().int().min(0).max(100).optional(),
  })
  .strict();

/** A tracker column: what the client notes and how. */
export type TrackerField = z.infer<typeof trackerFieldSchema>;

/** A way of doing the homework, to choose between together. */
export type DoseOption = z.infer<typeof doseOptionSchema>;

/** A barrier with its if-then plan. */
export type Barrier = z.infer<typeof barrierSchema>;

/** One rung of a progression ladder. */
export type LadderStep = z.infer<typeof ladderStepSchema>;

/** How many dose options, tracker fields, barriers and ladder steps a template may hold. */
export const templateListLimits = {
  doseOptions: { min: 2, max: 3 },
  trackerFields: { min: 1, max: 6 },
  barriers: { min: 1, max: 8 },
  ladder: { min: 0, max: 12 },
} as const;

/** Everything a template says, shared by built-in files and custom records. */
export const templateContentSchema = z
  .object({
    /** The clinician-facing title, e.g. "Graded exposure: leaving the house". */
    title: line(120),
    /** A title with no clinical words, safe on a fridge door, e.g. "Getting out and about". */
    discreetTitle: line(120),
    category: z.enum(templateCategories),
    approaches: z.array(z.enum(templateApproaches)).min(1).max(4),
    /** Concerns it targets, lower case, e.g. "low mood", "panic", "insomnia". */
    concerns: z.array(line(40)).min(1).max(8),
    /** Why this helps, in the client's terms (client-facing). */
    purpose: plainText().trim().min(1).max(600),
    /** What to do, one step per entry (client-facing). */
    steps: z.array(line(300)).min(1).max(12),
    /** The smallest version that still counts (client-facing). */
    minimumDose: line(200),
    /** The usual amount (client-facing). */
    standardDose: line(200),
    /** Two or three ways of doing it to choose between together. */
    doseOptions: z
      .array(doseOptionSchema)
      .min(templateListLimits.doseOptions.min)
      .max(templateListLimits.doseOptions.max),
    /** Columns of the practice tracker. */
    trackerFields: z
      .array(trackerFieldSchema)
      .min(templateListLimits.trackerFields.min)
      .max(templateListLimits.trackerFields.max),
    /** Questions for the worksheet pages (client-facing). */
    worksheetPrompts: z.array(line(240)).max(8),
    /** Common barriers, each with an if-then suggestion. */
    barriers: z
      .array(barrierSchema)
      .min(templateListLimits.barriers.min)
      .max(templateListLimits.barriers.max),
    /** A ladder of steps where it fits (exposure, activity scheduling); empty otherwise. */
    ladder: z.array(ladderStepSchema).max(templateListLimits.ladder.max),
  })
  .strict();

/** A template's content. */
export type TemplateContent = z.infer<typeof templateContentSchema>;

/** Where in a template's content a problem is, in words: `["doseOptions", 0, "label"]` → "dose options 1 label". */
export function describeTemplateField(path: readonly PropertyKey[]): string {
  return path
    .map((part) =>
      typeof part === 'number'
        ? String(part + 1)
        : String(part)
            .replace(/([A-Z])/g, ' $1')
            .toLowerCase(),
    )
    .join(' ');
}

/** A built-in template file in resources/library/. */
export const builtinTemplateFileSchema = templateContentSchema
  .extend({
    /** Stable slug, same as the file name without ".json", e.g. "behavioural-activation-pleasant-activity". */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
    /** Increases whenever the content changes, so assignments can say which text they used. */
    version: z.number().int().min(1),
  })
  .strict();

/** A built-in template. */
export type BuiltinTemplate = z.infer<typeof builtinTemplateFileSchema>;

/** A custom template version stored (encrypted) in the vault. Editing stores a new version. */
export const customTemplateSchema = templateContentSchema
  .extend({
    id: recordIdSchema,
    /** Shared by every version of the same template. */
    lineageId: recordIdSchema,
    /** 1 for the first version; each edit adds one. */
    version: z.number().int().min(1),
    /** The template this one was duplicated from, if any. */
    basedOn: z
      .object({ templateId: z.string().max(120), version: z.number().int().min(1) })
      .strict()
      .nullable(),
    /** When the template was archived (hidden from the library, kept for assignments). */
    archivedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .strict();

/** A custom template version. */
export type CustomTemplate = z.infer<typeof customTemplateSchema>;

/** The custom template record's one-line text fields (all but `purpose`), for repairing text stored before the rules (`repairStoredText`). */
export const customTemplateSingleLineFields = [
  'title',
  'discreetTitle',
  'concerns',
  'steps',
  'minimumDose',
  'standardDose',
  'label',
  'worksheetPrompts',
  'barrier',
  'ifThen',
  'step',
];

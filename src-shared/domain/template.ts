import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine, plainText } from './text';

/**
 * Homework templates: the library a therapist starts from. Built-in templates ship as files in
 * resources/library/ (one JSON file each, validated by `builtinTemplateFileSchema`); custom ones
 * live encrypted in the vault (`customTemplateSchema`), one record per version.
 */

/**
 * Version of the template shape (custom template records, built-in files and packs).
 * 2: three titles (clinical, plain client, discreet), clinician notes and cautions, structured
 * doses with an "as needed" kind and a structured smallest version, discreet wording, ladders
 * rated 0–10 or an explicit reason for having none. `upgradeTemplateContentV1` upgrades 1 → 2.
 */
export const TEMPLATE_SCHEMA_VERSION = 2;

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

/** A library category. */
export type TemplateCategory = (typeof templateCategories)[number];

/** Category labels as a therapist says them. */
export const categoryLabels: Record<TemplateCategory, string> = {
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
  'cbt-i',
  'erp',
  'habit-reversal',
  'problem-solving',
  'mbct',
  'ipt-social-rhythm',
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
  'cbt-i': 'CBT for insomnia (CBT-I)',
  erp: 'Exposure and response prevention (ERP)',
  'habit-reversal': 'Habit reversal',
  'problem-solving': 'Problem-solving',
  mbct: 'Mindfulness-based CBT (MBCT)',
  'ipt-social-rhythm': 'IPT / social rhythm',
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

/** A kind of tracker field. */
export type TrackerFieldKind = (typeof trackerFieldKinds)[number];

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

/**
 * How much practice, in terms a review can check: so many times a week (optionally so many
 * minutes each), or "as needed" for a coping skill used when a moment comes, with how often to
 * practise it anyway (0: only when a moment comes).
 */
export const doseSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('per-week'),
      timesPerWeek: z.number().int().min(1).max(21),
      /** Minutes each time, when time is the measure. */
      minutes: z.number().int().min(1).max(240).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('as-needed'),
      /** Times a week to practise it even when no moment comes (0: only when needed). */
      practiseAtLeast: z.number().int().min(0).max(21),
      minutes: z.number().int().min(1).max(240).optional(),
    })
    .strict(),
]);

/** A way of doing the homework the client can choose, e.g. "Daily, 5 minutes". */
export const doseOptionSchema = z
  .object({
    /** How it reads on the handout, e.g. "Twice a week, 15 minutes". */
    label: line(80),
    dose: doseSchema,
  })
  .strict();

/** The smallest version that still counts: its client-facing wording and the same in numbers. */
export const minimumDoseSchema = z
  .object({
    /** How it reads for the client, e.g. "Two minutes, once this week". */
    label: line(200),
    dose: doseSchema,
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
    /** Expected difficulty on the clients' one scale, 0–10, where that helps; optional. */
    difficulty: z.number().int().min(0).max(10).optional(),
  })
  .strict();

/** A tracker column: what the client notes and how. */
export type TrackerField = z.infer<typeof trackerFieldSchema>;

/** How much practice: per week or as needed. */
export type Dose = z.infer<typeof doseSchema>;

/** A way of doing the homework, to choose between together. */
export type DoseOption = z.infer<typeof doseOptionSchema>;

/** The smallest version that still counts. */
export type MinimumDose = z.infer<typeof minimumDoseSchema>;

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

/**
 * Client-facing text in its discreet wording, where the usual wording says something that
 * reveals therapy ("therapist", "session", "homework"): each field given here replaces the
 * usual one when a handout, reminder or screen is in discreet mode.
 */
export const discreetWordingSchema = z
  .object({
    purpose: plainText().trim().min(1).max(600).optional(),
    steps: z.array(line(300)).min(1).max(12).optional(),
    minimumDose: line(200).optional(),
    standardDose: line(200).optional(),
    worksheetPrompts: z.array(line(240)).max(8).optional(),
    barriers: z.array(barrierSchema).min(1).max(8).optional(),
  })
  .strict();

/** Discreet wording of a template's client-facing text. */
export type DiscreetWording = z.infer<typeof discreetWordingSchema>;

/** The fields of a template's content, before the rules that tie fields together. */
export const templateContentFields = z
  .object({
    /** The clinical title, for the clinician's library, e.g. "Interoceptive exposure". */
    title: line(120),
    /** What the client sees by default, in plain words, e.g. "Getting used to body feelings". */
    clientTitle: line(120),
    /** A title with no therapy words at all, safe on a fridge door, e.g. "Getting out and about". */
    discreetTitle: line(120),
    /** For the clinician only: when to use it, how to introduce it, what to watch for. Never printed. */
    clinicianNotes: plainText().trim().max(1500),
    /** For the clinician only: who should not do it, or only after checking. Each short and specific. */
    cautions: z.array(line(240)).max(10),
    category: z.enum(templateCategories),
    approaches: z.array(z.enum(templateApproaches)).min(1).max(4),
    /** Concerns it targets, lower case, e.g. "low mood", "panic", "insomnia". */
    concerns: z.array(line(40)).min(1).max(8),
    /** Why this helps, in the client's terms (client-facing). */
    purpose: plainText().trim().min(1).max(600),
    /** What to do, one step per entry (client-facing). */
    steps: z.array(line(300)).min(1).max(12),
    /** The smallest version that still counts (client-facing wording, and in numbers). */
    minimumDose: minimumDoseSchema,
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
    /** Steps from easiest to hardest, where stepping up makes sense; empty otherwise. */
    ladder: z.array(ladderStepSchema).max(templateListLimits.ladder.max),
    /** Why there is no ladder (for the clinician), when there is none on purpose. */
    noLadderBecause: line(240).nullable(),
    /** The client-facing text reworded for discreet mode, where the usual text reveals therapy. */
    discreetWording: discreetWordingSchema.optional(),
  })
  .strict();

/**
 * The rules between a template's fields, for every schema built on `templateContentFields`:
 * a ladder and a reason for having none don't go together.
 */
export function withTemplateRules<
  T extends z.ZodType<{ ladder: unknown[]; noLadderBecause: string | null }>,
>(schema: T): T {
  return schema.refine(
    (content) => !(content.ladder.length > 0 && content.noLadderBecause !== null),
    {
      message: 'A template with a ladder needs no reason for having none.',
      path: ['noLadderBecause'],
    },
  ) as T;
}

/** Everything a template says, shared by built-in files and custom records (shape version 2). */
export const templateContentSchema = withTemplateRules(templateContentFields);

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

/**
 * Which template, and which version of its text: a built-in's slug or a custom template's
 * lineage id (both letters, digits, hyphens and underscores only).
 */
export const templateRefSchema = z
  .object({
    templateId: z.string().regex(/^[A-Za-z0-9_-]{1,120}$/, 'not a template id'),
    version: z.number().int().min(1),
  })
  .strict();

/** A reference to one version of a template. */
export type TemplateRef = z.infer<typeof templateRefSchema>;

/** A built-in template file in resources/library/. */
export const builtinTemplateFileSchema = withTemplateRules(
  templateContentFields
    .extend({
      /** Stable slug, same as the file name without ".json", e.g. "behavioural-activation-pleasant-activity". */
      id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
      /** Increases whenever the content changes, so assignments can say which text they used. */
      version: z.number().int().min(1),
    })
    .strict(),
);

/** A built-in template. */
export type BuiltinTemplate = z.infer<typeof builtinTemplateFileSchema>;

/** A custom template version stored (encrypted) in the vault. Editing stores a new version. */
export const customTemplateSchema = withTemplateRules(
  templateContentFields
    .extend({
      id: recordIdSchema,
      /** Shared by every version of the same template. */
      lineageId: recordIdSchema,
      /** 1 for the first version; each edit adds one. */
      version: z.number().int().min(1),
      /** The template this one was duplicated from, if any. */
      basedOn: templateRefSchema.nullable(),
      /** When the template was archived (hidden from the library, kept for assignments). */
      archivedAt: z.iso.datetime().nullable(),
      createdAt: z.iso.datetime(),
    })
    .strict(),
);

/** A custom template version. */
export type CustomTemplate = z.infer<typeof customTemplateSchema>;

/** The custom template record's one-line text fields (all but `purpose`), for repairing text stored before the rules (`repairStoredText`). */
export const customTemplateSingleLineFields = [
  'title',
  'clientTitle',
  'discreetTitle',
  'cautions',
  'noLadderBecause',
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

/** A dose option as shape version 1 held it: a label, times a week and optional minutes. */
type DoseV1 = { timesPerWeek?: unknown; minutes?: unknown };

/** A shape-1 dose option `{ label, timesPerWeek, minutes? }` as a shape-2 one `{ label, dose }`. */
export function upgradeDoseOptionV1(old: DoseV1 & { label?: unknown }): unknown {
  return { label: old.label, dose: perWeekFromV1(old, 1) };
}

/** Shape-1 ladder rungs (difficulty 0–100) on the clients' 0–10 scale. */
export function upgradeLadderV1(old: unknown): unknown {
  const ladder: unknown[] = Array.isArray(old) ? old : [];
  // A rung that is not an object (a hand-edited pack) stays as it is, for the schema to refuse.
  return ladder.map((rung) => {
    if (typeof rung !== 'object' || rung === null) return rung;
    const { difficulty, ...rest } = rung as { difficulty?: unknown };
    return typeof difficulty === 'number'
      ? { ...rest, difficulty: Math.round(difficulty / 10) }
      : rest;
  });
}

function perWeekFromV1(old: DoseV1 | undefined, fallbackTimes: number): Dose {
  const times = typeof old?.timesPerWeek === 'number' ? old.timesPerWeek : fallbackTimes;
  return typeof old?.minutes === 'number'
    ? { kind: 'per-week', timesPerWeek: times, minutes: old.minutes }
    : { kind: 'per-week', timesPerWeek: times };
}

/**
 * Upgrades a template's content from shape version 1 (custom templates stored before, packs
 * exported before): the old neutral title becomes the plain client title too; no clinician
 * notes or cautions; dose options become per-week doses; the smallest version keeps its words
 * and counts as once a week (v1 held it only as words — the clinician can make it exact);
 * ladder difficulties 0–100 become the clients' 0–10 scale. Other fields pass through as they are.
 */
export function upgradeTemplateContentV1(old: Record<string, unknown>): Record<string, unknown> {
  const doseOptions: unknown[] = Array.isArray(old.doseOptions) ? old.doseOptions : [];
  return {
    ...old,
    clientTitle: old.discreetTitle,
    clinicianNotes: '',
    cautions: [],
    minimumDose: { label: old.minimumDose, dose: { kind: 'per-week', timesPerWeek: 1 } },
    // An option that is not an object (a hand-edited pack) stays as it is, for the schema to refuse.
    doseOptions: doseOptions.map((option) =>
      typeof option === 'object' && option !== null ? upgradeDoseOptionV1(option) : option,
    ),
    ladder: upgradeLadderV1(old.ladder),
    noLadderBecause: null,
  };
}

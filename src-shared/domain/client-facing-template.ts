import type { Barrier, TemplateContent, TrackerField } from './template';

/**
 * What a client may see of a template: the client-facing text in plain or discreet wording,
 * and nothing else. Clinician notes, cautions and the clinical title are not in this shape at
 * all, so a screen, handout or reminder built from it cannot show them.
 */
export type ClientFacingTemplate = {
  title: string;
  purpose: string;
  steps: string[];
  minimumDose: string;
  standardDose: string;
  doseOptions: string[];
  trackerFields: TrackerField[];
  worksheetPrompts: string[];
  barriers: Barrier[];
  ladder: { step: string; difficulty?: number }[];
};

/** Plain: the client title and the usual words. Discreet: nothing that reveals therapy. */
export type TemplateWording = 'plain' | 'discreet';

/** The client's view of a template, in the chosen wording. */
export function clientFacingTemplate(
  content: TemplateContent,
  wording: TemplateWording,
): ClientFacingTemplate {
  const discreet = wording === 'discreet' ? (content.discreetWording ?? {}) : {};
  return {
    title: wording === 'discreet' ? content.discreetTitle : content.clientTitle,
    purpose: discreet.purpose ?? content.purpose,
    steps: discreet.steps ?? content.steps,
    minimumDose: discreet.minimumDose ?? content.minimumDose.label,
    standardDose: discreet.standardDose ?? content.standardDose,
    doseOptions: content.doseOptions.map((option) => option.label),
    trackerFields: content.trackerFields,
    worksheetPrompts: discreet.worksheetPrompts ?? content.worksheetPrompts,
    barriers: discreet.barriers ?? content.barriers,
    ladder: content.ladder,
  };
}

/**
 * Words that reveal therapy or a diagnosis, which discreet wording never uses (a flatmate, a
 * family calendar or a lock screen may show it). Matched as whole words, any case, plurals too.
 */
export const clinicalWords = [
  'therapy',
  'therapist',
  'therapeutic',
  'session',
  'homework',
  'counselling',
  'counseling',
  'counsellor',
  'counselor',
  'psychologist',
  'psychology',
  'psychological',
  'psychiatrist',
  'psychiatric',
  'psychotherapy',
  'psychotherapist',
  'clinician',
  'clinic',
  'clinical',
  'treatment',
  'diagnosis',
  'disorder',
  'symptom',
  'mental health',
  'exposure',
] as const;

/** Names of therapies, matched in capitals only ("ACT" is a therapy, "act" an everyday word). */
export const therapyAcronyms = ['CBT', 'CBT-I', 'DBT', 'ACT', 'ERP', 'MBCT', 'IPT'] as const;

const clinicalWordPattern = new RegExp(
  `\\b(?:${clinicalWords.map((word) => word.replace(/ /g, '\\s+')).join('|')})(?:s|es)?\\b`,
  'i',
);
const acronymPattern = new RegExp(`\\b(?:${therapyAcronyms.join('|')})\\b`);

/** The first clinical word or therapy name in a text, or null when it has none. */
export function clinicalWordIn(text: string): string | null {
  const found = clinicalWordPattern.exec(text) ?? acronymPattern.exec(text);
  return found ? found[0] : null;
}

/** Every client-facing string of a template in a wording, for checks like `clinicalWordIn`. */
export function clientFacingTexts(view: ClientFacingTemplate): string[] {
  return [
    view.title,
    view.purpose,
    ...view.steps,
    view.minimumDose,
    view.standardDose,
    ...view.doseOptions,
    ...view.trackerFields.map((field) => field.label),
    ...view.worksheetPrompts,
    ...view.barriers.flatMap((barrier) => [barrier.barrier, barrier.ifThen]),
    ...view.ladder.map((rung) => rung.step),
  ];
}

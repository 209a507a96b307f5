import { describe, expect, it } from 'vitest';
import { readLibraryFiles } from '../../tests/fixtures/library';
import { templateContentV1, templateContentV1Upgraded } from '../../tests/fixtures/template-v1';
import { clientFacingTemplate, clientFacingTexts, clinicalWordIn } from './client-facing-template';
import { gradeLevel } from './readability';
import {
  type BuiltinTemplate,
  builtinTemplateFileSchema,
  templateApproaches,
  templateCategories,
  upgradeTemplateContentV1,
  templateContentSchema,
} from './template';

const templates = readLibraryFiles();
const parsedAll = (): BuiltinTemplate[] =>
  templates.map(({ data }) => builtinTemplateFileSchema.parse(data));

/**
 * Exercises a careful supervisor would never hand out without saying who they are not for:
 * every built-in of these kinds carries cautions.
 */
const exercisesNeedingCautions: Record<string, string[]> = {
  'sleep scheduling': ['bed-for-sleep-only', 'steady-wake-up-time', 'sleep-compression'],
  'cold water': ['cool-water-reset'],
  interoceptive: ['interoceptive-practice-body-sensations'],
  exposure: [
    'graded-exposure-feared-situation',
    'busy-shop-practice',
    'dropping-safety-behaviours',
    'behavioural-experiment-prediction',
    'erp-delaying-a-compulsion',
    'dropping-reassurance-seeking',
  ],
  urges: ['delay-and-distract', 'urge-surfing', 'building-a-replacement-habit'],
  'risk and crisis': ['safety-plan-practice', 'behaviour-chain-analysis'],
};

describe('the built-in library', () => {
  it.each(templates)(
    '$file is a valid template whose id matches its file name',
    ({ file, data }) => {
      const parsed = builtinTemplateFileSchema.safeParse(data);
      expect(
        parsed.success
          ? []
          : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      ).toEqual([]);
      expect(parsed.data?.id).toBe(file.replace(/\.json$/, ''));
    },
  );

  it('holds at least 56 templates across every category, with every approach represented', () => {
    const parsed = parsedAll();
    expect(parsed.length).toBeGreaterThanOrEqual(56);
    expect(templateCategories.filter((c) => !parsed.some((t) => t.category === c))).toEqual([]);
    const approaches = new Set(parsed.flatMap((t) => t.approaches));
    expect(templateApproaches.filter((approach) => !approaches.has(approach))).toEqual([]);
  });

  it('gives every template distinct titles; client titles in plain words, discreet titles with no clinical words', () => {
    const parsed = parsedAll();
    for (const key of ['title', 'clientTitle', 'discreetTitle'] as const)
      expect(new Set(parsed.map((t) => t[key])).size, key).toBe(parsed.length);
    const jargon =
      /\b(exposure|interoceptive|cognitive|behavio(u)?ral|stimulus|restructuring|hierarchy|activation|defusion|distortions?|interoception|psychoeducation|diary card|chain analysis|ERP|CBT|DBT|ACT|MBCT)\b/;
    expect(parsed.filter((t) => jargon.test(t.clientTitle)).map((t) => t.clientTitle)).toEqual([]);
    const clinical =
      /\b(therap\w*|depress\w*|anxi\w*|panic|trauma\w*|exposure|disorder|ocd|ptsd|cbt|dbt|act\b|symptom\w*|suicid\w*|self-harm|addict\w*|phobi\w*|insomnia|clinical|treatment|diagnos\w*|mental|crisis)\b/i;
    expect(
      parsed
        .filter((t) => clinical.test(t.discreetTitle))
        .map((t) => `${t.id}: ${t.discreetTitle}`),
    ).toEqual([]);
  });

  it.each(templates)('$file tells the clinician when to use it', ({ data }) => {
    expect(builtinTemplateFileSchema.parse(data).clinicianNotes.length).toBeGreaterThan(40);
  });

  it.each(templates)('$file has a ladder, or says why it has none', ({ data }) => {
    const t = builtinTemplateFileSchema.parse(data);
    expect(t.ladder.length > 0 !== (t.noLadderBecause !== null)).toBe(true);
  });

  it.each(Object.entries(exercisesNeedingCautions))(
    'every %s exercise says who it is not for',
    (_kind, ids) => {
      const parsed = parsedAll();
      for (const id of ids) {
        const template = parsed.find((t) => t.id === id);
        expect(template, `${id} is in the library`).toBeDefined();
        expect(template?.cautions.length ?? 0, id).toBeGreaterThanOrEqual(2);
      }
    },
  );
});

describe('client-facing text', () => {
  it.each(templates)('$file reads at about grade 8 or lower, in both wordings', ({ data }) => {
    const t = builtinTemplateFileSchema.parse(data);
    for (const wording of ['plain', 'discreet'] as const) {
      const view = clientFacingTemplate(t, wording);
      const text = [view.purpose, ...view.steps, view.minimumDose, view.standardDose]
        .concat(
          view.worksheetPrompts,
          view.barriers.map((b) => b.ifThen),
        )
        .join(' ');
      expect(gradeLevel(text), wording).toBeLessThanOrEqual(8.5);
    }
  });

  it.each(templates)('$file in discreet wording says nothing that reveals therapy', ({ data }) => {
    const view = clientFacingTemplate(builtinTemplateFileSchema.parse(data), 'discreet');
    expect(clientFacingTexts(view).filter((text) => clinicalWordIn(text) !== null)).toEqual([]);
  });
});

describe('upgrading a version-1 template', () => {
  it('keeps every word, and gives the new fields what the old ones said', () => {
    expect(templateContentSchema.parse(upgradeTemplateContentV1(templateContentV1))).toMatchObject(
      templateContentV1Upgraded,
    );
  });
});

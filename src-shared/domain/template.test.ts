import { describe, expect, it } from 'vitest';
import { readLibraryFiles } from '../../tests/fixtures/library';
import { gradeLevel } from './readability';
import { builtinTemplateFileSchema, templateApproaches, templateCategories } from './template';

const templates = readLibraryFiles();

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

  it('holds at least 40 templates across at least 8 categories, with every approach represented', () => {
    const parsed = templates.map(({ data }) => builtinTemplateFileSchema.parse(data));
    expect(parsed.length).toBeGreaterThanOrEqual(40);
    expect(new Set(parsed.map((t) => t.category)).size).toBeGreaterThanOrEqual(8);
    const approaches = new Set(parsed.flatMap((t) => t.approaches));
    expect(templateApproaches.filter((approach) => !approaches.has(approach))).toEqual([]);
    expect(templateCategories.length).toBeGreaterThanOrEqual(8);
  });

  it('gives every template a distinct title and a discreet title with no clinical words', () => {
    const parsed = templates.map(({ data }) => builtinTemplateFileSchema.parse(data));
    expect(new Set(parsed.map((t) => t.title)).size).toBe(parsed.length);
    const clinical =
      /\b(therap\w*|depress\w*|anxi\w*|panic|trauma\w*|exposure|disorder|ocd|ptsd|cbt|dbt|act\b|symptom\w*|suicid\w*|self-harm|addict\w*|phobi\w*|insomnia|clinical|treatment|diagnos\w*|mental)\b/i;
    expect(
      parsed
        .filter((t) => clinical.test(t.discreetTitle))
        .map((t) => `${t.id}: ${t.discreetTitle}`),
    ).toEqual([]);
  });
});

describe('client-facing text', () => {
  it.each(templates)('$file reads at about grade 8 or lower', ({ data }) => {
    const t = builtinTemplateFileSchema.parse(data);
    const clientText = [
      t.purpose,
      ...t.steps,
      t.minimumDose,
      t.standardDose,
      ...t.worksheetPrompts,
      ...t.barriers.map((b) => b.ifThen),
    ].join(' ');
    expect(gradeLevel(clientText)).toBeLessThanOrEqual(8.5);
  });
});

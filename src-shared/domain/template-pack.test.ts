import { describe, expect, it } from 'vitest';
import { buildTemplatePack, MAX_TEMPLATES_PER_PACK, parseTemplatePack } from './template-pack';
import { loadBuiltinTemplates } from '../../tests/fixtures/library';
import { templateContentV1, templateContentV1Upgraded } from '../../tests/fixtures/template-v1';
import type { TemplateContent } from './template';

const urgeSurfing = loadBuiltinTemplates().find((template) => template.id === 'urge-surfing');
if (!urgeSurfing) throw new Error('the library has no urge-surfing template');
const { id: _id, version: _version, ...content } = urgeSurfing;
const sample: TemplateContent = content;
const key = 'AAAAAAAAAAAAAAAAAAAAAA';
const good = () =>
  JSON.parse(
    JSON.stringify(buildTemplatePack([{ key, content: sample }], new Date('2026-11-26T10:00:00Z'))),
  ) as Record<string, unknown>;

/** A pack's text whose templates are the sample with each of `changes` (one template if none). */
const packWith = (...changes: Record<string, unknown>[]) =>
  JSON.stringify({
    ...good(),
    templates: (changes.length ? changes : [{}]).map((change) => ({ ...sample, key, ...change })),
  });

function problems(text: string): string[] {
  const result = parseTemplatePack(text);
  return result.ok ? [] : result.problems;
}

describe('template packs', () => {
  it('round-trip', () => {
    const parsed = parseTemplatePack(JSON.stringify(good()));
    expect(parsed.ok && parsed.pack.templates[0]?.title).toBe(sample.title);
  });

  it('accept a file saved with a UTF-8 byte-order mark (as some Windows editors save JSON)', () => {
    const parsed = parseTemplatePack(`\uFEFF${JSON.stringify(good())}`);
    expect(parsed.ok && parsed.pack.templates[0]?.title).toBe(sample.title);
  });

  it('keep HTML and script as plain text (they are shown as text, never run)', () => {
    const pack = packWith({ title: '<img src=x onerror="alert(1)">' });
    const parsed = parseTemplatePack(pack);
    expect(parsed.ok && parsed.pack.templates[0]?.title).toBe('<img src=x onerror="alert(1)">');
  });

  it('refuse files that are not packs, newer versions and wrong types, naming the first problems', () => {
    expect(problems('not json')).toEqual([
      'This file isn’t a template pack (it is not valid JSON).',
    ]);
    expect(problems('{"format":"something-else"}')).toEqual([
      'This file isn’t a Bridgework template pack.',
    ]);
    expect(problems(JSON.stringify({ ...good(), version: 3 }))[0]).toContain(
      'newer version of Bridgework',
    );
    const wrongType = packWith({ steps: 'not a list' });
    expect(problems(wrongType)[0]).toMatch(/^Template 1 \(“\u2068Urge surfing\u2069”\), steps: /);
  });

  it('refuse hidden control characters, naming the template and the field', () => {
    const pack = packWith(
      {},
      {
        key: 'BBBBBBBBBBBBBBBBBBBBBB',
        title: 'Evening walk',
        doseOptions: [
          ...sample.doseOptions.slice(0, 1),
          { label: 'Daily\u202E 5 minutes', dose: { kind: 'per-week', timesPerWeek: 7 } },
        ],
      },
    );
    expect(problems(pack)).toEqual([
      'Template 2 (“\u2068Evening walk\u2069”), dose options 2 label: This text contains a hidden ' +
        'control character (right-to-left override, U+202E) after “\u2068Daily\u2069”. Characters ' +
        'like this can change how text reads on screen, so they aren’t accepted. Please delete and ' +
        'retype the words around it.',
    ]);
    const spoofedTitle = packWith({ title: 'Walk\u202Eklaw' });
    expect(problems(spoofedTitle)[0]).toMatch(
      /^Template 1 \(“\u2068Walkklaw\u2069”\), title: This text contains a hidden control character/,
    );
  });

  it('refuse a line break in a one-line field, and take Windows line ends in the purpose as line feeds', () => {
    const broken = packWith({ title: 'Urge\r\nsurfing' });
    expect(problems(broken)[0]).toMatch(
      /^Template 1 \(“\u2068Urge surfing\u2069”\), title: This should be a single line/,
    );
    const windows = packWith({ purpose: 'One.\r\nTwo.' });
    const parsed = parseTemplatePack(windows);
    expect(parsed.ok && parsed.pack.templates[0]?.purpose).toBe('One.\nTwo.');
  });

  it('refuse prototype-pollution keys anywhere', () => {
    const top = JSON.stringify(good()).replace(
      '{"format"',
      '{"__proto__":{"polluted":true},"format"',
    );
    expect(problems(top).length).toBeGreaterThan(0);
    const inner = JSON.stringify(good()).replace(
      '"title"',
      '"constructor":{"prototype":{"polluted":true}},"title"',
    );
    expect(problems(inner).length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cap field lengths, template counts and file size', () => {
    const long = packWith({ title: 'x'.repeat(121) });
    expect(problems(long)[0]).toMatch(/^Template 1 \(“\u2068x{40}…\u2069”\), title: /);
    const many = good();
    many.templates = Array.from({ length: MAX_TEMPLATES_PER_PACK + 1 }, () => ({ ...sample, key }));
    expect(problems(JSON.stringify(many))[0]).toMatch(/templates/);
    expect(problems(' '.repeat(5 * 1024 * 1024 + 1))[0]).toContain('larger than 5 MB');
  });
});

describe('a pack exported before template shape 2', () => {
  it('imports with every template upgraded', () => {
    const parsed = parseTemplatePack(
      JSON.stringify({
        format: 'bridgework-template-pack',
        version: 1,
        exportedAt: '2026-10-01T10:00:00.000Z',
        templates: [{ ...templateContentV1, key }],
      }),
    );
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    expect(parsed.pack.templates[0]).toMatchObject({ ...templateContentV1Upgraded, key });
  });

  it('refuses, naming where, a dose option or ladder step that is not an object', () => {
    const pack = (change: Record<string, unknown>) =>
      JSON.stringify({
        format: 'bridgework-template-pack',
        version: 1,
        exportedAt: '2026-10-01T10:00:00.000Z',
        templates: [{ ...templateContentV1, key, ...change }],
      });
    expect(problems(pack({ doseOptions: [null, 3] }))[0]).toMatch(/^Template 1 .*dose options 1:/);
    expect(problems(pack({ ladder: ['Open the door', null] }))[0]).toMatch(
      /^Template 1 .*ladder 1:/,
    );
  });
});

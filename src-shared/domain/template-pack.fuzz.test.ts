import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltinTemplates } from '../../tests/fixtures/library';
import { templateContentV1 } from '../../tests/fixtures/template-v1';
import { expectNoPath, mutatedBytes, mutatedJson, strangeJson } from '../../tests/support/fuzz';
import { utf8 } from '../crypto/bytes';
import type { TemplateContent } from './template';
import {
  buildTemplatePack,
  parseTemplatePack,
  TEMPLATE_PACK_FORMAT,
  TEMPLATE_PACK_VERSION,
  templatePackSchema,
} from './template-pack';

/**
 * The template pack reader (importing a colleague's `.bwtemplates.json`) against packs changed
 * by hand or by a hostile tool: values of the wrong type, removed or repeated, keys added
 * (`__proto__` among them), bytes damaged, or text that is no pack at all, in both pack versions.
 * Whatever the text, it answers a pack the schema accepts or one to five problems in words,
 * never a crash, and sets nothing on any prototype. Every pack it writes reads back the same.
 */

const RUNS = { numRuns: 150 };

const library: TemplateContent[] = loadBuiltinTemplates().map(
  ({ id: _id, version: _version, ...content }) => content,
);

const key = fc.stringMatching(/^[A-Za-z0-9_-]{22}$/);

/** Text a colleague may have typed into a template: anything, hidden controls included. */
const typed = fc.string({ unit: 'grapheme', maxLength: 60 });

/** A pack's templates: built-in content with some of its words retyped, and random keys. */
const packTemplates = fc.array(
  fc.record({
    key,
    content: fc
      .tuple(fc.constantFrom(...library), fc.option(typed), fc.option(typed), fc.option(typed))
      .map(([content, title, purpose, step]) => ({
        ...content,
        ...(title === null ? {} : { title }),
        ...(purpose === null ? {} : { purpose }),
        ...(step === null ? {} : { steps: [step, ...content.steps.slice(1)] }),
      })),
  }),
  { minLength: 1, maxLength: 3 },
);

const exportedAt = new Date('2026-11-26T10:00:00.000Z');

/** A valid pack of each version, as JSON values, for the mutations to bend. */
const packV2 = buildTemplatePack(
  library.slice(0, 2).map((content, i) => ({ key: `${'A'.repeat(21)}${i}`, content })),
  exportedAt,
);
const packV1 = {
  format: TEMPLATE_PACK_FORMAT,
  version: 1,
  exportedAt: exportedAt.toISOString(),
  templates: [{ ...templateContentV1, key: 'B'.repeat(22) }],
};

/** A problem may quote the pack's own words (as “⁨…⁩”); the rest is Bridgework's sentence. */
const QUOTED = /“\u2068[^\u2069]*\u2069”/g;

/**
 * Reads `text` as an import does and checks the answer's shape: a pack the schema accepts (and
 * that reads back the same when written again), or one to five problems, each a sentence naming
 * no path. A crash fails the property.
 */
function readChecked(text: string): ReturnType<typeof parseTemplatePack> {
  const result = parseTemplatePack(text);
  if (result.ok) {
    expect(templatePackSchema.safeParse(result.pack).success).toBe(true);
    expect(parseTemplatePack(JSON.stringify(result.pack))).toEqual(result);
  } else {
    expect(result.problems.length).toBeGreaterThanOrEqual(1);
    expect(result.problems.length).toBeLessThanOrEqual(5);
    for (const problem of result.problems) {
      expect(problem.trim()).not.toBe('');
      expectNoPath(problem.replace(QUOTED, '“…”'));
    }
  }
  // A `__proto__` key in the file is data, never a prototype of anything.
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(objectPrototypeKeys);
  return result;
}

const objectPrototypeKeys = Object.getOwnPropertyNames(Object.prototype);

describe('template packs, fuzzed', () => {
  it('read back every pack they write, and refuse as the writer does what it refuses', () => {
    fc.assert(
      fc.property(packTemplates, fc.boolean(), (templates, byteOrderMark) => {
        let pack;
        try {
          pack = buildTemplatePack(templates, exportedAt);
        } catch {
          // Words the writer refuses (hidden controls, too long, blank): the reader refuses them too.
          const unchecked = {
            format: TEMPLATE_PACK_FORMAT,
            version: TEMPLATE_PACK_VERSION,
            exportedAt: exportedAt.toISOString(),
            templates: templates.map(({ key: k, content }) => ({ ...content, key: k })),
          };
          expect(readChecked(JSON.stringify(unchecked)).ok).toBe(false);
          return;
        }
        const text = `${byteOrderMark ? '\uFEFF' : ''}${JSON.stringify(pack)}`;
        expect(readChecked(text)).toEqual({ ok: true, pack });
      }),
      RUNS,
    );
  });

  it('answer a pack or problems in words for a pack edited inside (version 2 or 1)', () => {
    fc.assert(
      fc.property(
        // Version 1 more often: its upgrade runs before the schema, on whatever the file holds.
        fc.oneof(
          { weight: 1, arbitrary: mutatedJson(packV2) },
          { weight: 2, arbitrary: mutatedJson(packV1) },
        ),
        (edited) => {
          readChecked(JSON.stringify(edited));
        },
      ),
      RUNS,
    );
  });

  it('answer a pack or problems in words for damaged bytes, random JSON or any text', () => {
    const damaged = mutatedBytes(utf8(JSON.stringify(packV2))).map((bytes) =>
      new TextDecoder().decode(bytes),
    );
    // Any JSON, or any with a pack's first two fields so the reader looks further.
    const anyJson = fc.oneof(
      strangeJson.map((value) => JSON.stringify(value)),
      strangeJson.map((value) =>
        JSON.stringify({ format: TEMPLATE_PACK_FORMAT, version: 2, templates: value }),
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(damaged, anyJson, fc.string({ unit: 'binary', maxLength: 200 })),
        (text) => {
          readChecked(text);
        },
      ),
      RUNS,
    );
  });
});

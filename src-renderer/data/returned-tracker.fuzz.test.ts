import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildVault } from '../../tests/fixtures/vaults';
import { blankPhonePdf, type DayFill, fillOf, fillTracker } from '../../tests/interop/tracker-pdfs';
import { expectNoPath, mutatedBytes, oneByteChanged } from '../../tests/support/fuzz';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { phoneTrackerPages } from '../../src-shared/domain/phone-tracker-layout';
import {
  formFieldsFor,
  returnedTrackerMessages,
  TRACKER_NOTE_MAX,
  type TrackerFormValue,
  trackerDaysOf,
} from '../../src-shared/domain/returned-tracker';
import { gridEntryProblem } from '../../src-shared/domain/review-grid';
import type { TrackerField } from '../../src-shared/domain/template';
import { hiddenControlProblem } from '../../src-shared/domain/text-rules';
import {
  readReturnedTracker,
  RETURNED_PDF_TIME_LIMIT_MS,
  returnedPdfMessages,
  type TrackerPdfParser,
} from '../documents/read-returned-tracker';
import { trackerFormValues } from '../documents/tracker-form';
import {
  readReturnedTrackerFor,
  type ReturnedTrackerOutcome,
  trackerFormFor,
  withTrackerFormFor,
} from './returned-tracker';
import { openVaultSession, type VaultSession } from './vault-session';

/**
 * Reading a phone tracker PDF a client sent back, against hostile files: damaged bytes, random
 * bytes dressed as a PDF, and real trackers whose form was edited inside (values of any type and
 * text, fields renamed or duplicated, a field that is its own kid). Whatever the file, the read
 * ends well within the app's time limit with the form's values or a problem that has a message,
 * never a throw; and what the form reader then takes is only what the review's grid accepts. Any
 * ticks and text a client's PDF app writes into the form read back exactly.
 */

const RUNS = { numRuns: 30 };

const columns: TrackerField[] = [
  { label: 'Minutes', kind: 'minutes' },
  { label: 'Urges', kind: 'count' },
  { label: 'Mood', kind: 'rating-0-10' },
  { label: 'Out', kind: 'yes-no' },
  { label: 'When', kind: 'time-of-day' },
  { label: 'What', kind: 'short-text' },
];

/** A week's practice, every day, with a column of every kind. */
const practice = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  dose: { label: 'Daily', dose: { kind: 'per-week' as const, timesPerWeek: 7 } },
  days: [1, 2, 3, 4, 5, 6, 7],
  startsOn: '2026-03-02',
  reviewBy: '2026-03-08',
  trackerFields: columns,
};
const days = trackerDaysOf(practice);

/** The parse the app's worker runs, here on the test's own thread. */
const parse: TrackerPdfParser = (request) => trackerFormValues(request.bytes, request);

let session: VaultSession;
let reference: string;
let blank: Uint8Array;
let filled: Uint8Array;

beforeAll(async () => {
  await loadSodium();
  // pdf-lib warns on the console about the damage it steps over; here that is the point.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const vault = await buildVault();
  session = await openVaultSession({ header: vault.header, dataKey: vault.dataKey.slice() });
  reference = trackerFormFor(session, practice).reference;
  const pages = await blankPhonePdf(phoneTrackerPages(days, columns).length);
  blank = await withTrackerFormFor(session, practice, pages, { days, columns });
  const week: Record<string, DayFill> = {
    '2026-03-02': { done: true, columns: { 0: '20', 1: '3', 2: '7/10', 3: true, 4: '7:30 pm' } },
    '2026-03-03': { some: true, columns: { 5: 'Rain' }, note: 'Cold, turned back' },
    '2026-03-04': { note: 'Too tired' },
  };
  filled = await fillTracker(blank, fillOf(reference, practice, week));
});

afterAll(() => {
  vi.restoreAllMocks();
});

const messages: Record<string, string> = { ...returnedPdfMessages, ...returnedTrackerMessages };

/**
 * Reads `bytes` as the review does (`readReturnedTrackerFor`: the PDF, then its form for the
 * practice) and checks the answer: in good time, a problem with its own message, or entries the
 * grid takes as they are, notes of one clean line, and a summary sentence.
 */
async function readChecked(bytes: Uint8Array): Promise<ReturnedTrackerOutcome> {
  const started = performance.now();
  const outcome = await readReturnedTrackerFor(session, practice, bytes, { parse });
  expect(performance.now() - started).toBeLessThan(RETURNED_PDF_TIME_LIMIT_MS);
  if (!outcome.ok) {
    expect(outcome.message).toBe(messages[outcome.problem]);
    return outcome;
  }
  for (const entry of outcome.entries) {
    expect(gridEntryProblem(practice, entry.date, entry.tracker)).toBeNull();
    if (entry.note !== undefined) {
      expect(entry.note).toBe(entry.note.trim());
      expect(entry.note).not.toBe('');
      expect(entry.note).not.toMatch(/[\n\r\u2028\u2029]/u);
      expect(hiddenControlProblem(entry.note)).toBeNull();
      expect(Array.from(entry.note).length).toBeLessThanOrEqual(TRACKER_NOTE_MAX);
    }
  }
  const { marked, notTaken } = outcome.read;
  expect(marked.yes + marked.partly + marked.no).toBe(outcome.entries.length);
  for (const { value } of notTaken) {
    expect(value === '' || /^“\u2068.*\u2069”$/su.test(value), value).toBe(true);
  }
  expect(outcome.summary).toMatch(/^\S.*\.$/su);
  expectNoPath(outcome.summary);
  return outcome;
}

/** Text a client's PDF app may put in a field: anything, hidden controls and line breaks too. */
const clientText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('/Yes', 'Off', '', ' 0 ', '99999', '7:60', '\u202E3', 'a\nb', 'x'.repeat(600)),
);

/** A PDF object of any kind, as a hostile tool might put where a field's value or name goes. */
const anyPdfObject: fc.Arbitrary<(doc: PDFDocument) => PDFObject> = fc.oneof(
  clientText.map((text) => () => PDFHexString.fromText(text)),
  clientText
    .filter((text) => /^[\x20-\x7e]*$/u.test(text) && !/[()\\]/u.test(text))
    .map((text) => () => PDFString.of(text)),
  fc.constantFrom('Yes', 'Off', 'On', '', 'Yes#20').map((name) => () => PDFName.of(name)),
  fc.double({ noNaN: true }).map((n) => () => PDFNumber.of(n)),
  fc.constant((doc: PDFDocument) => doc.context.obj([1, 'Yes', PDFHexString.fromText('x')])),
  fc.constant((doc: PDFDocument) => doc.context.obj({ V: 'Yes' })),
);

/** A field name a hostile tool might write: ours, almost ours, or anything ("#" is ours). */
const anyFieldName = fc.oneof(
  fc.constantFrom(
    'bw_#_tag',
    'bw_#_20260302_done',
    'bw_#_20260230_done',
    'bw_#_20260302_c9',
    'bw_#x_20260302_done',
    'bw_',
    'Text1',
  ),
  fc.string({ maxLength: 30 }).map((name) => `bw_${name}`),
);

/** One edit of the form inside a real tracker: the field chosen as a fraction of all of them. */
const formEdit = fc.oneof(
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: anyPdfObject }),
  fc.record({ kind: fc.constant('name' as const), at: fc.nat(), name: anyFieldName }),
  fc.record({ kind: fc.constant('same-name' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('no-value' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('own-kid' as const), at: fc.nat() }),
);

/** The filled tracker with `edits` made to its form's fields, saved as an app would. */
async function edited(
  edits: (typeof formEdit extends fc.Arbitrary<infer E> ? E : never)[],
  objectStreams: boolean,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(filled);
  const fields = doc
    .getForm()
    .acroForm.getAllFields()
    .map(([field, ref]) => ({ dict: field.dict, ref }));
  const pick = (at: number) => fields[at % fields.length];
  for (const edit of edits) {
    const field = pick(edit.at);
    if (!field) continue;
    if (edit.kind === 'value') field.dict.set(PDFName.of('V'), edit.value(doc));
    else if (edit.kind === 'name')
      field.dict.set(PDFName.of('T'), PDFHexString.fromText(edit.name.replace('#', reference)));
    else if (edit.kind === 'same-name') {
      const other = pick(edit.other)?.dict.get(PDFName.of('T'));
      if (other) field.dict.set(PDFName.of('T'), other);
    } else if (edit.kind === 'no-value') field.dict.delete(PDFName.of('V'));
    else field.dict.set(PDFName.of('Kids'), doc.context.obj([field.ref]));
  }
  return doc.save({ useObjectStreams: objectStreams, updateFieldAppearances: false });
}

describe('a returned tracker, fuzzed', () => {
  it('reads the filled tracker itself (the starting point of the damage below)', async () => {
    const outcome = await readChecked(filled);
    expect(outcome.ok && outcome.read.marked).toEqual({ yes: 1, partly: 1, no: 1 });
  });

  it('answers values or a problem for damaged bytes, in good time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedBytes(filled), oneByteChanged(filled)), async (bytes) => {
        await readChecked(bytes);
      }),
      RUNS,
    );
  });

  it('answers values or a problem for random bytes dressed as a PDF', async () => {
    const ascii = (text: string) => new TextEncoder().encode(text);
    const dressed = fc
      .tuple(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('', 'trailer\n<< /Root 1 0 R >>\n', 'xref\n0 1\n0000000000 65535 f \n'),
      )
      .map(([body, tail]) =>
        Uint8Array.from([...ascii('%PDF-1.7\n'), ...body, ...ascii(tail), ...ascii('%%EOF\n')]),
      );
    await fc.assert(
      fc.asyncProperty(dressed, async (bytes) => {
        await readChecked(bytes);
      }),
      RUNS,
    );
  });

  it('answers values or a problem, taking only what the grid accepts, when the form was edited inside', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(formEdit, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (edits, objectStreams) => {
          await readChecked(await edited(edits, objectStreams));
        },
      ),
      RUNS,
    );
  });

  it('reads back exactly the ticks and text a PDF app writes into the form', async () => {
    const fields = formFieldsFor(reference, days, columns);
    const anyFill = fc.array(fc.tuple(fc.nat(), clientText, fc.boolean()), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(anyFill, async (choices) => {
        const fill = new Map<string, TrackerFormValue>();
        for (const [at, text, tick] of choices) {
          const field = fields[at % fields.length];
          if (!field) continue;
          // A PDF app takes no more than the field's MaxLen.
          if (field.input === 'checkbox') fill.set(field.name, tick);
          else if (text.length <= (field.maxLength ?? Infinity)) fill.set(field.name, text);
        }
        const bytes = await fillTracker(blank, Object.fromEntries(fill));
        await readChecked(bytes);
        const pdf = await readReturnedTracker(bytes, { parse });
        expect(
          pdf.ok && [...fill].filter(([name, value]) => pdf.values.get(name) !== value),
        ).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

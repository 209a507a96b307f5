import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import {
  blankPhonePdf,
  fillOf,
  fillTracker,
  fourWeekPractice,
  fourWeeksFilled,
} from '../../tests/interop/tracker-pdfs';
import { phoneTrackerPages } from '../../src-shared/domain/phone-tracker-layout';
import { trackerDaysOf } from '../../src-shared/domain/returned-tracker';
import {
  RETURNED_PDF_MAX_BYTES,
  type ReturnedPdfProblem,
  readReturnedTracker,
  returnedPdfMessages,
  type TrackerPdfParser,
} from './read-returned-tracker';
import { trackerFormValues, withTrackerForm } from './tracker-form';

/** A reference and tag as `trackerReference` and `trackerTag` make them. */
const reference = 'k4m7q2x9r3';
const utf8 = (text: string) => new TextEncoder().encode(text);
const concatBytes = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
const days = trackerDaysOf(fourWeekPractice);
const columns = fourWeekPractice.trackerFields;
const pages = phoneTrackerPages(days, columns).length;
const filled = await fillTracker(
  await withTrackerForm(await blankPhonePdf(pages), {
    reference,
    tag: 'e3f7q5d3y0g6p7v2a9u9t3h4',
    days,
    columns,
  }),
  fillOf(reference, fourWeekPractice, fourWeeksFilled),
);

/** The parse the worker runs, here on the test's own thread. */
const direct: TrackerPdfParser = (request) => trackerFormValues(request.bytes, request);

/** A parser that must not be reached: the file is refused before it is parsed. */
const unreached: TrackerPdfParser = () => {
  throw new Error('parsed a file that should have been refused first');
};

const refused = (problem: ReturnedPdfProblem) => ({ ok: false, problem });

describe('reading a returned tracker', () => {
  it('reads the form values of a filled tracker', async () => {
    const read = await readReturnedTracker(filled, { parse: direct });
    expect(read.ok && read.pages).toBe(pages);
    expect(read.ok && read.values.get(`bw_${reference}_20260302_done`)).toBe(true);
    expect(read.ok && read.values.get(`bw_${reference}_20260302_c2`)).toBe('Birds by the river');
    const asFile = await readReturnedTracker(new Blob([filled.slice()]), { parse: direct });
    expect(asFile.ok && [...asFile.values]).toEqual(read.ok && [...read.values]);
  });

  it('refuses an empty or oversized file before reading it into memory', async () => {
    expect(await readReturnedTracker(new Uint8Array(), { parse: unreached })).toEqual(
      refused('empty'),
    );
    const huge = {
      size: RETURNED_PDF_MAX_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error('read a file over the cap')),
    } as unknown as Blob;
    expect(await readReturnedTracker(huge, { parse: unreached })).toEqual(refused('too-large'));
    expect(
      await readReturnedTracker(new Uint8Array(RETURNED_PDF_MAX_BYTES + 1), { parse: unreached }),
    ).toEqual(refused('too-large'));
  });

  it('refuses what is not a PDF, or a PDF cut short, before parsing it', async () => {
    const png = filled.slice();
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await readReturnedTracker(png, { parse: unreached })).toEqual(refused('not-a-pdf'));
    expect(await readReturnedTracker(utf8('hello'), { parse: unreached })).toEqual(
      refused('not-a-pdf'),
    );
    for (const cut of [0.1, 0.5, 0.99]) {
      const truncated = filled.slice(0, Math.floor(filled.length * cut));
      expect(await readReturnedTracker(truncated, { parse: unreached })).toEqual(
        refused('truncated'),
      );
    }
    // An app's incremental save cut short: the complete earlier revision must not be read.
    const update = utf8('\n99 0 obj\n<< /V /Yes >>\nendobj\nxref\n0 1\n0000000000 65535 f \n');
    expect(await readReturnedTracker(concatBytes(filled, update), { parse: unreached })).toEqual(
      refused('truncated'),
    );
  });

  it('refuses a PDF naming JavaScript without parsing it', async () => {
    const doc = await PDFDocument.load(filled);
    doc.catalog.set(
      PDFName.of('OpenAction'),
      doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
    );
    const bytes = await doc.save({ useObjectStreams: false });
    expect(await readReturnedTracker(bytes, { parse: unreached })).toEqual(refused('scripted'));
  });

  it('stops a parse that takes too long, and tells the parser to stop', async () => {
    let stopped = false;
    const hanging: TrackerPdfParser = (_, signal) =>
      new Promise(() => signal.addEventListener('abort', () => (stopped = true)));
    expect(await readReturnedTracker(filled, { parse: hanging, timeLimitMs: 20 })).toEqual(
      refused('timed-out'),
    );
    expect(stopped).toBe(true);
  });

  it('counts a parser that fails as a damaged file', async () => {
    const failing: TrackerPdfParser = () => Promise.reject(new Error('worker crashed'));
    expect(await readReturnedTracker(filled, { parse: failing })).toEqual(refused('malformed'));
  });

  it('passes the page cap to the parser and says what it found', async () => {
    expect(await readReturnedTracker(filled, { parse: direct, maxPages: pages - 1 })).toEqual(
      refused('too-many-pages'),
    );
    const garbage = concatBytes(utf8('%PDF-1.7\n'), new Uint8Array(2000).fill(0x28), utf8('%%EOF'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await readReturnedTracker(garbage, { parse: direct })).toEqual(refused('malformed'));
    warn.mockRestore();
  });

  it('has a plain message for every problem', () => {
    for (const message of Object.values(returnedPdfMessages)) {
      expect(message).toMatch(/^[A-Z].*\.$/u);
      expect(message).not.toMatch(/[<>]/u);
    }
  });
});

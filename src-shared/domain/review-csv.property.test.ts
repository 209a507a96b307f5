import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientDayShift, clientPseudonym, PSEUDONYM_SECRET_BYTES } from '../crypto/pseudonyms';
import { loadSodium } from '../crypto/sodium';
import type { Assignment } from './assignment';
import { draftFromScratch } from './assignment-draft';
import { barrierKinds } from './barrier-kinds';
import { reportSources, type Review, reviewDecisions, reviewOutcomes } from './review';
import { csvRecord, type ReviewCsvInput, reviewsCsv } from './review-csv';

/**
 * The review CSV against arbitrary reviews: every name, title, goal and note carries a canary
 * (a marked string no other cell contains) full of the characters CSV and spreadsheets treat
 * specially. De-identified, no canary may appear; identified, every note must read back exactly
 * as typed (with its formula guard); either way every row has as many fields as the header.
 */

beforeAll(() => loadSodium());

const RUNS = { numRuns: 120 };
const MARK = '§';

/** Text that tests quoting and the formula guard: commas, quotes, line breaks, formula starts. */
const tricky = fc
  .array(
    fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', '=', '+', '-', '@', '\t', 'é', '’'),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

/** A marked string naming its field: what a de-identified file must never hold. */
const canary = (field: string) => tricky.map((text) => `${MARK}${field}${text}${MARK}`);

/** Free text as typed, often starting like a formula. */
const typed = fc.oneof(
  tricky,
  tricky.map((text) => `=${text}`),
  canary('note'),
);

const id = (index: number, letter: string) => `${letter}${String(index).padStart(21, '0')}`;
const localNoon = (days: number) =>
  new Date(`${format(addDays(parseISO('2026-01-05'), days), 'yyyy-MM-dd')}T12:00:00`).toISOString();

const clientArb = (index: number) =>
  canary('name').map((name) => ({ id: id(index, 'C'), name: `${name} Ada Lovelace` }));

const assignmentArb = (index: number, clientId: string): fc.Arbitrary<Assignment> =>
  fc
    .record({
      title: canary('title'),
      whyItMatters: canary('why'),
      goalWords: canary('goal'),
      templateId: fc.option(fc.constantFrom('graded-walking', 'thought-record')),
      startsIn: fc.integer({ min: 0, max: 60 }),
    })
    .map(({ title, whyItMatters, goalWords, templateId, startsIn }) => {
      const startsOn = format(addDays(parseISO('2026-01-05'), startsIn), 'yyyy-MM-dd');
      return {
        ...draftFromScratch(
          {
            id: id(index, 'A'),
            clientId,
            sessionId: null,
            startsOn,
            reviewBy: startsOn,
            at: localNoon(0),
          },
          'Practice',
        ),
        title,
        whyItMatters,
        goals: [{ goalId: id(index, 'G'), words: goalWords }],
        template: templateId === null ? null : { templateId, version: 1 },
        status: 'active',
      };
    });

const reviewArb = (index: number, clientId: string, assignmentId: string): fc.Arbitrary<Review> =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 400 }),
      outcome: fc.constantFrom(...reviewOutcomes),
      decision: fc.constantFrom(...reviewDecisions),
      percentDone: fc.option(fc.integer({ min: 0, max: 100 })),
      reportedBy: fc.uniqueArray(fc.constantFrom(...reportSources)),
      barrierKinds: fc.uniqueArray(fc.constantFrom(...barrierKinds), { maxLength: 3 }),
      barrierNote: typed,
      texts: fc.record({
        barrierNotes: typed,
        worseNote: typed,
        happened: typed,
        learned: typed,
        wins: typed,
        decisionReason: typed,
      }),
      finished: fc.boolean(),
    })
    .map(({ day, barrierKinds: kinds, barrierNote, texts, ...rest }) => ({
      id: id(index, 'R'),
      clientId,
      assignmentId,
      sessionId: null,
      reviewedAt: localNoon(day),
      smallestVersionMet: null,
      amountFrom: 'estimate',
      quality: 2,
      engagement: null,
      helpful: 4,
      hard: 0,
      understoodWhy: null,
      fitsGoals: 3,
      barriersMet: kinds.map((kind) => ({ kind, note: barrierNote })),
      ifThenPlan: 'not-used',
      backupPlan: null,
      madeThingsWorse: 'yes',
      nextAssignmentId: null,
      revision: 0,
      createdAt: localNoon(day),
      updatedAt: localNoon(day),
      ...texts,
      ...rest,
    }));

/** Up to four clients, each with up to three assignments, each reviewed up to three times. */
const rowsArb: fc.Arbitrary<ReviewCsvInput[]> = fc
  .array(fc.integer({ min: 0, max: 3 }), { maxLength: 6 })
  .chain((clientOfAssignment) =>
    fc.tuple(
      fc.tuple(...[0, 1, 2, 3].map(clientArb)),
      fc.tuple(
        ...clientOfAssignment.map((client, index) =>
          fc.tuple(
            fc.constant(client),
            fc.option(assignmentArb(index, id(client, 'C')), { nil: undefined }),
            fc.array(fc.nat(), { maxLength: 3 }),
          ),
        ),
      ),
    ),
  )
  .chain(([clients, assignments]) =>
    fc.tuple(
      ...assignments.flatMap(([client, assignment, reviews], index) =>
        reviews.map((_, review) =>
          reviewArb(index * 10 + review, id(client, 'C'), id(index, 'A')).map((made) => ({
            client: clients[client] ?? { id: id(client, 'C'), name: 'Nobody' },
            assignment,
            review: made,
          })),
        ),
      ),
    ),
  );

const secretArb = fc.uint8Array({
  minLength: PSEUDONYM_SECRET_BYTES,
  maxLength: PSEUDONYM_SECRET_BYTES,
});

/** A small RFC 4180 reader: the file's records, each a list of fields, quotes respected. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at] ?? '';
    if (quoted && char === '"' && text[at + 1] === '"') {
      field += '"';
      at++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      fields.push(field);
      field = '';
    } else if (!quoted && char === '\r' && text[at + 1] === '\n') {
      records.push([...fields, field]);
      fields = [];
      field = '';
      at++;
    } else {
      field += char;
    }
  }
  return records;
}

const localDate = (iso: string) => format(parseISO(iso), 'yyyy-MM-dd');

describe('the review CSV, for any reviews', () => {
  it('de-identified, holds no name, title, goal or note', () => {
    fc.assert(
      fc.property(rowsArb, secretArb, (rows, secret) => {
        const csv = reviewsCsv(rows, { deidentified: true, secret });
        expect(csv).not.toContain(MARK);
        expect(csv).not.toContain('Lovelace');
      }),
      RUNS,
    );
  });

  it('de-identified, shows each client by one pseudonym and moves their dates as one', () => {
    fc.assert(
      fc.property(rowsArb, secretArb, (rows, secret) => {
        const [, ...records] = parseCsv(reviewsCsv(rows, { deidentified: true, secret }));
        const finished = rows.filter(({ review }) => review.finished);
        for (const client of new Set(finished.map((row) => row.client.id))) {
          const shift = clientDayShift(secret, client);
          const expected = finished
            .filter((row) => row.client.id === client)
            .map(({ review }) =>
              format(addDays(parseISO(localDate(review.reviewedAt)), shift), 'yyyy-MM-dd'),
            )
            .sort();
          const shown = records
            .filter(([pseudonym]) => pseudonym === clientPseudonym(secret, client))
            .map(([, reviewedOn]) => reviewedOn)
            .sort();
          expect(shown).toEqual(expected);
        }
      }),
      RUNS,
    );
  });

  it('has as many fields in every row as in the header, and one row per finished review', () => {
    fc.assert(
      fc.property(rowsArb, secretArb, fc.boolean(), (rows, secret, deidentified) => {
        const [header = [], ...records] = parseCsv(reviewsCsv(rows, { deidentified, secret }));
        expect(records).toHaveLength(rows.filter(({ review }) => review.finished).length);
        for (const record of records) expect(record).toHaveLength(header.length);
      }),
      RUNS,
    );
  });

  it('identified, reads every note back as typed, a formula start behind an apostrophe', () => {
    fc.assert(
      fc.property(rowsArb, secretArb, (rows, secret) => {
        const [header = [], ...records] = parseCsv(
          reviewsCsv(rows, { deidentified: false, secret }),
        );
        const column = header.indexOf('What happened');
        const read = records.map((record) => record[column]).sort();
        const typedIn = rows
          .filter(({ review }) => review.finished)
          .map(({ review }) =>
            /^[=+\-@\t\r]/.test(review.happened) ? `'${review.happened}` : review.happened,
          )
          .sort();
        expect(read).toEqual(typedIn);
      }),
      RUNS,
    );
  });

  it('never starts a field the way a spreadsheet formula starts', () => {
    fc.assert(
      fc.property(fc.array(typed, { maxLength: 8 }), (fields) => {
        const [record = []] = parseCsv(csvRecord(fields));
        expect(record).toHaveLength(Math.max(fields.length, 1));
        for (const field of record) expect(field).not.toMatch(/^[=+\-@\t\r]/);
      }),
      RUNS,
    );
  });
});

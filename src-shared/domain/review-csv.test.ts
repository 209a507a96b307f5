import { addDays, format, parseISO } from 'date-fns';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientDayShift, clientPseudonym, PSEUDONYM_SECRET_BYTES } from '../crypto/pseudonyms';
import { loadSodium } from '../crypto/sodium';
import type { Assignment } from './assignment';
import { agreedAssignment, finishedReview, localNoon } from '../../tests/fixtures/reviews';
import type { Review } from './review';
import { csvField, csvRecord, type ReviewCsvInput, reviewsCsv } from './review-csv';

beforeAll(() => loadSodium());

const id = (letter: string) => letter.repeat(22);
const secret = new Uint8Array(PSEUDONYM_SECRET_BYTES).fill(42);
const ada = { id: id('C'), name: 'Ada Lovelace' };
const bea = { id: id('D'), name: 'Bea Smith' };

/** A finished review of assignment A, taken on Monday 9 March 2026. */
const review = (letter: string, patch: Partial<Review> = {}): Review =>
  finishedReview({
    id: id(letter),
    clientId: ada.id,
    outcome: 'some-of-it',
    amountFrom: 'tracker',
    percentDone: 60,
    quality: 3,
    engagement: 2,
    helpful: 4,
    hard: 1,
    understoodWhy: 4,
    reportedBy: ['client-account', 'returned-tracker'],
    barriersMet: [
      { kind: 'forgot', note: 'Left the sheet at work' },
      { kind: 'illness', note: '' },
    ],
    barrierNotes: 'Her mother visited',
    ifThenPlan: 'helped',
    happened: 'Walked "most" days, then stopped',
    learned: 'Mornings work better',
    wins: '=went out in the rain',
    decision: 'make-smaller',
    decisionReason: 'Busy month',
    revision: 2,
    createdAt: '2026-03-09T11:00:00.000Z',
    updatedAt: '2026-03-09T11:30:00.000Z',
    ...patch,
  });

/** Ada's walking assignment, from a template, started on Monday 2 March 2026. */
const walking: Assignment = agreedAssignment({
  clientId: ada.id,
  title: 'Walk to the park with Ada’s dog',
  discreetTitle: 'Walk to the park with Ada’s dog',
  template: { templateId: 'graded-walking', version: 1 },
  goals: [{ goalId: id('G'), words: 'Get back to the allotment' }],
});

const shiftedBy = (date: string, days: number) =>
  format(addDays(parseISO(date), days), 'yyyy-MM-dd');

describe('a CSV field', () => {
  it('stays as it is when plain', () => {
    expect(csvField('Some of it')).toBe('Some of it');
    expect(csvField('')).toBe('');
  });

  it('is quoted, inner quotes doubled, when it holds a comma, a quote or a line break', () => {
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\rtwo')).toBe('"one\rtwo"');
  });

  it('starts with an apostrophe when a spreadsheet would read it as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t']) {
      expect(csvField(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    }
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('makes records that end in CRLF', () => {
    expect(csvRecord(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });
});

describe('the identified review CSV', () => {
  const identified = (rows: ReviewCsvInput[]) => reviewsCsv(rows, { deidentified: false, secret });

  /** The identified cells of review R, column by column. */
  const cellsOfR: Record<string, string> = {
    Client: 'Ada Lovelace',
    'Reviewed on': '2026-03-09',
    Assignment: 'Walk to the park with Ada’s dog',
    Template: 'graded-walking',
    'Assignment started on': '2026-03-02',
    Outcome: 'Some of it',
    'Percent done': '60',
    'Amount from': 'tracker',
    'Smallest version met': 'yes',
    'Quality (therapist)': '3',
    'Engagement (therapist)': '2',
    'Helpful (client)': '4',
    'Hard (client)': '1',
    'Understood why (client)': '4',
    'Fits goals (client)': '',
    'Reported by': 'What the client told me; A returned tracker',
    'Barriers met': 'Forgetting; Illness',
    'If-then plan': 'Used — it helped',
    'Backup plan': '',
    'Made things worse': 'no',
    Decision: 'Make it fit the week better',
    'What happened': 'Walked "most" days, then stopped',
    'What was learned': 'Mornings work better',
    Wins: '=went out in the rain',
    'Barrier notes': 'Forgetting: Left the sheet at work\nHer mother visited',
    'What made things worse': '',
    'Reason for the decision': 'Busy month',
  };

  it('has every column, named plainly, and one row per finished review', () => {
    const csv = identified([{ client: ada, assignment: walking, review: review('R') }]);
    expect(csv).toBe(csvRecord(Object.keys(cellsOfR)) + csvRecord(Object.values(cellsOfR)));
    expect(csv).toContain(`,'=went out in the rain,`);
  });

  it('leaves out reviews still being filled in', () => {
    const unfinished = review('S', { finished: false });
    expect(identified([{ client: ada, assignment: walking, review: unfinished }])).toBe(
      csvRecord(Object.keys(cellsOfR)),
    );
  });

  it('leaves the assignment’s cells empty when the assignment is gone', () => {
    const csv = identified([{ client: ada, assignment: undefined, review: review('R') }]);
    const cells = { ...cellsOfR, Assignment: '', Template: '', 'Assignment started on': '' };
    expect(csv).toBe(csvRecord(Object.keys(cells)) + csvRecord(Object.values(cells)));
  });

  it('orders rows by client, then by when they were reviewed', () => {
    const csv = identified([
      { client: bea, assignment: undefined, review: review('T', { clientId: bea.id }) },
      {
        client: ada,
        assignment: walking,
        review: review('S', { reviewedAt: localNoon('2026-03-16') }),
      },
      { client: ada, assignment: walking, review: review('R') },
    ]);
    const rowStarts = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',', 2).join(' '));
    expect(rowStarts).toEqual([
      'Ada Lovelace 2026-03-09',
      'Ada Lovelace 2026-03-16',
      'Bea Smith 2026-03-09',
    ]);
  });
});

describe('the de-identified review CSV', () => {
  const shift = () => clientDayShift(secret, ada.id);
  const pseudonym = () => clientPseudonym(secret, ada.id);
  const header = [
    'Client',
    'Reviewed on',
    'Template',
    'Assignment started on',
    'Outcome',
    'Percent done',
    'Amount from',
    'Smallest version met',
    'Quality (therapist)',
    'Engagement (therapist)',
    'Helpful (client)',
    'Hard (client)',
    'Understood why (client)',
    'Fits goals (client)',
    'Reported by',
    'Barriers met',
    'If-then plan',
    'Backup plan',
    'Made things worse',
    'Decision',
  ];
  /** What every row here shares after the client, the dates and the template. */
  const answers = [
    'Some of it',
    '60',
    'tracker',
    'yes',
    '3',
    '2',
    '4',
    '1',
    '4',
    '',
    'What the client told me; A returned tracker',
    'Forgetting; Illness',
    'Used — it helped',
    '',
    'no',
    'Make it fit the week better',
  ];
  const csv = () =>
    reviewsCsv(
      [
        {
          client: ada,
          assignment: { ...walking, template: null },
          review: review('S', { reviewedAt: localNoon('2026-03-23') }),
        },
        { client: ada, assignment: walking, review: review('R') },
      ],
      { deidentified: true, secret },
    );

  it('shows the client by pseudonym, the template by id, and no title, goal or note', () => {
    const [, first, second] = csv().split('\r\n');
    expect(first).toMatch(new RegExp(`^${pseudonym()},[^,]+,graded-walking,`));
    expect(second).toMatch(new RegExp(`^${pseudonym()},[^,]+,from scratch,`));
    for (const words of ['Ada', 'Lovelace', 'Walk to the park', 'allotment', 'mother', 'rain']) {
      expect(csv()).not.toContain(words);
    }
  });

  it('moves all of one client’s dates by the same days, so the time between them holds', () => {
    expect(csv()).toBe(
      csvRecord(header) +
        csvRecord([
          pseudonym(),
          shiftedBy('2026-03-09', shift()),
          'graded-walking',
          shiftedBy('2026-03-02', shift()),
          ...answers,
        ]) +
        csvRecord([
          pseudonym(),
          shiftedBy('2026-03-23', shift()),
          'from scratch',
          shiftedBy('2026-03-02', shift()),
          ...answers,
        ]),
    );
  });
});

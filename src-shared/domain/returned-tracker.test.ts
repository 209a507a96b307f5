import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium';
import { phoneTrackerPages } from './phone-tracker-layout';
import {
  describeTrackerRead,
  formFieldsFor,
  readTrackerForm,
  type TrackerFormValue,
  trackerDaysOf,
  trackerFieldName,
  trackerReference,
  trackerTag,
  trackerTagFieldName,
} from './returned-tracker';
import { gridDaysOf } from './review-grid';

beforeAll(() => loadSodium());

const secret = new Uint8Array(32).fill(7);
const otherSecret = new Uint8Array(32).fill(9);

/** Monday, Wednesday and Friday for a week: 23 to 30 November 2026 (8 days on the form). */
const practice = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  dose: { label: 'Three times a week', dose: { kind: 'per-week' as const, timesPerWeek: 3 } },
  days: [1, 3, 5],
  startsOn: '2026-11-23',
  reviewBy: '2026-11-30',
  trackerFields: [
    { label: 'Minutes walked', kind: 'minutes' as const },
    { label: 'Went outside', kind: 'yes-no' as const },
    { label: 'Time', kind: 'time-of-day' as const },
  ],
};

type DayFill = {
  done?: boolean;
  some?: boolean;
  columns?: Partial<Record<number, TrackerFormValue>>;
  note?: string;
};

/** The form's values as a client's PDF app leaves them: every field, these days filled in. */
function filledForm(
  fills: Record<string, DayFill>,
  { key = secret, assignment = practice }: { key?: Uint8Array; assignment?: typeof practice } = {},
): Map<string, TrackerFormValue> {
  const reference = trackerReference(key, assignment.id);
  const values = new Map<string, TrackerFormValue>();
  values.set(trackerTagFieldName(reference), trackerTag(key, reference));
  const fields = formFieldsFor(reference, trackerDaysOf(assignment), assignment.trackerFields);
  for (const field of fields) {
    const fill = fills[field.date] ?? {};
    const given =
      field.kind === 'done'
        ? fill.done
        : field.kind === 'some'
          ? fill.some
          : field.kind === 'note'
            ? fill.note
            : fill.columns?.[field.column ?? 0];
    values.set(field.name, given ?? (field.input === 'checkbox' ? false : ''));
  }
  return values;
}

const expected = { secret, assignment: practice };

describe('a tracker form’s names', () => {
  it('name the practice by a short keyed reference of letters and digits in turn', () => {
    const reference = trackerReference(secret, practice.id);
    expect(reference).toMatch(/^([a-z][0-9]){5}$/);
    expect(trackerReference(secret, practice.id)).toBe(reference);
    expect(trackerReference(otherSecret, practice.id)).not.toBe(reference);
    expect(trackerReference(secret, 'BBBBBBBBBBBBBBBBBBBBBB')).not.toBe(reference);
    expect(trackerTag(secret, reference)).toMatch(/^([a-z][0-9]){12}$/);
    expect(() => trackerReference(new Uint8Array(16), practice.id)).toThrow(/32 bytes/);
  });

  it('give each day its boxes, a field per column and a note, named by reference, date and cell', () => {
    const fields = formFieldsFor('k4m7q2x9r3', [{ date: '2026-11-23' }], practice.trackerFields);
    expect(fields.map((field) => [field.name, field.input, field.maxLength])).toEqual([
      ['bw_k4m7q2x9r3_20261123_done', 'checkbox', null],
      ['bw_k4m7q2x9r3_20261123_some', 'checkbox', null],
      ['bw_k4m7q2x9r3_20261123_c0', 'text', 8],
      ['bw_k4m7q2x9r3_20261123_c1', 'checkbox', null],
      ['bw_k4m7q2x9r3_20261123_c2', 'text', 8],
      ['bw_k4m7q2x9r3_20261123_note', 'text', 500],
    ]);
    expect(trackerTagFieldName('k4m7q2x9r3')).toBe('bw_k4m7q2x9r3_tag');
  });

  it('are the layout’s cells, one to one, with the same inputs', () => {
    const days = trackerDaysOf(practice);
    const fields = formFieldsFor('k4m7q2x9r3', days, practice.trackerFields);
    const cells = phoneTrackerPages(days, practice.trackerFields).flatMap((page) =>
      page.days.flatMap((day) =>
        day.cells.map((cell) => ({
          name: trackerFieldName('k4m7q2x9r3', day.date, cell),
          input: cell.input,
        })),
      ),
    );
    expect(cells).toEqual(fields.map(({ name, input }) => ({ name, input })));
  });

  it('cover the review grid’s days, planned ones marked', () => {
    const days = trackerDaysOf(practice);
    expect(days.map((day) => day.date)).toEqual(gridDaysOf(practice).map((day) => day.date));
    expect(days.filter((day) => day.planned).map((day) => day.date)).toEqual([
      '2026-11-23',
      '2026-11-25',
      '2026-11-27',
      '2026-11-30',
    ]);
  });
});

describe('reading a returned tracker', () => {
  it('marks a day done, partly, or not done when only something else was written', () => {
    const result = readTrackerForm(
      filledForm({
        '2026-11-23': { done: true, columns: { 0: '20', 1: true, 2: '18:30' } },
        '2026-11-24': { done: true, some: true },
        '2026-11-25': { some: true, columns: { 0: '10 min' }, note: 'cold out' },
        '2026-11-27': { note: 'too tired' },
      }),
      expected,
    );
    expect(result).toEqual({
      ok: true,
      entries: [
        {
          date: '2026-11-23',
          mark: 'yes',
          tracker: { 'Minutes walked': 20, 'Went outside': true, Time: '18:30' },
        },
        { date: '2026-11-24', mark: 'yes', tracker: { 'Went outside': false } },
        {
          date: '2026-11-25',
          mark: 'partly',
          tracker: { 'Minutes walked': 10, 'Went outside': false },
          note: 'cold out',
        },
        { date: '2026-11-27', mark: 'no', tracker: { 'Went outside': false }, note: 'too tired' },
      ],
      read: {
        days: 8,
        marked: { yes: 2, partly: 1, no: 1 },
        noBoxTicked: ['2026-11-27'],
        unfilled: ['2026-11-26', '2026-11-28', '2026-11-29', '2026-11-30'],
        notTaken: [],
      },
    });
  });

  it('reads values the way people write them, and leaves out what does not fit', () => {
    const result = readTrackerForm(
      filledForm({
        '2026-11-23': { done: true, columns: { 0: ' 25 mins ', 2: '7:30 pm' } },
        '2026-11-24': { done: true, columns: { 0: 'a while', 2: '25:00' } },
        '2026-11-25': { done: true, columns: { 0: '2000', 2: '7' } },
        '2026-11-26': { done: true, note: 'fine\u202Eevil' },
      }),
      expected,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries[0]?.tracker).toEqual({
      'Minutes walked': 25,
      'Went outside': false,
      Time: '19:30',
    });
    expect(result.entries.slice(1).map((entry) => entry.tracker)).toEqual([
      { 'Went outside': false },
      { 'Went outside': false },
      { 'Went outside': false },
    ]);
    expect(result.entries[3]).not.toHaveProperty('note');
    expect(
      result.read.notTaken.map(({ date, field, reason }) => `${date} ${field} ${reason}`),
    ).toEqual([
      '2026-11-24 Minutes walked does-not-fit',
      '2026-11-24 Time does-not-fit',
      '2026-11-25 Minutes walked does-not-fit',
      '2026-11-25 Time does-not-fit',
      '2026-11-26 Note hidden-characters',
    ]);
    expect(result.read.notTaken[0]?.value).toBe('“\u2068a while\u2069”');
    expect(result.read.notTaken[4]?.value).not.toContain('\u202E');
  });

  it('reads times of day in their common spellings', () => {
    const times: [string, string | null][] = [
      ['7:30', '07:30'],
      ['07.30', '07:30'],
      ['19h30', '19:30'],
      ['7 pm', '19:00'],
      ['12am', '00:00'],
      ['12:15 p.m.', '12:15'],
      ['13pm', null],
      ['half seven', null],
    ];
    for (const [written, read] of times) {
      const result = readTrackerForm(
        filledForm({ '2026-11-23': { done: true, columns: { 2: written } } }),
        expected,
      );
      expect(result.ok && result.entries[0]?.tracker.Time, written).toBe(read ?? undefined);
    }
  });

  it('does not take a filled day that is no longer one of the practice’s dates', () => {
    const form = filledForm({ '2026-11-30': { done: true } });
    const shorter = { ...practice, reviewBy: '2026-11-29' };
    const result = readTrackerForm(form, { secret, assignment: shorter });
    expect(result.ok && result.entries).toEqual([]);
    expect(result.ok && result.read.notTaken).toEqual([
      { date: '2026-11-30', field: null, value: '', reason: 'outside-schedule' },
    ]);
  });

  it('refuses a tracker made in another vault or for another practice', () => {
    expect(readTrackerForm(filledForm({}, { key: otherSecret }), expected)).toEqual({
      ok: false,
      problem: 'other-vault',
    });
    const other = { ...practice, id: 'BBBBBBBBBBBBBBBBBBBBBB' };
    expect(readTrackerForm(filledForm({}, { assignment: other }), expected)).toEqual({
      ok: false,
      problem: 'other-assignment',
    });
  });

  it('refuses a form whose fields are not this practice’s tracker', () => {
    const reference = trackerReference(secret, practice.id);
    const cases: [string, (values: Map<string, TrackerFormValue>) => void][] = [
      ['no tag', (values) => values.delete(trackerTagFieldName(reference))],
      ['a missing cell', (values) => values.delete(`bw_${reference}_20261124_c2`)],
      ['an extra column', (values) => values.set(`bw_${reference}_20261124_c3`, '')],
      ['text in a box', (values) => values.set(`bw_${reference}_20261124_c1`, 'yes')],
      ['a box for text', (values) => values.set(`bw_${reference}_20261124_note`, true)],
      ['a strange field', (values) => values.set(`bw_${reference}_20261124_extra`, '')],
      ['no such date', (values) => values.set(`bw_${reference}_20261131_done`, false)],
      ['two references', (values) => values.set('bw_a1b2c3d4e5_20261124_done', false)],
    ];
    for (const [what, change] of cases) {
      const values = filledForm({});
      change(values);
      expect(readTrackerForm(values, expected), what).toEqual({
        ok: false,
        problem: 'fields-do-not-match',
      });
    }
    const fewerColumns = { ...practice, trackerFields: practice.trackerFields.slice(0, 2) };
    expect(readTrackerForm(filledForm({}), { secret, assignment: fewerColumns })).toEqual({
      ok: false,
      problem: 'fields-do-not-match',
    });
  });

  it('finds no tracker in a form without our fields', () => {
    expect(readTrackerForm(new Map(), expected)).toEqual({ ok: false, problem: 'not-a-tracker' });
    expect(readTrackerForm(new Map([['Name', 'Ada']]), expected)).toEqual({
      ok: false,
      problem: 'not-a-tracker',
    });
  });

  it('ignores fields a PDF app added that are not ours', () => {
    const values = filledForm({ '2026-11-23': { done: true } });
    values.set('Signature1', '');
    const result = readTrackerForm(values, expected);
    expect(result.ok && result.entries.map((entry) => entry.mark)).toEqual(['yes']);
  });
});

describe('what was read, in words', () => {
  it('says how many days were filled in and how', () => {
    const result = readTrackerForm(
      filledForm({
        '2026-11-23': { done: true, columns: { 0: 'lots' } },
        '2026-11-25': { some: true },
        '2026-11-27': { note: 'ill' },
      }),
      expected,
    );
    expect(result.ok && describeTrackerRead(result.read)).toBe(
      "3 of 8 days filled in: 1 done, 1 partly, 1 with neither box ticked (read as not done). 1 thing wasn't added — see below.",
    );
    const empty = readTrackerForm(filledForm({}), expected);
    expect(empty.ok && describeTrackerRead(empty.read)).toBe(
      'Nothing was filled in on this tracker (8 days).',
    );
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium';
import {
  formFieldsFor,
  readTrackerForm,
  type ReturnedDay,
  TRACKER_SECRET_BYTES,
  type TrackerFormValue,
  trackerDaysOf,
  trackerReference,
  trackerTag,
  trackerTagFieldName,
} from './returned-tracker';
import { gridEntryProblem } from './review-grid';
import type { TrackerField } from './template';

/**
 * The returned tracker's reader against arbitrary forms: a form filled with values that fit reads
 * back to exactly the days a client filled in, and anything at all (a PDF app's odd values,
 * altered names) is either refused with a named problem or reads to entries the grid accepts.
 */

beforeAll(() => loadSodium());

const RUNS = { numRuns: 150 };

const secretArbitrary = fc.uint8Array({
  minLength: TRACKER_SECRET_BYTES,
  maxLength: TRACKER_SECRET_BYTES,
});

const columns: TrackerField[] = [
  { label: 'Minutes', kind: 'minutes' },
  { label: 'Urges', kind: 'count' },
  { label: 'Mood', kind: 'rating-0-10' },
  { label: 'Out', kind: 'yes-no' },
  { label: 'When', kind: 'time-of-day' },
  { label: 'What', kind: 'short-text' },
];

const practice = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  dose: { label: 'Daily', dose: { kind: 'per-week' as const, timesPerWeek: 7 } },
  days: [1, 2, 3, 4, 5, 6, 7],
  startsOn: '2026-03-02',
  reviewBy: '2026-03-15',
  trackerFields: columns,
};
const days = trackerDaysOf(practice);

/** A value that fits each column, as the client writes it and as the grid stores it. */
const fitting: Record<
  TrackerField['kind'],
  fc.Arbitrary<[TrackerFormValue, string | number | boolean]>
> = {
  minutes: fc.integer({ min: 0, max: 1440 }).map((n) => [String(n), n]),
  count: fc.integer({ min: 0, max: 99 }).map((n) => [`${n}`, n]),
  'rating-0-10': fc.integer({ min: 0, max: 10 }).map((n) => [`${n}/10`, n]),
  'yes-no': fc.boolean().map((tick) => [tick, tick]),
  'time-of-day': fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => {
      const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      return [time, time];
    }),
  'short-text': fc
    .string({ unit: fc.constantFrom('a', 'é', ' ', '7', '’', '😀'), maxLength: 30 })
    .filter((text) => text.trim() !== '')
    .map((text) => [text, text.trim()]),
};

type Fill = {
  done: boolean;
  some: boolean;
  values: ([TrackerFormValue, string | number | boolean] | null)[];
  note: string;
};

const fillArbitrary: fc.Arbitrary<Fill> = fc.record({
  done: fc.boolean(),
  some: fc.boolean(),
  values: fc.tuple(...columns.map((column) => fc.option(fitting[column.kind]))),
  note: fc.constantFrom('', 'rain', '  felt ok  '),
});

function formOf(secret: Uint8Array, fills: (Fill | null)[]): Map<string, TrackerFormValue> {
  const reference = trackerReference(secret, practice.id);
  const values = new Map<string, TrackerFormValue>([
    [trackerTagFieldName(reference), trackerTag(secret, reference)],
  ]);
  for (const field of formFieldsFor(reference, days, columns)) {
    const fill = fills[days.findIndex((day) => day.date === field.date)] ?? null;
    const blank = field.input === 'checkbox' ? false : '';
    const value =
      fill === null
        ? blank
        : field.kind === 'done'
          ? fill.done
          : field.kind === 'some'
            ? fill.some
            : field.kind === 'note'
              ? fill.note
              : (fill.values[field.column ?? 0]?.[0] ?? blank);
    values.set(field.name, value);
  }
  return values;
}

/** What the grid should get from a day, by the documented rules (null: nothing filled). */
function expectedDay(date: string, fill: Fill | null): ReturnedDay | null {
  if (fill === null) return null;
  const written =
    fill.done ||
    fill.some ||
    fill.note.trim() !== '' ||
    fill.values.some((value) => value !== null && value[0] !== false);
  if (!written) return null;
  const tracker: ReturnedDay['tracker'] = {};
  columns.forEach((column, at) => {
    const value = fill.values[at];
    if (value) tracker[column.label] = value[1];
    else if (column.kind === 'yes-no') tracker[column.label] = false;
  });
  const note = fill.note.trim();
  const mark = fill.done ? 'yes' : fill.some ? 'partly' : 'no';
  return note === '' ? { date, mark, tracker } : { date, mark, tracker, note };
}

describe('the returned tracker, for any form', () => {
  it('reads a form filled with fitting values back to exactly the days filled in', () => {
    fc.assert(
      fc.property(
        secretArbitrary,
        fc.array(fc.option(fillArbitrary, { freq: 2 }), {
          minLength: days.length,
          maxLength: days.length,
        }),
        (secret, fills) => {
          const result = readTrackerForm(formOf(secret, fills), {
            secret,
            assignment: practice,
          });
          const wanted = days
            .map((day, at) => expectedDay(day.date, fills[at] ?? null))
            .filter((day) => day !== null);
          expect(result.ok && result.entries).toEqual(wanted);
          expect(result.ok && result.read.notTaken).toEqual([]);
          expect(result.ok && result.read.unfilled.length + wanted.length).toBe(days.length);
        },
      ),
      RUNS,
    );
  });

  it('refuses, or reads only what the grid accepts, whatever the values and names', () => {
    const secret = new Uint8Array(TRACKER_SECRET_BYTES).fill(3);
    const base = formOf(secret, []);
    const names = [...base.keys()];
    const anyValue = fc.oneof(
      fc.boolean(),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('/Yes', 'Off', '10', '99999', '7:60', '\u202E3', 'a\nb', ' 0 '),
    );
    const change = fc.oneof(
      fc.tuple(fc.constantFrom(...names), anyValue),
      fc.tuple(
        fc.string({ maxLength: 30 }).map((name) => `bw_${name}`),
        anyValue,
      ),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), fc.boolean(), (changes, dropOne) => {
        const values = new Map(base);
        for (const [name, value] of changes) values.set(name, value);
        if (dropOne && changes[0]) values.delete(changes[0][0]);
        const result = readTrackerForm(values, { secret, assignment: practice });
        if (!result.ok) {
          expect([
            'not-a-tracker',
            'other-vault',
            'other-assignment',
            'fields-do-not-match',
          ]).toContain(result.problem);
          return;
        }
        for (const entry of result.entries) {
          expect(gridEntryProblem(practice, entry.date, entry.tracker)).toBeNull();
          expect(['yes', 'partly', 'no']).toContain(entry.mark);
        }
      }),
      RUNS,
    );
  });

  it('names every practice with letters and digits in turn, so no name spells a word', () => {
    fc.assert(
      fc.property(secretArbitrary, fc.string({ minLength: 1, maxLength: 40 }), (secret, id) => {
        const reference = trackerReference(secret, id);
        expect(reference).toMatch(/^([a-hj-km-np-z][0-9]){5}$/);
        expect(trackerTag(secret, reference)).toMatch(/^([a-hj-km-np-z][0-9]){12}$/);
      }),
      RUNS,
    );
  });
});

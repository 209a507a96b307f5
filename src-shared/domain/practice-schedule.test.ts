import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectedPractice,
  expectedTotal,
  type PracticeScheduleInput,
  scheduleProblem,
} from './practice-schedule';
import type { Dose } from './template';

/** 2026-03-02 is a Monday. */
const monday = '2026-03-02';
const sunday = '2026-03-08';

const perWeek = (timesPerWeek: number, minutes?: number): Dose =>
  minutes === undefined
    ? { kind: 'per-week', timesPerWeek }
    : { kind: 'per-week', timesPerWeek, minutes };
const asNeeded = (practiseAtLeast: number): Dose => ({ kind: 'as-needed', practiseAtLeast });

const week = (dose: Dose | null, days: number[] = []): PracticeScheduleInput => ({
  dose,
  days,
  startsOn: monday,
  until: sunday,
});

/** The weekdays with practice planned, and how many times each. */
const planned = (schedule: PracticeScheduleInput) =>
  expectedPractice(schedule)
    .filter((day) => day.times > 0)
    .map((day) => [day.weekday, day.times]);

const plusDays = (date: string, days: number) =>
  format(addDays(parseISO(date), days), 'yyyy-MM-dd');

describe('a schedule lists every day of the plan', () => {
  it('has a row for each day from the start to the end, for the tracker grid', () => {
    const days = expectedPractice(week(perWeek(3)));
    expect(days.map((day) => day.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(days.map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('covers one day when it starts and ends on the same day', () => {
    expect(expectedPractice({ ...week(perWeek(7)), until: monday })).toEqual([
      { date: monday, weekday: 1, times: 1, asNeeded: false },
    ]);
  });

  it('crosses month and year ends and leap days by the calendar', () => {
    const days = expectedPractice({
      dose: perWeek(7),
      days: [],
      startsOn: '2028-02-27',
      until: '2028-03-01',
    });
    expect(days.map((day) => day.date)).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    const newYear = expectedPractice({
      ...week(null),
      startsOn: '2026-12-31',
      until: '2027-01-01',
    });
    expect(newYear.map((day) => [day.date, day.weekday])).toEqual([
      ['2026-12-31', 4],
      ['2027-01-01', 5],
    ]);
  });

  it('is empty when the end is before the start or a date is not a real date', () => {
    expect(expectedPractice({ ...week(perWeek(3)), until: '2026-03-01' })).toEqual([]);
    expect(expectedPractice({ ...week(perWeek(3)), startsOn: '2026-02-30' })).toEqual([]);
    expect(expectedPractice({ ...week(perWeek(3)), until: 'next Friday' })).toEqual([]);
  });
});

describe('so many times a week on the days chosen together', () => {
  it('plans Monday, Wednesday and Friday once each for three times a week on those days', () => {
    expect(planned(week(perWeek(3, 15), [1, 3, 5]))).toEqual([
      [1, 1],
      [3, 1],
      [5, 1],
    ]);
  });

  it('plans twice a day when 14 a week falls on every day', () => {
    expect(planned(week(perWeek(14), [1, 2, 3, 4, 5, 6, 7])).map(([, times]) => times)).toEqual([
      2, 2, 2, 2, 2, 2, 2,
    ]);
  });

  it('keeps every chosen day a practice day, even when that is more than the weekly number', () => {
    expect(planned(week(perWeek(1), [2, 4]))).toEqual([
      [2, 1],
      [4, 1],
    ]);
  });

  it('rounds the times per day: 5 a week on two days is three each', () => {
    expect(planned(week(perWeek(5), [6, 7]))).toEqual([
      [6, 3],
      [7, 3],
    ]);
  });

  it('ignores repeated days and anything that is not a weekday', () => {
    expect(planned(week(perWeek(2), [3, 3, 0, 8, 6]))).toEqual([
      [3, 1],
      [6, 1],
    ]);
  });
});

describe('so many times a week on any days that suit', () => {
  it('spreads three a week every second or third day', () => {
    expect(planned(week(perWeek(3)))).toEqual([
      [2, 1],
      [4, 1],
      [6, 1],
    ]);
  });

  it('places once a week in the middle of the week', () => {
    expect(planned(week(perWeek(1)))).toEqual([[4, 1]]);
  });

  it('is daily at 7, twice a day at 14 and three times a day at 21', () => {
    for (const [timesPerWeek, perDay] of [
      [7, 1],
      [14, 2],
      [21, 3],
    ] as const) {
      expect(planned(week(perWeek(timesPerWeek))).map(([, times]) => times)).toEqual(
        Array(7).fill(perDay),
      );
    }
  });

  it('counts the weeks from the start day, not from Monday', () => {
    const fromThursday = expectedPractice({ ...week(perWeek(3)), startsOn: '2026-03-05' });
    expect(fromThursday.filter((day) => day.times > 0).map((day) => day.weekday)).toEqual([5, 7]);
  });

  it('repeats the same pattern every week', () => {
    const twoWeeks = expectedPractice({ ...week(perWeek(4)), until: plusDays(monday, 13) });
    const times = twoWeeks.map((day) => day.times);
    expect(times.slice(7)).toEqual(times.slice(0, 7));
    expect(times.slice(0, 7).reduce((a, b) => a + b)).toBe(4);
  });

  it('gives a last part-week its share: three a week over ten days is four', () => {
    expect(expectedTotal({ ...week(perWeek(3)), until: plusDays(monday, 9) })).toBe(4);
  });
});

describe('a skill used as needed', () => {
  it('marks every day as a day it may be used, with nothing planned when there is no minimum', () => {
    const days = expectedPractice(week(asNeeded(0)));
    expect(days.every((day) => day.asNeeded && day.times === 0)).toBe(true);
  });

  it('plans the "practise at least" days like so many times a week', () => {
    const days = expectedPractice(week(asNeeded(2)));
    expect(days.every((day) => day.asNeeded)).toBe(true);
    expect(planned(week(asNeeded(2)))).toEqual(planned(week(perWeek(2))));
  });

  it('puts the "practise at least" days on the chosen days', () => {
    expect(planned(week(asNeeded(2), [1, 4]))).toEqual([
      [1, 1],
      [4, 1],
    ]);
  });
});

describe('no dose chosen yet', () => {
  it('plans once on each chosen day', () => {
    expect(planned(week(null, [2, 7]))).toEqual([
      [2, 1],
      [7, 1],
    ]);
  });

  it('plans nothing when no days are chosen either', () => {
    expect(expectedTotal(week(null))).toBe(0);
    expect(expectedPractice(week(null))).toHaveLength(7);
  });
});

describe('the expected total', () => {
  it('adds up the times planned over the whole schedule', () => {
    expect(expectedTotal(week(perWeek(3)))).toBe(3);
    expect(expectedTotal({ ...week(perWeek(14)), until: plusDays(monday, 13) })).toBe(28);
    expect(expectedTotal(week(perWeek(2, 10), [1, 2, 3]))).toBe(3);
  });
});

describe('schedule dates that need another look', () => {
  const today = '2026-03-02';

  it('is happy with a schedule starting today or later', () => {
    expect(scheduleProblem(today, '2026-03-09', today)).toBeNull();
    expect(scheduleProblem('2026-03-05', '2026-03-05', today)).toBeNull();
  });

  it('says kindly when the end comes before the start', () => {
    expect(scheduleProblem('2026-03-09', '2026-03-04', today)).toBe(
      'The end date comes before the start — choose an end on or after the day it begins.',
    );
  });

  it('says kindly when the start has already gone by', () => {
    expect(scheduleProblem('2026-02-27', '2026-03-09', today)).toBe(
      'That start date has already gone by — starting today or later gives it a fair chance.',
    );
  });

  it('asks for dates when one is missing or not a real date', () => {
    expect(scheduleProblem('', '2026-03-09', today)).toBe(
      'Choose the day it starts and the day it runs until.',
    );
    expect(scheduleProblem('2026-02-31', '2026-03-09', today)).not.toBeNull();
  });

  it('is one sentence', () => {
    const message = scheduleProblem('2026-03-09', '2026-03-04', today) ?? '';
    expect(message.match(/[.!?]/g)).toHaveLength(1);
    expect(message.endsWith('.')).toBe(true);
  });
});

describe('schedule properties', () => {
  const fast = { numRuns: 150 };
  const startOffset = fc.integer({ min: 0, max: 2000 });
  const length = fc.integer({ min: 1, max: 70 });
  const dose: fc.Arbitrary<Dose | null> = fc.oneof(
    fc.constant(null),
    fc.integer({ min: 1, max: 21 }).map((n) => perWeek(n)),
    fc.integer({ min: 0, max: 21 }).map((n) => asNeeded(n)),
  );
  const days = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 });
  const schedule = fc
    .record({ offset: startOffset, length, dose, days })
    .map(({ offset, length, dose, days }) => {
      const startsOn = plusDays('2025-01-01', offset);
      return { dose, days, startsOn, until: plusDays(startsOn, length - 1) };
    });

  it('lists each day of the range once, in order, and nothing outside it', () => {
    fc.assert(
      fc.property(schedule, (input) => {
        const list = expectedPractice(input);
        const count = Math.round(
          (parseISO(input.until).getTime() - parseISO(input.startsOn).getTime()) / 86_400_000,
        );
        expect(list).toHaveLength(count + 1);
        list.forEach((day, index) => {
          expect(day.date).toBe(plusDays(input.startsOn, index));
          expect(day.date >= input.startsOn && day.date <= input.until).toBe(true);
          expect(day.times).toBeGreaterThanOrEqual(0);
        });
      }),
      fast,
    );
  });

  it('plans close to times a week × weeks when the days are left open', () => {
    fc.assert(
      fc.property(
        startOffset,
        length,
        fc.integer({ min: 1, max: 21 }),
        (offset, length, timesPerWeek) => {
          const startsOn = plusDays('2025-01-01', offset);
          const total = expectedTotal({
            dose: perWeek(timesPerWeek),
            days: [],
            startsOn,
            until: plusDays(startsOn, length - 1),
          });
          expect(Math.abs(total - (timesPerWeek * length) / 7)).toBeLessThanOrEqual(0.5);
          if (length % 7 === 0) expect(total).toBe((timesPerWeek * length) / 7);
        },
      ),
      fast,
    );
  });

  it('plans exactly the weekly number each whole week when it divides over the chosen days', () => {
    fc.assert(
      fc.property(
        startOffset,
        fc.integer({ min: 1, max: 8 }),
        days.filter((chosen) => chosen.length > 0),
        fc.integer({ min: 1, max: 3 }),
        (offset, weeks, chosen, perDay) => {
          const startsOn = plusDays('2025-01-01', offset);
          const timesPerWeek = Math.min(21, perDay * chosen.length);
          const total = expectedTotal({
            dose: perWeek(timesPerWeek),
            days: chosen,
            startsOn,
            until: plusDays(startsOn, weeks * 7 - 1),
          });
          expect(total).toBe(timesPerWeek * weeks);
        },
      ),
      fast,
    );
  });

  it('gives the same plan every time, whatever order the days were picked in', () => {
    fc.assert(
      fc.property(schedule, (input) => {
        expect(expectedPractice({ ...input, days: [...input.days].reverse() })).toEqual(
          expectedPractice(input),
        );
      }),
      fast,
    );
  });
});

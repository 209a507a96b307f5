import { describe, expect, it } from 'vitest';
import { type DayMark, gridDaysOf, gridEntryProblem, percentFromGrid } from './review-grid';

/** Three times a week on Monday, Wednesday and Friday, over two weeks (6 planned days). */
const practice = {
  dose: { label: 'Three times a week', dose: { kind: 'per-week' as const, timesPerWeek: 3 } },
  days: [1, 3, 5],
  startsOn: '2026-11-23',
  reviewBy: '2026-12-06',
  trackerFields: [
    { label: 'Minutes', kind: 'minutes' as const },
    { label: 'Went out', kind: 'yes-no' as const },
  ],
};

const marks = (entries: [string, DayMark][]) => new Map(entries);

describe('the review grid', () => {
  it('has a row for every day from the start to the review date', () => {
    const days = gridDaysOf(practice);
    expect(days).toHaveLength(14);
    expect(days.filter((day) => day.times > 0).map((day) => day.date)).toEqual([
      '2026-11-23',
      '2026-11-25',
      '2026-11-27',
      '2026-11-30',
      '2026-12-02',
      '2026-12-04',
    ]);
  });

  it('works out the share done: done counts fully, partly half, unmarked days as not done', () => {
    const days = gridDaysOf(practice);
    expect(percentFromGrid(days, marks([['2026-11-23', 'yes']]))).toBe(17);
    expect(
      percentFromGrid(
        days,
        marks([
          ['2026-11-23', 'yes'],
          ['2026-11-25', 'partly'],
          ['2026-11-27', 'no'],
        ]),
      ),
    ).toBe(25);
  });

  it('never goes over 100, however many extra days were practised', () => {
    const days = gridDaysOf(practice);
    const everyDay = marks(days.map((day) => [day.date, 'yes']));
    expect(percentFromGrid(days, everyDay)).toBe(100);
  });

  it('says "not known" rather than 0 when nothing is marked or nothing was planned', () => {
    expect(percentFromGrid(gridDaysOf(practice), new Map())).toBeNull();
    const onlyWhenNeeded = {
      ...practice,
      dose: {
        label: 'When it comes up',
        dose: { kind: 'as-needed' as const, practiseAtLeast: 0 },
      },
    };
    expect(percentFromGrid(gridDaysOf(onlyWhenNeeded), marks([['2026-11-23', 'yes']]))).toBeNull();
  });

  it('refuses a day outside the practice’s dates, a column it does not have, or a value that does not fit', () => {
    expect(gridEntryProblem(practice, '2026-11-23', { Minutes: 10, 'Went out': true })).toBeNull();
    expect(gridEntryProblem(practice, '2026-12-07', {})).toBe('outside-schedule');
    expect(gridEntryProblem(practice, '2026-11-22', {})).toBe('outside-schedule');
    expect(gridEntryProblem(practice, '2026-11-23', { Mood: 5 })).toBe('unknown-column');
    expect(gridEntryProblem(practice, '2026-11-23', { Minutes: -3 })).toBe('column-value');
    expect(gridEntryProblem(practice, '2026-11-23', { 'Went out': 'yes' })).toBe('column-value');
  });
});

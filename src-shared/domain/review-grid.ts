import type { Assignment } from './assignment';
import type { PracticeLog } from './practice-log';
import { type ExpectedDay, expectedPractice } from './practice-schedule';
import type { TrackerField } from './template';

/**
 * The review's quick grid: one row per day of the practice's schedule, marked from a returned
 * tracker (done, partly, not), with the tracker columns the client chose. Marked days are stored
 * as practice-log entries; the amount done is worked out from them.
 */

/** How a day went, as the grid marks it (the practice log's words). */
export type DayMark = PracticeLog['done'];

/** The schedule's days for the grid: from the start to the review-by date. */
export function gridDaysOf(
  assignment: Pick<Assignment, 'dose' | 'days' | 'startsOn' | 'reviewBy'>,
): ExpectedDay[] {
  return expectedPractice({
    dose: assignment.dose?.dose ?? null,
    days: assignment.days,
    startsOn: assignment.startsOn,
    until: assignment.reviewBy,
  });
}

/** Why a grid entry was refused. */
export type GridProblem = 'outside-schedule' | 'unknown-column' | 'column-value';

/** What to tell the clinician for each problem. */
export const gridProblemMessages: Record<GridProblem, string> = {
  'outside-schedule':
    "That day isn't part of this practice's dates, so it can't go in the grid — the grid runs from the start to the review date.",
  'unknown-column': "That column isn't on this practice's tracker.",
  'column-value': "That value doesn't fit its column — please check it.",
};

/** Whether a tracker value fits its column's kind. */
function fitsColumn(field: TrackerField, value: string | number | boolean): boolean {
  switch (field.kind) {
    case 'yes-no':
      return typeof value === 'boolean';
    case 'count':
    case 'minutes':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1440;
    case 'rating-0-10':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
    case 'time-of-day':
      return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
    case 'short-text':
      return typeof value === 'string' && value.length <= 200;
  }
}

/**
 * What is wrong with a grid entry for `date` with these tracker values, or null when it fits:
 * the day must be one of the schedule's, and each value must belong to a chosen column and fit
 * its kind.
 */
export function gridEntryProblem(
  assignment: Pick<Assignment, 'dose' | 'days' | 'startsOn' | 'reviewBy' | 'trackerFields'>,
  date: string,
  tracker: Readonly<Record<string, string | number | boolean>>,
): GridProblem | null {
  if (!gridDaysOf(assignment).some((day) => day.date === date)) return 'outside-schedule';
  for (const [label, value] of Object.entries(tracker)) {
    const field = assignment.trackerFields.find((each) => each.label === label);
    if (!field) return 'unknown-column';
    if (!fitsColumn(field, value)) return 'column-value';
  }
  return null;
}

/** How much one day counts for: a planned day as many times as planned, any other day once. */
const weightOf = (day: ExpectedDay) => Math.max(day.times, 1);

/**
 * The share of the planned practice done, 0–100, from the grid's marks (by date): a day done
 * counts fully, partly counts half, and unmarked days count as not done, since the grid is filled
 * from a returned tracker. Practice beyond the plan is welcome but never takes it over 100.
 * Null when nothing was planned (an "as needed" skill with no minimum) or nothing is marked, so
 * "unknown" is never shown as 0.
 */
export function percentFromGrid(
  days: readonly ExpectedDay[],
  marks: ReadonlyMap<string, DayMark>,
): number | null {
  const planned = days.reduce((sum, day) => sum + day.times, 0);
  if (planned === 0 || marks.size === 0) return null;
  let done = 0;
  for (const day of days) {
    const mark = marks.get(day.date);
    if (mark === 'yes') done += weightOf(day);
    if (mark === 'partly') done += weightOf(day) / 2;
  }
  return Math.min(100, Math.round((100 * done) / planned));
}

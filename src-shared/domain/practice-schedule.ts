import { addDays, differenceInCalendarDays, format, getISODay, isValid, parseISO } from 'date-fns';
import type { Dose } from './template';

/**
 * Which days a piece of practice is expected on, from its dose and chosen days: what the tracker
 * grid marks and what a review counts against. Dates are local calendar dates ("YYYY-MM-DD");
 * weekdays are ISO (1 is Monday, 7 is Sunday).
 */

/** What an assignment says about when practice happens. */
export type PracticeScheduleInput = {
  /** The dose chosen together, or none yet. */
  dose: Dose | null;
  /** Weekdays chosen (ISO, 1 = Monday … 7 = Sunday); empty when any days that suit will do. */
  days: readonly number[];
  /** First day of the schedule, "YYYY-MM-DD". */
  startsOn: string;
  /** Last day of the schedule, inclusive, "YYYY-MM-DD" (usually the review-by date). */
  until: string;
};

/** One calendar day of a schedule. */
export type ExpectedDay = {
  /** The local date, "YYYY-MM-DD". */
  date: string;
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number;
  /** How many times practice is planned that day (0: not a planned day). */
  times: number;
  /** True for an "as needed" skill: any day a moment comes counts, planned or not. */
  asNeeded: boolean;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A "YYYY-MM-DD" string as local midnight of that date, or null when it is not a real date. */
function localDate(text: string): Date | null {
  if (!ISO_DATE.test(text)) return null;
  const date = parseISO(text);
  return isValid(date) && format(date, 'yyyy-MM-dd') === text ? date : null;
}

/**
 * Practice planned by the end of day `day` (counted from 1) when `perWeek` times are spread
 * evenly over every 7 days: the running share `day × perWeek / 7`, rounded to the nearest whole
 * time (halves up). Whole weeks get exactly `perWeek`; a last part-week gets its share rounded.
 */
function spreadSoFar(day: number, perWeek: number): number {
  return Math.floor((2 * day * perWeek + 7) / 14);
}

/** How many times a week the dose asks for: the per-week count, or the as-needed "at least". */
function weeklyTimes(dose: Dose): number {
  return dose.kind === 'per-week' ? dose.timesPerWeek : dose.practiseAtLeast;
}

/** The chosen weekdays, each once, ignoring anything that is not an ISO weekday. */
function chosenWeekdays(days: readonly number[]): Set<number> {
  return new Set(days.filter((day) => Number.isInteger(day) && day >= 1 && day <= 7));
}

/** Times planned on the `index`-th day of the schedule (0 is the start), which is `weekday`. */
function timesOn(
  dose: Dose | null,
  chosen: ReadonlySet<number>,
  index: number,
  weekday: number,
): number {
  if (dose === null) return chosen.has(weekday) ? 1 : 0;
  const perWeek = weeklyTimes(dose);
  if (perWeek === 0) return 0;
  if (chosen.size > 0) {
    return chosen.has(weekday) ? Math.max(1, Math.round(perWeek / chosen.size)) : 0;
  }
  return spreadSoFar(index + 1, perWeek) - spreadSoFar(index, perWeek);
}

/**
 * Every calendar day from `startsOn` to `until` inclusive, each with how many times practice is
 * planned that day. Every day is listed, planned or not, because a tracker grid has a row for
 * each day (the client may practise on an unplanned day too) and a review walks the whole week;
 * keep the days with `times > 0` for only the planned ones. An empty list when the range ends
 * before it starts or a date is not a real "YYYY-MM-DD" date.
 *
 * How days are planned:
 * - **So many times a week, on chosen days**: each chosen weekday, `max(1, round(timesPerWeek /
 *   number of days chosen))` times that day (14 a week on 7 days is twice a day). Every chosen
 *   day is a practice day, even when that comes to a little more than the weekly number.
 * - **So many times a week, any days**: spread evenly over each 7 days counted from the start,
 *   the same pattern every week (3 a week is every second or third day, 7 is daily, 14 twice a
 *   day, 21 three times a day); a last part-week gets its share, rounded.
 * - **As needed**: every day is marked `asNeeded` (any moment counts), with `times` 0 except
 *   the "practise at least" days, planned like so many times a week.
 * - **No dose yet**: once on each chosen day, or nothing planned when no days are chosen.
 */
export function expectedPractice(schedule: PracticeScheduleInput): ExpectedDay[] {
  const start = localDate(schedule.startsOn);
  const end = localDate(schedule.until);
  if (start === null || end === null) return [];
  const count = differenceInCalendarDays(end, start) + 1;
  const chosen = chosenWeekdays(schedule.days);
  const asNeeded = schedule.dose?.kind === 'as-needed';
  return Array.from({ length: Math.max(0, count) }, (_, index) => {
    const day = addDays(start, index);
    const weekday = getISODay(day);
    return {
      date: format(day, 'yyyy-MM-dd'),
      weekday,
      times: timesOn(schedule.dose, chosen, index, weekday),
      asNeeded,
    };
  });
}

/** How many times practice is planned over the whole schedule (see `expectedPractice`). */
export function expectedTotal(schedule: PracticeScheduleInput): number {
  return expectedPractice(schedule).reduce((total, day) => total + day.times, 0);
}

/**
 * What is wrong with a schedule's dates, as one warm sentence to show beside them, or null when
 * they are fine: the dates are not real dates, it ends before it starts, or it starts before
 * `today` (all "YYYY-MM-DD"). Starting today is fine; so is a one-day schedule.
 */
export function scheduleProblem(startsOn: string, until: string, today: string): string | null {
  if (localDate(startsOn) === null || localDate(until) === null) {
    return 'Choose the day it starts and the day it runs until.';
  }
  if (until < startsOn) {
    return 'The end date comes before the start — choose an end on or after the day it begins.';
  }
  if (localDate(today) !== null && startsOn < today) {
    return 'That start date has already gone by — starting today or later gives it a fair chance.';
  }
  return null;
}

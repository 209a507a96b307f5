import { TZDate, tzOffset } from '@date-fns/tz';
import ical, {
  ICalAlarmType,
  ICalEventClass,
  ICalEventRepeatingFreq,
  ICalEventTransparency,
  ICalWeekday,
} from 'ical-generator';
import { type Assignment, timeOfDaySchema } from './assignment';
import { clinicalWordIn } from './client-facing-template';
import { planSentence } from './practice-plan';
import { expectedPractice } from './practice-schedule';
import type { PracticeWording } from './preferences';

/**
 * The calendar reminder of one assignment: an RFC 5545 `.ics` file with one event that repeats
 * on the agreed days from the start to the review-by date, at the plan's time, with an alarm at
 * the start and the plan in the client's words as its description. And the words every
 * reminder shows (the calendar's and the reminder images'): discreet by default, because
 * calendars are often shared and lock screens seen.
 *
 * Written with `ical-generator` (maintained, no runtime dependencies; it escapes text, folds
 * lines at 75 octets without splitting a UTF-8 sequence and writes VALARM, RRULE with BYDAY and
 * UNTIL, and TZID with a VTIMEZONE from a generator). `ics`, the first choice, folds at 75
 * characters rather than octets (so a line of "Ødegård" or emoji runs past the 75-octet limit),
 * writes start times only as UTC or floating, and has no TZID or VTIMEZONE.
 */

/** What a calendar reminder is made from. */
export type CalendarReminderInput = {
  assignment: Assignment;
  /** Discreet wording (the default): the discreet title and no clinical word anywhere. */
  discreet?: boolean;
  /** What the client calls the week's practice: the title when there is none. */
  wording: PracticeWording;
  /** "HH:MM": when to remind a plan that has no time of its own (a cue-based plan). */
  reminderTime: string | null;
  /**
   * The IANA time zone the plan's time is in (the computer's, `Intl.DateTimeFormat()
   * .resolvedOptions().timeZone`, unless the client lives in another).
   */
  timeZone: string;
  /** The client's name: no part of it is ever written, whatever the text says. */
  clientName?: string;
};

/** A calendar file ready to save: a default file name (without ".ics") and its text. */
export type CalendarReminder = { fileNameStem: string; ics: string };

/** What every reminder of an assignment says, in the chosen wording. */
export type ReminderWords = {
  /** The title: plain, or discreet; what the client calls practice when there is none. */
  title: string;
  /** "I will … on … at …, after …, at …." (empty when the plan says nothing usable). */
  plan: string;
  /** The smallest version that still counts, as the client reads it (may be empty). */
  smallest: string;
};

/** What the reminder words are made from (the calendar reminder's input without the time). */
export type ReminderWordsInput = Pick<
  CalendarReminderInput,
  'assignment' | 'discreet' | 'wording' | 'clientName'
>;

/** The title when the assignment has none to show, by the vault's wording setting. */
const practiceNames: Record<PracticeWording, string> = {
  practice: 'Practice',
  'this-weeks-plan': 'This week’s plan',
};

/** The line before the smallest version in the description. */
export const smallestVersionLead = 'The smallest version that still counts:';

/** How long the calendar event lasts when the dose names no minutes. */
const DEFAULT_MINUTES = 15;

const weekdayCodes = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
] as const;

// eslint-disable-next-line no-control-regex -- control characters are what is removed: RFC 5545 text may not hold them.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

/** Text with the control characters a calendar file may not carry removed, trimmed. */
function clean(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').trim();
}

/** Text as names are compared: composed and lower-cased. */
function folded(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/**
 * What a text must not contain of a name: the whole name, and each of its words of three
 * letters or more ("Ødegård", "Nguyễn"). Two-letter words ("An", "Li") are left to the whole
 * name: alone they are everyday words ("an apple"), and leaving out every text with one would
 * strip most plans.
 */
function nameWords(name: string | undefined): string[] {
  const whole = folded(clean(name ?? '')).replace(/\s+/gu, ' ');
  const words = whole
    .split(/[^\p{L}\p{M}\p{N}'’-]+/u)
    .map((word) => word.replace(/^['’-]+|['’-]+$/gu, ''))
    .filter((word) => [...word].length >= 3);
  return [...new Set([whole, ...words])].filter((word) => word !== '');
}

/** Whether `text` holds one of `words` (folded) as a whole word or phrase, in any case. */
function holdsWord(text: string, words: readonly string[]): boolean {
  const lower = folded(text).replace(/\s+/gu, ' ');
  return words.some((word) => {
    let from = lower.indexOf(word);
    while (from >= 0) {
      const before = lower.slice(0, from).at(-1) ?? ' ';
      const after = lower.charAt(from + word.length) || ' ';
      if (!/[\p{L}\p{M}\p{N}]/u.test(before) && !/[\p{L}\p{M}\p{N}]/u.test(after)) return true;
      from = lower.indexOf(word, from + 1);
    }
    return false;
  });
}

/** A rule for what text may be shown: none of the name, and no clinical word when discreet. */
function showable(discreet: boolean, clientName: string | undefined): (text: string) => boolean {
  const name = nameWords(clientName);
  return (text) => !holdsWord(text, name) && !(discreet && clinicalWordIn(text) !== null);
}

/**
 * The plan sentence (`planSentence`) with any part that may not be shown left out: a what, cue
 * or place holding the client's name, or a clinical word when discreet. Empty when even that
 * would show something it may not.
 */
function planWords(assignment: Assignment, mayShow: (text: string) => boolean): string {
  const { plan, days } = assignment;
  const part = (text: string) => (mayShow(text) ? clean(text) : '');
  const sentence = planSentence(
    { what: part(plan.what), time: plan.time, cue: part(plan.cue), where: part(plan.where) },
    days,
  );
  return mayShow(sentence) ? sentence : '';
}

/**
 * What every reminder of an assignment says — its title, the plan sentence and the smallest
 * version — in plain or (by default) discreet wording. Discreet: the discreet title and the
 * template's discreet wording of the smallest version, and any text with a clinical word
 * (`clinicalWordIn`) left out, the title falling back to what the client calls practice
 * ("Practice" or "This week’s plan"). In both wordings no text holding a word of the client's
 * name is shown, and nothing therapist-only (clinical title, cautions, notes) is ever read.
 */
export function reminderWordsOf(input: ReminderWordsInput): ReminderWords {
  const { assignment, wording } = input;
  const discreet = input.discreet ?? true;
  const mayShow = showable(discreet, input.clientName);
  const fallback = practiceNames[wording] ?? practiceNames.practice;
  const title = clean(discreet ? assignment.discreetTitle : assignment.title);
  const smallest = clean(
    (discreet ? assignment.discreetWording?.minimumDose : undefined) ?? assignment.minimum.label,
  );
  return {
    title: title !== '' && mayShow(title) ? title : fallback,
    plan: planWords(assignment, mayShow),
    smallest: smallest !== '' && mayShow(smallest) ? smallest : '',
  };
}

/**
 * A default file name (without extension) for an assignment's reminder files: its title as
 * shown, in lower case, words joined by hyphens, then "-reminder" ("evening-walk-reminder").
 * Falls back to what the client calls practice; never a clinical word or the client's name,
 * in either wording, since file names show in download folders and on shared screens.
 */
export function reminderFileNameStem(input: ReminderWordsInput): string {
  const words = reminderWordsOf(input);
  const mayShow = showable(true, input.clientName);
  const slug = (text: string) =>
    text
      .normalize('NFC')
      .toLocaleLowerCase()
      .replace(/[’']/gu, '')
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter((word) => word !== '')
      .join('-')
      .slice(0, 48)
      .replace(/-+$/u, '');
  const fromTitle = slug(words.title);
  const stem =
    fromTitle !== '' && mayShow(fromTitle.replace(/-/g, ' '))
      ? fromTitle
      : slug(practiceNames[input.wording] ?? practiceNames.practice);
  return `${stem}-reminder`;
}

/** The dates and weekdays the reminder repeats on. */
type Recurrence = {
  /** The first day it rings, "YYYY-MM-DD". */
  first: string;
  /** ISO weekdays it rings on, ascending (all seven: every day). */
  weekdays: number[];
};

/**
 * Which weekdays the reminder rings on: the agreed days; with none agreed, the days the dose's
 * schedule plans (`expectedPractice`, whose spread repeats every seven days from the start, so
 * its weekdays are the same each week); with no dose or only "as needed", every day.
 * Null when none of those days falls between the start and the review-by date.
 */
function recurrenceOf(assignment: Assignment): Recurrence | null {
  const schedule = expectedPractice({
    dose: assignment.dose?.dose ?? null,
    days: assignment.days,
    startsOn: assignment.startsOn,
    until: assignment.reviewBy,
  });
  if (schedule.length === 0) return null;
  const chosen = new Set(assignment.days.filter((day) => day >= 1 && day <= 7));
  const planned = new Set(schedule.filter((day) => day.times > 0).map((day) => day.weekday));
  const weekdays =
    chosen.size > 0 ? chosen : planned.size > 0 ? planned : new Set([1, 2, 3, 4, 5, 6, 7]);
  const first = schedule.find((day) => weekdays.has(day.weekday));
  if (!first) return null;
  return { first: first.date, weekdays: [...weekdays].sort((a, b) => a - b) };
}

/** Whether `timeZone` is a time zone this system knows. */
function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The time the reminder rings, "HH:MM": the plan's own, else the one the client picked. */
function reminderTimeOf(input: CalendarReminderInput): string | null {
  const time = input.assignment.plan.time ?? input.reminderTime;
  return time !== null && timeOfDaySchema.safeParse(time).success ? time : null;
}

/**
 * What stops an assignment from having a calendar reminder, as one warm sentence to show
 * beside the button, or null when nothing does: no time to ring at (a cue-based plan needs
 * one picked), none of the planned days before the review-by date, dates that are not dates,
 * or a time zone the system does not know.
 */
export function calendarReminderProblem(input: CalendarReminderInput): string | null {
  if (reminderTimeOf(input) === null) {
    return 'Choose a time for the reminder — the plan says when, but not at what time.';
  }
  if (!isKnownTimeZone(input.timeZone)) {
    return 'This computer’s time zone isn’t one calendars know, so the reminder can’t be made.';
  }
  if (recurrenceOf(input.assignment) === null) {
    return 'None of the planned days falls before the review date, so there is nothing to remind.';
  }
  return null;
}

/**
 * The calendar reminder of one assignment (see `calendarReminderProblem` for when there is
 * none: this throws with that sentence).
 *
 * One event, repeating (RRULE) on the agreed days — weekly with BYDAY, or daily — from the
 * first of them on or after the start until the end of the review-by day (UNTIL, in UTC as
 * RFC 5545 requires with a TZID), at the plan's time, or at `reminderTime` for a plan with a
 * cue and no time. It lasts the dose's minutes (15 when none are named), shows as free and
 * private (CLASS:PRIVATE: a shared calendar shows others only that the time is taken), and
 * rings at its start (VALARM DISPLAY, TRIGGER PT0S) with the title. Its description is the
 * plan sentence and the smallest version that still counts. Words as `reminderWordsOf`.
 *
 * **Time zones.** Times are written with `TZID=<timeZone>` and a VTIMEZONE generated from the
 * system's own time zone data (Intl), not as floating times. Floating times ("the same hour in
 * any zone") would suit a daily habit best, but many calendars mishandle them: Google and
 * Microsoft calendars and GNOME Calendar have been seen reading them as UTC, and Outlook asks
 * for them on all-day events only, which would put the reminder hours off. A TZID is
 * understood everywhere; the cost is that a client in another zone than `timeZone` sees the
 * reminder at the matching hour of their zone, so pass the client's zone when it differs.
 * The VTIMEZONE lists the offset in force at the start and every change until the end
 * (explicit onsets, no rules), which covers every occurrence exactly. A time that does not
 * exist on the first day (inside a spring-forward gap) is written as the time after the gap.
 *
 * The UID comes from the assignment's id by a one-way hash (so saving the reminder again
 * updates the same event in a calendar instead of adding a second one) and SEQUENCE from its
 * revision; DTSTAMP is when the assignment was last changed, so the same assignment always
 * gives the same file. Nothing else from the record is written.
 */
export function calendarReminderOf(input: CalendarReminderInput): CalendarReminder {
  const problem = calendarReminderProblem(input);
  const time = reminderTimeOf(input);
  const recurrence = recurrenceOf(input.assignment);
  if (problem !== null || time === null || recurrence === null) throw new Error(problem ?? '');
  const { assignment, timeZone } = input;
  const words = reminderWordsOf(input);

  const start = wallClock(recurrence.first, time, timeZone);
  const minutes = assignment.dose?.dose.minutes ?? DEFAULT_MINUTES;
  const end = new TZDate(start.getTime() + minutes * 60_000, timeZone);
  const until = wallClock(assignment.reviewBy, '23:59', timeZone);
  const weekdays = new Set(recurrence.weekdays);
  const everyDay = weekdays.size === 7;

  const calendar = ical({
    prodId: '//Calendar reminder//EN',
    timezone: {
      name: null,
      generator: (zone) => vtimezone(zone, start, until),
    },
  });
  const event = calendar.createEvent({
    id: uidOf(assignment.id),
    sequence: assignment.revision,
    stamp: new Date(assignment.updatedAt),
    start,
    end,
    timezone: timeZone,
    summary: words.title,
    description: [words.plan, words.smallest && `${smallestVersionLead} ${words.smallest}`]
      .filter((line) => line !== '')
      .join('\n\n'),
    class: ICalEventClass.PRIVATE,
    transparency: ICalEventTransparency.TRANSPARENT,
    repeating: {
      freq: everyDay ? ICalEventRepeatingFreq.DAILY : ICalEventRepeatingFreq.WEEKLY,
      ...(everyDay ? {} : { byDay: weekdayCodes.filter((_, index) => weekdays.has(index + 1)) }),
      until: new Date(until.getTime() + 59_000),
    },
  });
  event.createAlarm({ type: ICalAlarmType.display, trigger: 0, description: words.title });
  return { fileNameStem: reminderFileNameStem(input), ics: calendar.toString() };
}

/** The instant of a wall-clock date ("YYYY-MM-DD") and time ("HH:MM") in `timeZone`. */
function wallClock(date: string, time: string, timeZone: string): TZDate {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return new TZDate(year, month - 1, day, hours, minutes, 0, timeZone);
}

/**
 * A stable, one-way UID for an assignment id: 128 bits from four FNV-1a lanes, written like a
 * UUID (RFC 7986 advises a UID that says nothing about its owner).
 */
function uidOf(id: string): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  const hashes = lanes.map((seed, lane) => {
    let hash = seed >>> 0;
    for (const char of `${lane}:${id}:calendar-reminder`) {
      hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
      hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
    }
    return (hash >>> 0).toString(16).padStart(8, '0');
  });
  const hex = hashes.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** An offset in minutes as RFC 5545 writes it: "+0100", "-0330", "+0545". */
function utcOffsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const total = Math.abs(Math.round(minutes));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${sign}${pad(Math.floor(total / 60))}${pad(total % 60)}`;
}

/** The local date-time "YYYYMMDDTHHMMSS" of `instant` at a UTC offset of `offset` minutes. */
function localText(instant: number, offset: number): string {
  return new Date(instant + offset * MINUTE).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** One change of a zone's offset: the instant it happens, the offsets before and after. */
type OffsetChange = { at: number; from: number; to: number };

/** The instant (to the minute) in (low, high] where the offset of `timeZone` changes. */
function changeBetween(timeZone: string, low: number, high: number): number {
  const before = tzOffset(timeZone, new Date(low));
  let [lo, hi] = [low, high];
  while (hi - lo > MINUTE) {
    const middle = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (tzOffset(timeZone, new Date(middle)) === before) lo = middle;
    else hi = middle;
  }
  return hi;
}

/** Every change of `timeZone`'s offset in (from, to], scanned day by day. */
function offsetChanges(timeZone: string, from: number, to: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  let previous = tzOffset(timeZone, new Date(from));
  for (let day = from; day < to; day += DAY) {
    const next = Math.min(day + DAY, to);
    const offset = tzOffset(timeZone, new Date(next));
    if (offset !== previous) {
      const at = changeBetween(timeZone, day, next);
      changes.push({ at, from: previous, to: tzOffset(timeZone, new Date(at)) });
      previous = offset;
    }
  }
  return changes;
}

/**
 * A VTIMEZONE for `timeZone` covering `start` to `end`, from the system's own time zone data:
 * the observance in force at the start (from its last change within a year before, or a fixed
 * offset since 1970 when it has not changed) and one observance for each change up to the end,
 * each with its exact onset. A change to a larger offset is DAYLIGHT, otherwise STANDARD.
 */
function vtimezone(timeZone: string, start: Date, end: Date): string {
  const from = start.getTime() - DAY;
  const to = end.getTime() + DAY;
  const lastBefore = offsetChanges(timeZone, from - 366 * DAY, from).at(-1);
  const offset = tzOffset(timeZone, new Date(from));
  const observances: OffsetChange[] = [
    lastBefore ?? { at: Date.UTC(1970, 0, 1), from: offset, to: offset },
    ...offsetChanges(timeZone, from, to),
  ];
  const lines = [`BEGIN:VTIMEZONE`, `TZID:${timeZone}`];
  for (const change of observances) {
    const kind = change.to > change.from ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localText(change.at, change.from)}`,
      `TZOFFSETFROM:${utcOffsetText(change.from)}`,
      `TZOFFSETTO:${utcOffsetText(change.to)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assignment } from './assignment';
import {
  type CalendarReminderInput,
  calendarReminderOf,
  calendarReminderProblem,
  reminderFileNameStem,
  reminderWordsOf,
} from './calendar-reminder';
import { clinicalWordIn } from './client-facing-template';

/**
 * The calendar reminder, read back with an independent parser (ical.js): the recurrence, the
 * start and its time zone, the alarm, the words, and what the file must never carry.
 */

const AT = '2025-03-20T09:15:00.000Z';
const ID = 'QWxhZGRpbjpvcGVuIHNlc2';

/** An assignment with discreet and plain wording; 2025-03-24 is a Monday. */
const assignment: Assignment = {
  id: ID,
  clientId: 'Y2xpZW50LWlkLWZvci10ZXN',
  sessionId: 'c2Vzc2lvbi1pZC1mb3ItdGV',
  template: { templateId: 'graded-exposure-leaving-the-house', version: 2 },
  clinicalTitle: 'Graded exposure: agoraphobia hierarchy',
  title: 'Getting used to going out',
  discreetTitle: 'Getting out and about',
  purpose: 'Facing a feared place a little at a time helps. Your therapist helps.',
  whyItMatters: 'I want to take my daughter to the park.',
  whatFeelsDoable: 'Going as far as the gate.',
  goals: [{ goalId: 'Z29hbC1pZC1mb3ItdGVzdHM', words: 'Get back to Sunday football' }],
  noGoalBecause: '',
  steps: ['Pick the step for today.'],
  doseOptions: [],
  dose: { label: 'Three times a week', dose: { kind: 'per-week', timesPerWeek: 3, minutes: 20 } },
  minimum: { label: 'Open the front door for one minute.', dose: null },
  days: [5, 1, 3],
  plan: { what: 'walk to the gate', time: '18:30', cue: 'after dinner', where: 'our street' },
  ladder: [],
  ladderStep: null,
  trackerFields: [],
  barriers: [{ kind: 'forgot', barrier: 'I forget', ifThen: 'If I forget, I go at 20:00.' }],
  backupPlan: 'Stand at the open door.',
  confidenceBefore: 6,
  confidenceAfter: 8,
  importance: 9,
  materials: 'Handout',
  reminderPlace: 'Phone',
  cautions: ['Stop if chest pain; check with GP.'],
  cautionsAcknowledgedAt: AT,
  discreetWording: { minimumDose: 'Step outside for one minute.' },
  status: 'active',
  replaces: { assignmentId: 'cmVwbGFjZWQtaWQtZm9yLXR', reason: 'Panic at the bus stop.' },
  startsOn: '2025-03-24',
  reviewBy: '2025-04-07',
  builderStep: 3,
  revision: 4,
  createdAt: AT,
  updatedAt: AT,
};

const input = (overrides: Partial<CalendarReminderInput> = {}): CalendarReminderInput => ({
  assignment,
  wording: 'practice',
  reminderTime: null,
  timeZone: 'Europe/Oslo',
  ...overrides,
});

const withAssignment = (
  changes: Partial<Assignment>,
  overrides: Partial<CalendarReminderInput> = {},
): CalendarReminderInput => input({ assignment: { ...assignment, ...changes }, ...overrides });

/** The file parsed by ical.js, its time zone registered so times resolve through it. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('No VEVENT in the file.');
  const event = new ICAL.Event(vevent);
  const rrule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur;
  const alarms = vevent.getAllSubcomponents('valarm');
  return { calendar, vevent, event, rrule, alarms };
}

afterEach(() => ICAL.TimezoneService.reset());

/** Every occurrence of the event as a UTC instant (ISO), by ical.js's own expansion. */
function occurrences(ics: string): string[] {
  const { event } = parse(ics);
  const iterator = event.iterator();
  const found: string[] = [];
  for (let next = iterator.next(); next && found.length < 500; next = iterator.next()) {
    found.push(next.toJSDate().toISOString());
  }
  return found;
}

/** The instant of a wall-clock time in a zone, as ISO in UTC. */
const instant = (date: string, time: string, zone: string) => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  return new Date(new TZDate(y, m - 1, d, h, min, 0, zone).getTime()).toISOString();
};

/** The lines of the file with folding undone (RFC 5545 §3.1). */
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('the recurrence', () => {
  it('repeats weekly on the agreed days from the first of them until the review-by date', () => {
    const { ics } = calendarReminderOf(input());
    const { rrule, event } = parse(ics);
    expect(rrule.freq).toBe('WEEKLY');
    expect(rrule.parts.BYDAY).toEqual(['MO', 'WE', 'FR']);
    // The end of the review-by day in Oslo (summer time, UTC+2), as UTC.
    expect(rrule.until?.toJSDate().toISOString()).toBe('2025-04-07T21:59:59.000Z');
    expect(rrule.until?.isDate).toBe(false);
    expect(rrule.until?.zone?.tzid).toBe('UTC');
    expect(event.startDate.toString()).toBe('2025-03-24T18:30:00');
    expect(occurrences(ics)).toEqual(
      [
        '2025-03-24',
        '2025-03-26',
        '2025-03-28',
        '2025-03-31',
        '2025-04-02',
        '2025-04-04',
        '2025-04-07',
      ].map((date) => instant(date, '18:30', 'Europe/Oslo')),
    );
  });

  it('rings on the review-by day itself when it is an agreed day', () => {
    const dates = occurrences(
      calendarReminderOf(withAssignment({ reviewBy: '2025-04-07', days: [1] })).ics,
    );
    expect(dates).toEqual(
      ['2025-03-24', '2025-03-31', '2025-04-07'].map((date) =>
        instant(date, '18:30', 'Europe/Oslo'),
      ),
    );
  });

  it('starts on the first agreed day on or after the start, never on an unagreed start day', () => {
    const { ics } = calendarReminderOf(withAssignment({ startsOn: '2025-03-25' }));
    expect(parse(ics).event.startDate.toString()).toBe('2025-03-26T18:30:00');
    expect(occurrences(ics)[0]).toBe(instant('2025-03-26', '18:30', 'Europe/Oslo'));
  });

  it('is daily when no days were agreed and no dose says otherwise', () => {
    const { ics } = calendarReminderOf(withAssignment({ days: [], dose: null }));
    const { rrule } = parse(ics);
    expect(rrule.freq).toBe('DAILY');
    expect(rrule.parts.BYDAY).toBeUndefined();
    expect(occurrences(ics)).toHaveLength(15);
  });

  it('is daily for every day of the week agreed', () => {
    const { rrule } = parse(
      calendarReminderOf(withAssignment({ days: [7, 1, 2, 3, 4, 5, 6] })).ics,
    );
    expect(rrule.freq).toBe('DAILY');
  });

  it('follows the dose’s spread when no days were agreed (three a week: the same weekdays each week)', () => {
    const { ics } = calendarReminderOf(withAssignment({ days: [] }));
    const { rrule } = parse(ics);
    expect(rrule.freq).toBe('WEEKLY');
    // Three a week from a Monday start: days 2, 4 and 6 of each week (see practice-schedule).
    expect(rrule.parts.BYDAY).toEqual(['TU', 'TH', 'SA']);
    expect(parse(ics).event.startDate.toString()).toBe('2025-03-25T18:30:00');
  });

  it('is daily for an "as needed" skill with no days agreed', () => {
    const { rrule } = parse(
      calendarReminderOf(
        withAssignment({
          days: [],
          dose: { label: 'When it’s needed', dose: { kind: 'as-needed', practiseAtLeast: 0 } },
        }),
      ).ics,
    );
    expect(rrule.freq).toBe('DAILY');
  });

  it('lasts the dose’s minutes, or a quarter of an hour', () => {
    const minutes = (ics: string) => parse(ics).event.duration.toSeconds() / 60;
    expect(minutes(calendarReminderOf(input()).ics)).toBe(20);
    expect(minutes(calendarReminderOf(withAssignment({ dose: null })).ics)).toBe(15);
  });
});

describe('the time and its zone', () => {
  it('gives DTSTART a TZID and the file a VTIMEZONE for it, with UNTIL in UTC', () => {
    const { ics } = calendarReminderOf(input());
    const lines = unfolded(ics).split('\r\n');
    expect(lines).toContain('DTSTART;TZID=Europe/Oslo:20250324T183000');
    expect(lines.find((line) => line.startsWith('RRULE:'))).toMatch(/UNTIL=20250407T215959Z/);
    const { calendar, event } = parse(ics);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Oslo',
    );
    expect(event.startDate.zone?.tzid).toBe('Europe/Oslo');
  });

  it('keeps the wall-clock time across a change to summer time (the UTC instant moves)', () => {
    // Europe/Oslo moves to summer time on 2025-03-30.
    const dates = occurrences(calendarReminderOf(input()).ics);
    expect(dates[0]).toBe('2025-03-24T17:30:00.000Z');
    expect(dates.at(-1)).toBe('2025-04-07T16:30:00.000Z');
  });

  it('keeps it across the change back, in the southern hemisphere and in half-hour zones', () => {
    const cases = [
      { timeZone: 'Europe/London', startsOn: '2025-10-20', reviewBy: '2025-11-03' },
      { timeZone: 'America/New_York', startsOn: '2025-10-27', reviewBy: '2025-11-10' },
      { timeZone: 'Australia/Sydney', startsOn: '2025-03-31', reviewBy: '2025-04-14' },
      { timeZone: 'America/St_Johns', startsOn: '2025-03-03', reviewBy: '2025-03-17' },
      { timeZone: 'Australia/Lord_Howe', startsOn: '2025-09-29', reviewBy: '2025-10-13' },
      { timeZone: 'Asia/Kolkata', startsOn: '2025-03-03', reviewBy: '2025-03-17' },
      { timeZone: 'Asia/Kathmandu', startsOn: '2025-03-03', reviewBy: '2025-03-17' },
    ];
    for (const { timeZone, startsOn, reviewBy } of cases) {
      const { ics } = calendarReminderOf(
        withAssignment({ startsOn, reviewBy, days: [], dose: null }, { timeZone }),
      );
      ICAL.TimezoneService.reset();
      const expected: string[] = [];
      for (
        let day = new Date(`${startsOn}T00:00:00Z`);
        day <= new Date(`${reviewBy}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() + 1)
      ) {
        expected.push(instant(day.toISOString().slice(0, 10), '18:30', timeZone));
      }
      expect(occurrences(ics), timeZone).toEqual(expected);
    }
  });

  it('writes offsets with minutes and changes at their exact minute (Newfoundland)', () => {
    const { ics } = calendarReminderOf(
      withAssignment(
        { startsOn: '2025-03-03', reviewBy: '2025-03-17' },
        { timeZone: 'America/St_Johns' },
      ),
    );
    const zone = unfolded(ics).split('BEGIN:VEVENT')[0] ?? '';
    expect(zone).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20250309T020000\r\nTZOFFSETFROM:-0330\r\nTZOFFSETTO:-0230\r\nEND:DAYLIGHT',
    );
  });

  it('gives a zone without changes one fixed observance', () => {
    const { ics } = calendarReminderOf(input({ timeZone: 'Asia/Kolkata' }));
    const zone = unfolded(ics).split('BEGIN:VEVENT')[0] ?? '';
    expect(zone.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
    expect(zone).toContain('TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530');
  });

  it('writes UTC times when the zone is UTC', () => {
    const { ics } = calendarReminderOf(input({ timeZone: 'UTC' }));
    expect(unfolded(ics)).toContain('DTSTART:20250324T183000Z');
    expect(ics).not.toContain('VTIMEZONE');
    expect(occurrences(ics)[0]).toBe('2025-03-24T18:30:00.000Z');
  });

  it('uses the time the client picked for a plan with a cue and no time', () => {
    const cueOnly = { ...assignment.plan, time: null };
    expect(calendarReminderProblem(withAssignment({ plan: cueOnly }))).toMatch(/Choose a time/);
    expect(() => calendarReminderOf(withAssignment({ plan: cueOnly }))).toThrow(/Choose a time/);
    const { ics } = calendarReminderOf(
      withAssignment({ plan: cueOnly }, { reminderTime: '07:45' }),
    );
    expect(parse(ics).event.startDate.toString()).toBe('2025-03-24T07:45:00');
  });

  it('uses the plan’s own time over a picked one', () => {
    const { ics } = calendarReminderOf(input({ reminderTime: '07:45' }));
    expect(parse(ics).event.startDate.toString()).toBe('2025-03-24T18:30:00');
  });

  it('says why there is no reminder: no agreed day before the review, an unknown zone', () => {
    expect(calendarReminderProblem(input())).toBeNull();
    expect(
      calendarReminderProblem(
        withAssignment({ days: [6], startsOn: '2025-03-24', reviewBy: '2025-03-27' }),
      ),
    ).toMatch(/None of the planned days/);
    expect(calendarReminderProblem(input({ timeZone: 'Mars/Olympus_Mons' }))).toMatch(/time zone/);
    expect(
      calendarReminderProblem(
        input({
          reminderTime: '25:00',
          assignment: { ...assignment, plan: { ...assignment.plan, time: null } },
        }),
      ),
    ).toMatch(/Choose a time/);
  });
});

describe('the alarm', () => {
  it('is one DISPLAY alarm at the start, showing the title', () => {
    const { alarms } = parse(calendarReminderOf(input()).ics);
    expect(alarms).toHaveLength(1);
    const [alarm] = alarms;
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    const trigger = alarm?.getFirstPropertyValue('trigger') as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(0);
    expect(alarm?.getFirstPropertyValue('description')).toBe('Getting out and about');
  });
});

describe('the words', () => {
  it('is discreet by default: the discreet title and the discreet smallest version', () => {
    const { event, vevent } = parse(calendarReminderOf(input()).ics);
    expect(event.summary).toBe('Getting out and about');
    expect(event.description).toBe(
      'I will walk to the gate on Monday, Wednesday and Friday at 18:30, after dinner, at our street.\n\n' +
        'The smallest version that still counts: Step outside for one minute.',
    );
    expect(vevent.getFirstPropertyValue('class')).toBe('PRIVATE');
    expect(vevent.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('uses the plain title and smallest version when not discreet', () => {
    const { event } = parse(calendarReminderOf(input({ discreet: false })).ics);
    expect(event.summary).toBe('Getting used to going out');
    expect(event.description).toContain('Open the front door for one minute.');
  });

  it('leaves out, when discreet, any part of the plan or title with a clinical word', () => {
    const reminder = calendarReminderOf(
      withAssignment({
        discreetTitle: 'Therapy walk',
        plan: {
          what: 'do my CBT homework',
          time: '18:30',
          cue: 'after my session',
          where: 'the park',
        },
        discreetWording: null,
        minimum: { label: 'Ten minutes of exposure', dose: null },
      }),
    );
    const { event } = parse(reminder.ics);
    expect(event.summary).toBe('Practice');
    expect(event.description).toBe(
      'I will practise on Monday, Wednesday and Friday at 18:30, at the park.',
    );
    expect(clinicalWordIn(unfolded(reminder.ics))).toBeNull();
    expect(clinicalWordIn(reminder.fileNameStem)).toBeNull();
  });

  it('calls untitled practice what the vault calls it', () => {
    const { event } = parse(
      calendarReminderOf(withAssignment({ discreetTitle: '' }, { wording: 'this-weeks-plan' })).ics,
    );
    expect(event.summary).toBe('This week’s plan');
  });

  it('never writes the client’s name, in either wording', () => {
    const named = withAssignment(
      {
        title: 'Jonas’s walk',
        discreetTitle: 'Walk with Ødegård',
        plan: {
          what: 'walk with Jonas',
          time: '18:30',
          cue: 'after dinner',
          where: 'Ødegård farm',
        },
        minimum: { label: 'Jonas steps outside', dose: null },
        discreetWording: null,
      },
      { clientName: 'Jonas Ødegård' },
    );
    for (const discreet of [true, false]) {
      const reminder = calendarReminderOf({ ...named, discreet });
      const text = `${unfolded(reminder.ics)}\n${reminder.fileNameStem}`;
      expect(text).not.toMatch(/jonas|ødegård/i);
      expect(parse(reminder.ics).event.description).toBe(
        'I will practise on Monday, Wednesday and Friday at 18:30, after dinner.',
      );
    }
  });

  it('writes nothing therapist-only and nothing but the three texts', () => {
    const text = unfolded(calendarReminderOf(input({ discreet: false })).ics);
    for (const forbidden of [
      assignment.clinicalTitle,
      ...assignment.cautions,
      assignment.purpose,
      assignment.whyItMatters,
      assignment.backupPlan,
      assignment.replaces?.reason ?? '',
      assignment.id,
      assignment.clientId,
      'homework',
      'therapy',
    ]) {
      expect(text).not.toContain(forbidden);
    }
  });

  it('escapes commas, semicolons, backslashes and line breaks, and keeps emoji and accents', () => {
    const what = 'walk; then stretch, slowly \\ gently with Zoë 🌿 and Łukasz';
    const minimum = 'Ødegård, Nguyễn; Παπαδόπουλος 👩‍👩‍👧 — one step';
    const reminder = calendarReminderOf(
      withAssignment(
        {
          plan: { ...assignment.plan, what },
          minimum: { label: minimum, dose: null },
          discreetWording: null,
        },
        { discreet: false },
      ),
    );
    const description = unfolded(reminder.ics)
      .split('\r\n')
      .find((line) => line.startsWith('DESCRIPTION:I will'));
    expect(description).toContain('walk\\; then stretch\\, slowly \\\\ gently with Zoë 🌿');
    expect(description).toContain('\\n\\nThe smallest version');
    const { event } = parse(reminder.ics);
    expect(event.description).toContain(`I will ${what} on Monday`);
    expect(event.description).toContain(`still counts: ${minimum}`);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = 'gå forbi Ødegård går 🌿 langs stien, forbi kafeen; så hjem. '.repeat(8).trim();
    const { ics } = calendarReminderOf(
      withAssignment({
        discreetTitle: long.slice(0, 120).trim(),
        plan: { ...assignment.plan, what: long.slice(0, 200).trim() },
      }),
    );
    const encoder = new TextEncoder();
    const lines = ics.split('\r\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.endsWith('\r\n') || ics.endsWith('END:VCALENDAR')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    expect(ics).not.toContain('\uFFFD');
    const { event } = parse(ics);
    expect(event.summary).toBe(long.slice(0, 120).trim());
    expect(event.description).toContain(long.slice(0, 200).trim());
  });
});

describe('the file', () => {
  it('is named after the title shown, with no clinical word and no name', () => {
    expect(calendarReminderOf(input()).fileNameStem).toBe('getting-out-and-about-reminder');
    expect(calendarReminderOf(input({ discreet: false })).fileNameStem).toBe(
      'getting-used-to-going-out-reminder',
    );
    expect(
      reminderFileNameStem(withAssignment({ title: 'Exposure practice' }, { discreet: false })),
    ).toBe('practice-reminder');
    expect(
      reminderFileNameStem(
        withAssignment({ title: 'Zoë’s Ødegård walk' }, { discreet: false, clientName: 'Zoë' }),
      ),
    ).toBe('practice-reminder');
    expect(reminderFileNameStem(withAssignment({ discreetTitle: 'Morgentur på Ødegård' }))).toBe(
      'morgentur-på-ødegård-reminder',
    );
    expect(
      reminderFileNameStem(withAssignment({ discreetTitle: '' }, { wording: 'this-weeks-plan' })),
    ).toBe('this-weeks-plan-reminder');
  });

  it('is the same for the same assignment, and its UID says nothing of the record', () => {
    const first = calendarReminderOf(input());
    expect(calendarReminderOf(input()).ics).toBe(first.ics);
    const uid = parse(first.ics).vevent.getFirstPropertyValue('uid');
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const other = calendarReminderOf(withAssignment({ id: 'b3RoZXItYXNzaWdubWVudC' })).ics;
    expect(parse(other).vevent.getFirstPropertyValue('uid')).not.toBe(uid);
    expect(parse(first.ics).vevent.getFirstPropertyValue('sequence')).toBe(4);
    expect(first.ics).toContain('DTSTAMP:20250320T091500Z');
  });

  it('names no product a flatmate could look up', () => {
    expect(unfolded(calendarReminderOf(input()).ics)).not.toMatch(/bridgework/i);
  });
});

describe('the reminder words', () => {
  it('are the title, the plan and the smallest version in the chosen wording', () => {
    expect(reminderWordsOf({ assignment, wording: 'practice' })).toEqual({
      title: 'Getting out and about',
      plan: 'I will walk to the gate on Monday, Wednesday and Friday at 18:30, after dinner, at our street.',
      smallest: 'Step outside for one minute.',
    });
    expect(reminderWordsOf({ assignment, wording: 'practice', discreet: false }).title).toBe(
      'Getting used to going out',
    );
  });
});

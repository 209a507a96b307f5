import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assignment } from './assignment';
import { barrierKinds } from './barrier-kinds';
import { calendarReminderOf, calendarReminderProblem } from './calendar-reminder';
import { clinicalWordIn } from './client-facing-template';
import { practiceWordings } from './preferences';

/**
 * The calendar reminder against arbitrary assignments: every field a calendar must never show
 * carries a canary (a marked string no shown text contains), the fields it may show carry any
 * text, sometimes with a clinical word or the client's name planted in it, and the file must
 * carry no canary, no clinical word when discreet, no word of the name, and no line over 75
 * octets, and must parse.
 */

const RUNS = { numRuns: 150 };
const MARK = '§';
const canary = (field: string) => `${MARK}${field}${MARK}`;

/** Characters a stored one-line field cannot hold (text-rules.ts), and the canary mark. */
// eslint-disable-next-line no-control-regex -- the generated text must be text a record can hold.
const NOT_IN_A_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029§]/gu;

const names = ['Jonas Ødegård', 'Nguyễn Văn An', 'Zoë Ng', 'Łukasz Wójcik', 'Νίκος Παπαδόπουλος'];
const clinical = ['therapy', 'Homework', 'session', 'CBT', 'mental health', 'Exposure', 'DBT'];

/** Any one-line text a client might type, up to `max` characters. */
const line = (max: number) =>
  fc
    .string({ unit: 'grapheme', maxLength: max })
    .map((text) => text.replace(NOT_IN_A_LINE, '').trim().slice(0, max).trim());

/** A line, sometimes with the client's name or a clinical word planted in it. */
const shownLine = (max: number, name: string) =>
  fc.oneof(
    { weight: 3, arbitrary: line(max) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(line(20), fc.constantFrom(name, ...name.split(' '), ...clinical), line(20))
        .map(([before, planted, after]) => `${before} ${planted} ${after}`.trim().slice(0, max)),
    },
  );

const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const isoDate = (start: Date, days: number) =>
  new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** An assignment with canaries in every field a calendar may not show. */
const assignmentFor = (name: string, discreet: boolean): fc.Arbitrary<Assignment> =>
  fc
    .record({
      title: shownLine(120, name),
      discreetTitle: shownLine(120, name),
      what: shownLine(200, name),
      cue: shownLine(200, name),
      where: shownLine(200, name),
      time: fc.option(time, { nil: null }),
      minimum: shownLine(200, name),
      discreetMinimum: fc.option(shownLine(200, name), { nil: undefined }),
      days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
      dose: fc.option(
        fc.oneof(
          fc.record({
            kind: fc.constant('per-week' as const),
            timesPerWeek: fc.integer({ min: 1, max: 21 }),
          }),
          fc.record({
            kind: fc.constant('as-needed' as const),
            practiseAtLeast: fc.integer({ min: 0, max: 21 }),
          }),
        ),
        { nil: null },
      ),
      start: fc.integer({ min: 0, max: 3000 }),
      length: fc.integer({ min: 0, max: 60 }),
      revision: fc.integer({ min: 0, max: 1000 }),
    })
    .map((a): Assignment => {
      const startDate = new Date(Date.UTC(2024, 0, 1));
      return {
        id: canary('id'),
        clientId: canary('clientId'),
        sessionId: canary('sessionId'),
        template: { templateId: canary('templateId'), version: 1 },
        clinicalTitle: canary('clinicalTitle'),
        title: discreet ? canary('title') : a.title || 'Walk',
        discreetTitle: a.discreetTitle,
        purpose: canary('purpose'),
        whyItMatters: canary('whyItMatters'),
        whatFeelsDoable: canary('whatFeelsDoable'),
        goals: [{ goalId: canary('goalId'), words: canary('goalWords') }],
        noGoalBecause: canary('noGoalBecause'),
        steps: [canary('steps')],
        doseOptions: [{ label: canary('doseOption'), dose: { kind: 'per-week', timesPerWeek: 2 } }],
        dose: a.dose && { label: canary('doseLabel'), dose: a.dose },
        minimum: {
          label: discreet && a.discreetMinimum !== undefined ? canary('minimum') : a.minimum,
          dose: null,
        },
        days: a.days,
        plan: { what: a.what, time: a.time, cue: a.cue, where: a.where },
        ladder: [{ step: canary('ladder') }],
        ladderStep: 0,
        trackerFields: [{ label: canary('tracker'), kind: 'yes-no' }],
        barriers: [{ kind: barrierKinds[0], barrier: canary('barrier'), ifThen: canary('ifThen') }],
        backupPlan: canary('backupPlan'),
        confidenceBefore: 3,
        confidenceAfter: 7,
        importance: 5,
        materials: canary('materials'),
        reminderPlace: canary('reminderPlace'),
        cautions: [canary('caution')],
        cautionsAcknowledgedAt: '2024-01-01T00:00:00.000Z',
        discreetWording: {
          purpose: canary('discreetPurpose'),
          steps: [canary('discreetSteps')],
          standardDose: canary('discreetStandardDose'),
          worksheetPrompts: [canary('discreetPrompt')],
          barriers: [{ barrier: canary('discreetBarrier'), ifThen: canary('discreetIfThen') }],
          ...(a.discreetMinimum === undefined ? {} : { minimumDose: a.discreetMinimum }),
        },
        status: 'active',
        replaces: { assignmentId: canary('replacesId'), reason: canary('replacesReason') },
        startsOn: isoDate(startDate, a.start),
        reviewBy: isoDate(startDate, a.start + a.length),
        builderStep: 3,
        revision: a.revision,
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
      };
    });

const scenario = fc
  .record({
    name: fc.constantFrom(...names),
    discreet: fc.boolean(),
    wording: fc.constantFrom(...practiceWordings),
    reminderTime: fc.option(time, { nil: null }),
    timeZone: fc.constantFrom('Europe/Oslo', 'America/St_Johns', 'Asia/Kolkata', 'UTC'),
  })
  .chain((base) =>
    assignmentFor(base.name, base.discreet).map((assignment) => ({ ...base, assignment })),
  );

/** Whether `text` holds `word` as a whole word, in any case. */
const holdsWord = (text: string, word: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}\\p{N}])`,
    'iu',
  ).test(text.normalize('NFC'));

afterEach(() => ICAL.TimezoneService.reset());

describe('a calendar reminder never shows what it must not', () => {
  it('has no canary, no name, no clinical word when discreet, short lines, and parses', () => {
    let made = 0;
    fc.assert(
      fc.property(scenario, ({ name, ...input }) => {
        const reminderInput = { ...input, clientName: name };
        if (calendarReminderProblem(reminderInput) !== null) return;
        made += 1;
        const { ics, fileNameStem } = calendarReminderOf(reminderInput);
        const unfolded = ics.replace(/\r\n[ \t]/g, '');
        const calendar = new ICAL.Component(ICAL.parse(ics));
        const vevent = calendar.getFirstSubcomponent('vevent');
        const alarm = vevent?.getFirstSubcomponent('valarm');
        const shown = [
          String(vevent?.getFirstPropertyValue('summary') ?? ''),
          String(vevent?.getFirstPropertyValue('description') ?? ''),
          String(alarm?.getFirstPropertyValue('description') ?? ''),
          fileNameStem,
        ];
        const everything = [unfolded, ...shown].join('\n');

        expect(everything).not.toContain(MARK);
        for (const word of [name, ...name.split(' ').filter((part) => part.length >= 3)]) {
          for (const text of shown) expect(holdsWord(text, word), `${word} in ${text}`).toBe(false);
        }
        if (input.discreet) {
          for (const text of shown) expect(clinicalWordIn(text), text).toBeNull();
          expect(clinicalWordIn(unfolded)).toBeNull();
        }
        expect(clinicalWordIn(fileNameStem.replace(/-/g, ' '))).toBeNull();
        const encoder = new TextEncoder();
        for (const fileLine of ics.split('\r\n')) {
          expect(encoder.encode(fileLine).length).toBeLessThanOrEqual(75);
        }
        expect(vevent?.getFirstPropertyValue('rrule')).toBeTruthy();
        expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
      }),
      RUNS,
    );
    // Most scenarios make a reminder; the rest were refused with a reason.
    expect(made).toBeGreaterThan(RUNS.numRuns / 3);
  });
});

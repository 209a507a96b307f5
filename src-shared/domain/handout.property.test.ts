import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignment } from './assignment';
import { barrierKinds } from './barrier-kinds';
import { clinicalWordIn, clinicalWords } from './client-facing-template';
import type { Goal } from './goal';
import {
  handoutOf,
  handoutTexts,
  sessionSummaryOf,
  sessionSummaryTexts,
  trackerModelTexts,
  trackerOf,
} from './handout';
import { handoutNamings, practiceWordings } from './preferences';
import type { Session } from './session';
import { trackerFieldKinds } from './template';

/**
 * The documents' models against arbitrary records: every field a document must never print
 * carries a canary (a marked string no printed text contains); the fields it may print carry
 * any text, sometimes with a clinical word planted in it. Nothing printed — nor the file name —
 * may carry a canary; discreet output and every file name carry no clinical word; no file name
 * carries a word of the client's name.
 */

const RUNS = { numRuns: 120 };
const MARK = '§';
const canary = (field: string) => `${MARK}${field}${MARK}`;

// eslint-disable-next-line no-control-regex -- the generated text must be text a record can hold.
const NOT_IN_TEXT = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069§%]/gu;

const names = ['Jonas Ødegård', 'Nguyễn Văn An', 'Zoë Ng', 'Łukasz Wójcik', 'Νίκος Παπαδόπουλος'];
const clinical = [...clinicalWords, 'CBT', 'DBT', 'Psychology', 'Homework'];

/** Any text a client might type, up to `max` characters, on one line or several. */
const text = (max: number, oneLine = true) =>
  fc
    .string({ unit: 'grapheme', maxLength: max })
    .map((typed) => typed.replace(NOT_IN_TEXT, '').replace(oneLine ? /\n/gu : /(?!)/u, ' '))
    .map((typed) => typed.trim().slice(0, max).trim());

/** Text, sometimes with a clinical word or a word of the name planted in it. */
const shown = (max: number, name: string, oneLine = true) =>
  fc.oneof(
    { weight: 3, arbitrary: text(max, oneLine) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(text(20), fc.constantFrom(...clinical, name, ...name.split(' ')), text(20))
        .map(([before, planted, after]) => `${before} ${planted} ${after}`.trim().slice(0, max)),
    },
  );

const isoDate = (days: number) =>
  new Date(Date.UTC(2026, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);

const ids = {
  client: 'client0000000000000000',
  other: 'other00000000000000000',
  session: 'session000000000000000',
};

/** An assignment with canaries in every field no document may print. */
const assignmentOf = (name: string): fc.Arbitrary<Assignment> =>
  fc
    .record({
      title: shown(120, name),
      discreetTitle: shown(120, name),
      purpose: shown(600, name, false),
      whyItMatters: shown(1000, name, false),
      goalWords: fc.array(shown(300, name), { maxLength: 3 }),
      steps: fc.array(shown(300, name), { maxLength: 5 }),
      doseLabel: shown(80, name),
      minimum: shown(200, name),
      what: shown(200, name),
      cue: shown(200, name),
      where: shown(200, name),
      reminderPlace: shown(200, name),
      backupPlan: shown(300, name, false),
      barriers: fc.array(fc.tuple(shown(120, name), shown(240, name)), { maxLength: 3 }),
      trackerFields: fc.array(
        fc.record({ label: shown(60, name), kind: fc.constantFrom(...trackerFieldKinds) }),
        { maxLength: 4 },
      ),
      ladder: fc.array(shown(160, name), { maxLength: 3 }),
      discreet: fc.option(
        fc.record({
          purpose: shown(600, name, false),
          steps: fc.array(shown(300, name), { minLength: 1, maxLength: 3 }),
          minimumDose: shown(200, name),
          worksheetPrompts: fc.array(shown(240, name), { maxLength: 3 }),
        }),
        { nil: null },
      ),
      days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
      start: fc.integer({ min: 0, max: 700 }),
      length: fc.integer({ min: 0, max: 100 }),
    })
    .map((a): Assignment => ({
      id: canary('id'),
      clientId: ids.client,
      sessionId: canary('sessionId'),
      template: { templateId: canary('templateId'), version: 1 },
      clinicalTitle: canary('clinicalTitle'),
      title: a.title || 'Walk',
      discreetTitle: a.discreetTitle,
      purpose: a.purpose,
      whyItMatters: a.whyItMatters,
      whatFeelsDoable: canary('whatFeelsDoable'),
      goals: [
        ...a.goalWords.map((words) => ({ goalId: canary('goalId'), words })),
        { goalId: 'goal-of-another-client', words: '' },
      ],
      noGoalBecause: canary('noGoalBecause'),
      steps: a.steps.filter((step) => step !== ''),
      doseOptions: [{ label: canary('doseOption'), dose: { kind: 'per-week', timesPerWeek: 2 } }],
      dose: { label: a.doseLabel || 'Twice', dose: { kind: 'per-week', timesPerWeek: 3 } },
      minimum: { label: a.minimum, dose: null },
      days: a.days,
      plan: { what: a.what, time: '07:30', cue: a.cue, where: a.where },
      ladder: a.ladder.map((step) => ({ step: step || 'A step', difficulty: 4 })),
      ladderStep: 0,
      trackerFields: a.trackerFields.map((field) => ({ ...field, label: field.label || 'X' })),
      barriers: a.barriers.map(([barrier, ifThen]) => ({
        kind: barrierKinds[0],
        barrier,
        ifThen,
      })),
      backupPlan: a.backupPlan,
      confidenceBefore: 3,
      confidenceAfter: 7,
      importance: 9,
      materials: canary('materials'),
      reminderPlace: a.reminderPlace,
      cautions: [canary('caution')],
      cautionsAcknowledgedAt: '2026-01-01T00:00:00.000Z',
      discreetWording: a.discreet
        ? {
            ...a.discreet,
            standardDose: canary('discreetStandardDose'),
            minimumDose: a.discreet.minimumDose || 'A little',
            barriers: [{ barrier: canary('discreetBarrier'), ifThen: canary('discreetIfThen') }],
          }
        : null,
      status: 'active',
      replaces: { assignmentId: canary('replacesId'), reason: canary('replacesReason') },
      startsOn: isoDate(a.start),
      reviewBy: isoDate(a.start + a.length),
      builderStep: 3,
      revision: 12,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }));

/** A goal of another client, served by id from the assignment: never to be read. */
const otherClientsGoal: Goal = {
  id: 'goal-of-another-client',
  clientId: ids.other,
  clientWords: canary('otherClientGoal'),
  whyItMatters: canary('otherClientGoalWhy'),
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const scenario = fc
  .record({
    name: fc.constantFrom(...names),
    nameOnHandout: fc.constantFrom(...handoutNamings),
    discreet: fc.boolean(),
    wording: fc.constantFrom(...practiceWordings),
    next: fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }),
  })
  .chain((base) =>
    fc
      .record({
        assignment: assignmentOf(base.name),
        practiceName: shown(80, base.name),
        clinicianName: shown(80, base.name),
        worksheetPrompts: fc.array(shown(240, base.name), { maxLength: 4 }),
        summary: shown(2000, base.name, false),
      })
      .map((rest) => ({ ...base, ...rest })),
  );

/** Whether `text` holds `word` as a whole word, in any case. */
const holdsWord = (haystack: string, word: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}\\p{N}])`,
    'iu',
  ).test(haystack.normalize('NFC'));

/** The checks every document's texts must pass. */
function checkPrinted(printed: string[], fileNameStem: string, name: string, discreet: boolean) {
  for (const line of [...printed, fileNameStem]) expect(line).not.toContain(MARK);
  expect(printed.join(' ')).not.toMatch(/%|out of 10/u);
  if (discreet) {
    for (const line of printed) expect(clinicalWordIn(line), line).toBeNull();
  }
  expect(clinicalWordIn(fileNameStem), fileNameStem).toBeNull();
  for (const word of [name, ...name.split(' ').filter((part) => [...part].length >= 3)]) {
    expect(holdsWord(fileNameStem, word), `${word} in ${fileNameStem}`).toBe(false);
  }
}

describe('the printed documents never show what they must not', () => {
  it('handouts and trackers', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const handoutInput = {
          assignment: input.assignment,
          goals: [otherClientsGoal],
          clientName: input.name,
          nameOnHandout: input.nameOnHandout,
          practiceName: input.practiceName,
          clinicianName: input.clinicianName,
          wording: input.wording,
          discreet: input.discreet,
          nextSessionOn: input.next === null ? null : isoDate(input.next),
          worksheetPrompts: input.worksheetPrompts,
        };
        const handout = handoutOf(handoutInput);
        checkPrinted(handoutTexts(handout), handout.fileNameStem, input.name, input.discreet);
        const tracker = trackerOf(handoutInput);
        checkPrinted(trackerModelTexts(tracker), tracker.fileNameStem, input.name, input.discreet);
      }),
      RUNS,
    );
  });

  it('session summaries', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const session: Session = {
          id: canary('sessionId'),
          clientId: ids.client,
          startsAt: '2026-03-04T12:00:00.000Z',
          durationMinutes: 50,
          status: 'held',
          reviewItems: [],
          topics: [canary('topic')],
          assignmentIds: [input.assignment.id, canary('otherAssignment')],
          summaryForClient: input.summary,
          privateNotes: canary('privateNotes'),
          reviewedFirst: null,
          revision: 0,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        };
        const otherClients: Assignment = {
          ...input.assignment,
          id: canary('otherAssignment'),
          clientId: ids.other,
          title: canary('otherTitle'),
          discreetTitle: canary('otherTitle'),
        };
        const summary = sessionSummaryOf({
          session,
          assignments: [otherClients, input.assignment],
          clientName: input.name,
          nameOnHandout: input.nameOnHandout,
          practiceName: input.practiceName,
          clinicianName: input.clinicianName,
          wording: input.wording,
          discreet: input.discreet,
          nextSessionOn: null,
        });
        checkPrinted(
          sessionSummaryTexts(summary),
          summary.fileNameStem,
          input.name,
          input.discreet,
        );
      }),
      RUNS,
    );
  });
});

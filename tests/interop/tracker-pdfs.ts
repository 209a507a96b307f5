// Builders for phone tracker PDFs in tests: the blank phone pages the handout's tracker pages stand
// in for (until the phone handout draws them, the form is laid over empty pages of the same size),
// a practice with a 4-week tracker, and a client filling the form in (pdf-lib, as a PDF app does).
// Used by the unit tests of the tracker's form, the interop script (returned-tracker.ts) and the
// benchmark.
import { PDFDocument } from 'pdf-lib';
import type { Assignment } from '../../src-shared/domain/assignment';
import { PHONE_PAGE } from '../../src-shared/domain/phone-tracker-layout';
import {
  formFieldsFor,
  trackerDaysOf,
  type TrackerFormValue,
} from '../../src-shared/domain/returned-tracker';
import type { TrackerField } from '../../src-shared/domain/template';

/** Who and what a tracker must never name: the client, the practice's title, clinical words. */
export const IDENTIFYING_WORDS = [
  'Ada Example',
  'Ada',
  'Example',
  'Exposure',
  'panic',
  'anxiety',
  'depression',
  'therapy',
  'therapist',
  'clinical',
  'PTSD',
  'OCD',
  'Evening walk',
  'Minutes walked',
];

/**
 * A practice of four weeks (Monday 2 to Sunday 29 March 2026, 28 days), three times a week, with
 * three columns: minutes, a yes-no and a short text.
 */
export const fourWeekPractice = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  dose: { label: 'Three times a week', dose: { kind: 'per-week' as const, timesPerWeek: 3 } },
  days: [1, 3, 5],
  startsOn: '2026-03-02',
  reviewBy: '2026-03-29',
  trackerFields: [
    { label: 'Minutes walked', kind: 'minutes' },
    { label: 'Went outside', kind: 'yes-no' },
    { label: 'What I noticed', kind: 'short-text' },
  ] satisfies TrackerField[],
};

/**
 * A PDF of `pages` blank phone-sized pages, like the phone handout (its title, author and subject
 * naming the client and the practice, as a careless handout would), for the form to be laid on.
 */
export async function blankPhonePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let page = 0; page < pages; page += 1) doc.addPage([PHONE_PAGE.width, PHONE_PAGE.height]);
  doc.setTitle('Ada Example — Exposure for panic');
  doc.setAuthor('Dr Therapist');
  doc.setSubject('Evening walk, anxiety');
  doc.setKeywords(['therapy', 'clinical']);
  return doc.save();
}

/** The form's values by field name, for the days given (every other field left blank). */
export type TrackerFill = Record<string, TrackerFormValue>;

/**
 * A tracker PDF as a client's PDF app leaves it once filled in: each named checkbox ticked or not,
 * each text field's text set (pdf-lib's own form API, which writes /V and the widgets' /AS as the
 * standard has it), leaving the drawing of the values to the app that opens it next.
 */
export async function fillTracker(pdf: Uint8Array, fill: TrackerFill): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const form = doc.getForm();
  for (const [name, value] of Object.entries(fill)) {
    if (typeof value === 'boolean') {
      const box = form.getCheckBox(name);
      if (value) box.check();
      else box.uncheck();
    } else {
      form.getTextField(name).setText(value);
    }
  }
  // A PDF app draws what was typed in its own fonts; pdf-lib's Helvetica has no emoji.
  return doc.save({ updateFieldAppearances: false });
}

/** A day as the client fills it in: the two boxes, each column's value by index, and the note. */
export type DayFill = {
  done?: boolean;
  some?: boolean;
  columns?: Partial<Record<number, TrackerFormValue>>;
  note?: string;
};

/** Field values for these days of `practice`'s tracker named with `reference`. */
export function fillOf(
  reference: string,
  practice: Pick<Assignment, 'dose' | 'days' | 'startsOn' | 'reviewBy' | 'trackerFields'>,
  days: Record<string, DayFill>,
): TrackerFill {
  const fill: TrackerFill = {};
  const fields = formFieldsFor(reference, trackerDaysOf(practice), practice.trackerFields);
  for (const field of fields) {
    const day = days[field.date];
    if (!day) continue;
    const value =
      field.kind === 'done'
        ? day.done
        : field.kind === 'some'
          ? day.some
          : field.kind === 'note'
            ? day.note
            : day.columns?.[field.column ?? 0];
    if (value !== undefined) fill[field.name] = value;
  }
  return fill;
}

/**
 * A client's four weeks, as filled in on the phone: most planned days done, some partly, a day
 * with only a note, a value that doesn't fit, and the last week left empty.
 */
export const fourWeeksFilled: Record<string, DayFill> = {
  '2026-03-02': { done: true, columns: { 0: '20', 1: true, 2: 'Birds by the river' } },
  '2026-03-04': { done: true, columns: { 0: '25 min', 1: true } },
  '2026-03-06': { some: true, columns: { 0: '10', 1: false }, note: 'Cold, turned back' },
  '2026-03-07': { done: true, columns: { 0: '15', 1: true, 2: 'Extra walk — felt good' } },
  '2026-03-09': { done: true, columns: { 0: '30', 1: true } },
  '2026-03-11': { note: 'Too tired after work' },
  '2026-03-13': { done: true, columns: { 0: 'half hr', 1: true } },
  '2026-03-16': { done: true, some: true, columns: { 0: '20', 1: true, 2: 'Ça va 😀' } },
  '2026-03-18': { some: true, columns: { 0: '5' } },
  '2026-03-20': { done: true, columns: { 0: '40', 1: true } },
};

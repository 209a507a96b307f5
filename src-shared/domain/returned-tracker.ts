import { concatBytes, utf8 } from '../crypto/bytes';
import { sodium } from '../crypto/sodium';
import type { Assignment } from './assignment';
import { TRACKER_MAX_DAYS } from './handout';
import type {
  PhoneTrackerCellKind,
  PhoneTrackerColumn,
  PhoneTrackerDate,
} from './phone-tracker-layout';
import { type DayMark, gridDaysOf, gridEntryProblem } from './review-grid';
import type { TrackerFieldKind } from './template';
import { hiddenControlProblem, normaliseLineEnds, quoteUserText } from './text-rules';

/**
 * The phone tracker's form, and reading it back: the client fills the tracker PDF in whatever PDF
 * app their phone or laptop has and sends it back; the app reads only the form's values and
 * turns them into the review's grid.
 *
 * The file goes home with the client and may be forwarded, backed up or left on a shared
 * device, so nothing in its form says who or what it is about. Every field is named
 * `bw_<reference>_<YYYYMMDD>_<cell>`: the reference is a keyed hash of the assignment's record
 * id, the date is the day's, and the cell is `done`, `some`, `note` or `c<n>` (the n-th tracker
 * column, from 0). One more read-only, hidden text field, `bw_<reference>_tag`, holds the tag: a
 * keyed hash of the reference. Both hashes are keyed with a secret derived from the vault's data
 * key, so only this vault can tell which practice a returned file is for (its reference) and that
 * it made the file at all (its tag) — and can say so when a file is from another vault or for
 * another practice.
 */

/** Length of the secret behind references and tags, in bytes. */
export const TRACKER_SECRET_BYTES = 32;

/** What every field of the tracker's form is named with first. */
export const TRACKER_FIELD_PREFIX = 'bw_';

/** Characters of a reference and of a tag. */
export const TRACKER_REFERENCE_LENGTH = 10;
export const TRACKER_TAG_LENGTH = 24;

const REFERENCE_CONTEXT = utf8('bridgework/phone-tracker/reference/v1');
const TAG_CONTEXT = utf8('bridgework/phone-tracker/tag/v1');

/**
 * The characters of references and tags alternate letter, digit (as the CSV's pseudonyms do): no
 * two letters in a row, so no reference or tag can spell a word, a name or an abbreviation in any
 * language, and no i, l or o to misread as 1 or 0. Lower case, as field names read best.
 * Ten characters give about 6.4 × 10¹¹ references (two practices of one vault share one with odds
 * of about 1 in 13 million at 10,000 practices); a tag of 24 has about 94 bits.
 */
const LETTERS = 'abcdefghjkmnpqrstuvwxyz';
const DIGITS = '0123456789';

/** `length` characters of a keyed BLAKE2b hash of `message` in `context`. */
function wordlessCode(
  secret: Uint8Array,
  context: Uint8Array,
  message: string,
  length: number,
): string {
  if (secret.length !== TRACKER_SECRET_BYTES) {
    throw new Error(`the tracker secret must be ${TRACKER_SECRET_BYTES} bytes`);
  }
  const hash = sodium().crypto_generichash(2 * length, concatBytes(context, utf8(message)), secret);
  const view = new DataView(hash.buffer, hash.byteOffset, hash.byteLength);
  return Array.from({ length }, (_, index) => {
    const alphabet = index % 2 === 0 ? LETTERS : DIGITS;
    return alphabet[view.getUint16(index * 2, true) % alphabet.length];
  }).join('');
}

/**
 * The reference a practice's tracker form is named with, e.g. "k4m7q2x9r3": ten characters of a
 * keyed hash of the assignment's record id. The same practice always gets the same reference in
 * this vault; without the secret it says nothing about the practice or the client. `secret` is
 * `TRACKER_SECRET_BYTES` bytes; libsodium must be loaded (`loadSodium`).
 */
export function trackerReference(secret: Uint8Array, assignmentId: string): string {
  return wordlessCode(secret, REFERENCE_CONTEXT, assignmentId, TRACKER_REFERENCE_LENGTH);
}

/**
 * The tag a tracker form carries in its hidden field: 24 characters of a keyed hash of its
 * reference. Only the vault that made the form can make (and so check) the tag, which tells a
 * file of this vault for another practice (its tag checks, its reference is another's) from a
 * file of another vault (its tag doesn't check). `secret` is `TRACKER_SECRET_BYTES` bytes;
 * libsodium must be loaded.
 */
export function trackerTag(secret: Uint8Array, reference: string): string {
  return wordlessCode(secret, TAG_CONTEXT, reference, TRACKER_TAG_LENGTH);
}

/** A cell of a day on the form: its kind and, for a tracker column, which one. */
export type TrackerFormCell = { kind: PhoneTrackerCellKind; column: number | null };

/** "2026-03-02" as it goes in a field name: "20260302". */
const compactDate = (date: string) => date.replaceAll('-', '');

/** The name of a day's cell on the form, e.g. "bw_k4m7q2x9r3_20260302_done" or "…_c1". */
export function trackerFieldName(reference: string, date: string, cell: TrackerFormCell): string {
  const suffix = cell.kind === 'column' ? `c${cell.column ?? 0}` : cell.kind;
  return `${TRACKER_FIELD_PREFIX}${reference}_${compactDate(date)}_${suffix}`;
}

/** The name of the form's hidden, read-only field holding the tag: "bw_<reference>_tag". */
export function trackerTagFieldName(reference: string): string {
  return `${TRACKER_FIELD_PREFIX}${reference}_tag`;
}

/** The longest note read back from a day (the practice log's note holds up to 2,000). */
export const TRACKER_NOTE_MAX = 500;

/**
 * How many characters a column's field takes: room for what its kind allows and the ways people
 * write it ("20 min", "7/10", "7:30 pm"), and the practice log's 200 for short text.
 */
const maxLengths: Record<TrackerFieldKind, number | null> = {
  'yes-no': null,
  count: 8,
  minutes: 8,
  'rating-0-10': 5,
  'time-of-day': 8,
  'short-text': 200,
};

/** One field of the tracker's form. */
export type TrackerFormField = TrackerFormCell & {
  name: string;
  /** The day, "YYYY-MM-DD". */
  date: string;
  input: 'checkbox' | 'text';
  /** For text fields, the most characters it takes (its MaxLen); null for checkboxes. */
  maxLength: number | null;
};

/**
 * Every day field of a tracker form for these days and columns, day by day in the order given:
 * the "done" and "some" checkboxes, one field per column (a checkbox for yes-no, text
 * otherwise), and the note. The same cells, in the same order, as `phoneTrackerPages` lays out.
 * (The tag's field is `trackerTagFieldName`.)
 */
export function formFieldsFor(
  reference: string,
  days: readonly Pick<PhoneTrackerDate, 'date'>[],
  columns: readonly PhoneTrackerColumn[],
): TrackerFormField[] {
  return days.flatMap(({ date }) => {
    const field = (
      cell: TrackerFormCell,
      input: 'checkbox' | 'text',
      maxLength: number | null,
    ): TrackerFormField => ({
      ...cell,
      name: trackerFieldName(reference, date, cell),
      date,
      input,
      maxLength,
    });
    return [
      field({ kind: 'done', column: null }, 'checkbox', null),
      field({ kind: 'some', column: null }, 'checkbox', null),
      ...columns.map((column, at) =>
        column.kind === 'yes-no'
          ? field({ kind: 'column', column: at }, 'checkbox', null)
          : field({ kind: 'column', column: at }, 'text', maxLengths[column.kind]),
      ),
      field({ kind: 'note', column: null }, 'text', TRACKER_NOTE_MAX),
    ];
  });
}

/**
 * The days a practice's tracker form has, planned ones marked: the review grid's days, as many as
 * the handout's tracker shows (`TRACKER_MAX_DAYS`) — the days of its `TrackerGrid` rows.
 */
export function trackerDaysOf(
  assignment: Pick<Assignment, 'dose' | 'days' | 'startsOn' | 'reviewBy'>,
): PhoneTrackerDate[] {
  return gridDaysOf(assignment)
    .slice(0, TRACKER_MAX_DAYS)
    .map((day) => ({ date: day.date, planned: day.times > 0 }));
}

// ------------------------------------------------------------------------------ reading it back

/** A form value as a PDF reader gives it: a checkbox's tick, or a text field's text. */
export type TrackerFormValue = string | boolean;

/** The practice a returned tracker is read for, and the secret its form was made with. */
export type TrackerExpectation = {
  secret: Uint8Array;
  assignment: Pick<Assignment, 'id' | 'dose' | 'days' | 'startsOn' | 'reviewBy' | 'trackerFields'>;
};

/**
 * One day read from a returned tracker, as the review's grid takes it (`GridEntry`, with the
 * client's note besides). Only days the client filled in are read; see `readTrackerForm` for the
 * marks.
 */
export type ReturnedDay = {
  date: string;
  mark: DayMark;
  tracker: Record<string, string | number | boolean>;
  /**
   * The client's note for the day, one line, trimmed; absent when they wrote none, so a note the
   * grid's day already has is kept (`recordDay` keeps it when none is given).
   */
  note?: string;
};

/** Why something the client wrote was not taken. */
export type NotTakenReason = 'outside-schedule' | 'does-not-fit' | 'hidden-characters';

/** Something read from the form but not taken into the grid, for the clinician to look at. */
export type NotTaken = {
  date: string;
  /** The column's label, "Note" for the day's note, or null for the whole day. */
  field: string | null;
  /**
   * What was written, quoted for showing in a message (`quoteUserText`: hidden characters
   * dropped, one line, shortened, isolated); "" for a whole day.
   */
  value: string;
  reason: NotTakenReason;
};

/** What to tell the clinician about each thing not taken. */
export const notTakenMessages: Record<NotTakenReason, string> = {
  'outside-schedule':
    "This day was filled in, but it isn't one of this practice's dates any more, so it wasn't added to the grid.",
  'does-not-fit':
    "This doesn't fit its column, so it wasn't added — you can enter it by hand if it's clear what was meant.",
  'hidden-characters':
    "This contains hidden characters that can change how text reads, so it wasn't added — please type it in by hand.",
};

/** What was read from a returned tracker, for the clinician to look over before it is saved. */
export type TrackerRead = {
  /** How many days the form has. */
  days: number;
  /** Days filled in, by mark. */
  marked: Record<DayMark, number>;
  /**
   * Days with something written or ticked in a column or the note but neither "Did it" nor "Some
   * of it" ticked: read as not done ('no'), to check with the client.
   */
  noBoxTicked: string[];
  /** Days left empty, in date order: nothing is read for them and the grid keeps what it has. */
  unfilled: string[];
  notTaken: NotTaken[];
};

/** Why a returned tracker can't be read for this practice. */
export type ReturnedTrackerProblem =
  'not-a-tracker' | 'other-vault' | 'other-assignment' | 'fields-do-not-match';

/** What to tell the clinician for each problem: plain, and what to do next. */
export const returnedTrackerMessages: Record<ReturnedTrackerProblem, string> = {
  'not-a-tracker':
    "This PDF doesn't have a tracker form to read. If it was printed to PDF, scanned or “flattened”, the boxes became part of the page — you can still go through it together and fill in the grid by hand.",
  'other-vault':
    "This tracker wasn't made in this vault, so it can't be read here. Please check it's the file this client sent back.",
  'other-assignment':
    'This tracker belongs to a different practice of this vault. Please choose the practice it was handed out for, or check it’s the right file.',
  'fields-do-not-match':
    "This tracker's form doesn't match this practice any more — its days or columns may have changed since it was handed out, or the file was altered. Nothing was read; you can fill in the grid by hand.",
};

/** A tracker form read, or why not. */
export type ReturnedTrackerResult =
  | { ok: true; entries: ReturnedDay[]; read: TrackerRead }
  | { ok: false; problem: ReturnedTrackerProblem };

/** A day's cells as found on the form. */
type FormDay = {
  done: TrackerFormValue | undefined;
  some: TrackerFormValue | undefined;
  note: TrackerFormValue | undefined;
  columns: Map<number, TrackerFormValue>;
};

const FIELD_NAME = /^bw_([a-z0-9]+)_(?:tag|(\d{4})(\d{2})(\d{2})_(done|some|note|c(\d)))$/;

/** "2026-03-02" when year, month and day make a real date, else null. */
function isoDate(year: string, month: string, day: string): string | null {
  const date = `${year}-${month}-${day}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null;
}

type ParsedForm = {
  reference: string;
  tag: TrackerFormValue | undefined;
  days: Map<string, FormDay>;
};

/** The form's fields grouped by day, or null when any `bw_` field is not one of ours. */
function parseFields(values: ReadonlyMap<string, TrackerFormValue>): ParsedForm | null | 'none' {
  const references = new Set<string>();
  const days = new Map<string, FormDay>();
  let tag: TrackerFormValue | undefined;
  let found = false;
  for (const [name, value] of values) {
    if (!name.startsWith(TRACKER_FIELD_PREFIX)) continue;
    found = true;
    const match = FIELD_NAME.exec(name);
    if (!match) return null;
    const [, reference = '', year, month, dayOfMonth, cell, column] = match;
    references.add(reference);
    if (year === undefined || month === undefined || dayOfMonth === undefined) {
      tag = value;
      continue;
    }
    const date = isoDate(year, month, dayOfMonth);
    if (!date) return null;
    const day = days.get(date) ?? {
      done: undefined,
      some: undefined,
      note: undefined,
      columns: new Map(),
    };
    days.set(date, day);
    if (cell === 'done' || cell === 'some' || cell === 'note') day[cell] = value;
    else day.columns.set(Number(column), value);
  }
  if (!found) return 'none';
  const [reference] = references;
  return references.size === 1 && reference !== undefined ? { reference, tag, days } : null;
}

/** Whether every day has exactly the cells a form for these columns has, each of its input. */
function matchesColumns(
  days: ReadonlyMap<string, FormDay>,
  kinds: readonly TrackerFieldKind[],
): boolean {
  const isBox = (value: TrackerFormValue | undefined) => typeof value === 'boolean';
  const isText = (value: TrackerFormValue | undefined) => typeof value === 'string';
  for (const day of days.values()) {
    if (!isBox(day.done) || !isBox(day.some) || !isText(day.note)) return false;
    if (day.columns.size !== kinds.length) return false;
    for (const [at, kind] of kinds.entries()) {
      const value = day.columns.get(at);
      if (kind === 'yes-no' ? !isBox(value) : !isText(value)) return false;
    }
  }
  return days.size > 0;
}

/** One line of what the client wrote: line breaks as spaces, spaces trimmed. */
const oneLine = (text: string) =>
  normaliseLineEnds(text)
    .replace(/[\n\u2028\u2029]+/gu, ' ')
    .trim();

/** A whole number as people write it on a tracker: "20", "20 min", "3x", "3 times". */
function wholeNumber(text: string): number | null {
  const match = /^(\d{1,5})\s*[a-z.]*$/iu.exec(text);
  return match ? Number(match[1]) : null;
}

/** A rating as people write it: "7" or "7/10". */
function rating(text: string): number | null {
  const match = /^(\d{1,2})(?:\s*\/\s*10)?$/u.exec(text);
  return match ? Number(match[1]) : null;
}

/** A time of day as people write it — "7:30", "07.30", "19h30", "7 pm", "7:30pm" — as "HH:MM". */
function timeOfDay(text: string): string | null {
  const match = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/iu.exec(text);
  if (!match) return null;
  const [, hours = '', minutes, half] = match;
  let hour = Number(hours);
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half.toLowerCase().startsWith('p') ? 12 : 0);
  } else if (minutes === undefined) {
    return null; // "7" alone could be a count, not a time
  }
  return `${String(hour).padStart(2, '0')}:${minutes ?? '00'}`;
}

/** A column's text as the grid stores it for its kind, or null when it doesn't fit that kind. */
function columnValue(kind: TrackerFieldKind, text: string): string | number | null {
  switch (kind) {
    case 'count':
    case 'minutes':
      return wholeNumber(text);
    case 'rating-0-10':
      return rating(text);
    case 'time-of-day':
      return timeOfDay(text);
    case 'short-text':
    case 'yes-no':
      return text;
  }
}

/** Whether anything was ticked or written on the day. */
function isFilled(day: FormDay): boolean {
  const written = (value: TrackerFormValue | undefined) =>
    value === true || (typeof value === 'string' && value.trim() !== '');
  return [day.done, day.some, day.note, ...day.columns.values()].some(written);
}

/** The grid entry for one filled day of the schedule, and what of it was not taken. */
function readDay(
  date: string,
  day: FormDay,
  assignment: TrackerExpectation['assignment'],
): { entry: ReturnedDay; notTaken: NotTaken[]; noBoxTicked: boolean } {
  const notTaken: NotTaken[] = [];
  const tracker: Record<string, string | number | boolean> = {};
  for (const [at, field] of assignment.trackerFields.entries()) {
    const raw = day.columns.get(at);
    if (typeof raw === 'boolean') {
      tracker[field.label] = raw;
      continue;
    }
    const text = oneLine(raw ?? '');
    if (text === '') continue;
    if (hiddenControlProblem(text)) {
      notTaken.push({
        date,
        field: field.label,
        value: quoteUserText(text, { max: 60 }),
        reason: 'hidden-characters',
      });
      continue;
    }
    const value = columnValue(field.kind, text);
    if (value === null || gridEntryProblem(assignment, date, { [field.label]: value }) !== null) {
      notTaken.push({
        date,
        field: field.label,
        value: quoteUserText(text, { max: 60 }),
        reason: 'does-not-fit',
      });
      continue;
    }
    tracker[field.label] = value;
  }
  let note = oneLine(typeof day.note === 'string' ? day.note : '');
  if (hiddenControlProblem(note) || Array.from(note).length > TRACKER_NOTE_MAX) {
    const reason = hiddenControlProblem(note) ? 'hidden-characters' : 'does-not-fit';
    notTaken.push({ date, field: 'Note', value: quoteUserText(note, { max: 60 }), reason });
    note = '';
  }
  const mark: DayMark = day.done === true ? 'yes' : day.some === true ? 'partly' : 'no';
  const entry: ReturnedDay = note === '' ? { date, mark, tracker } : { date, mark, tracker, note };
  return { entry, notTaken, noBoxTicked: mark === 'no' };
}

/**
 * Reads a returned tracker's form values (field name → tick or text, as
 * `readReturnedTracker` gives them) for one practice.
 *
 * Refused, with nothing read, when the file has no form of ours ('not-a-tracker'), its tag was
 * not made with this vault's secret ('other-vault'), it is this vault's but for another practice
 * ('other-assignment'), or its fields are not exactly a tracker form for this practice's columns
 * ('fields-do-not-match': a field that isn't ours but is named like ours, two references, no tag,
 * a day missing a cell, a column more or less, a checkbox where text should be).
 *
 * Otherwise each day the client filled in becomes an entry:
 * - "Did it" ticked: 'yes' (whatever "Some of it" says); only "Some of it": 'partly';
 * - neither ticked, but something written or ticked in a column or the note: 'no'. The grid only
 *   keeps values with a mark, and this keeps them; it is what the form says (the client didn't
 *   tick that they did it, and often writes why in the note), it doesn't count towards the
 *   amount done (unmarked days count as not done anyway), and 'partly' would give half credit
 *   the client never claimed. These days are listed in `read.noBoxTicked` to check together.
 * - nothing at all: no entry (listed in `read.unfilled`), so reading a tracker never clears a
 *   day the grid already has.
 *
 * A yes-no column on a filled day is true when ticked and false when not. Other columns are read
 * as people write them ("20 min", "7/10", "7:30 pm") and checked against their kind with the
 * grid's own rules; a value that doesn't fit, or has hidden characters, is left out and listed in
 * `read.notTaken` with what was written. A filled day outside the practice's dates (they changed
 * since the form was made) is not taken either. `expected.secret` is `TRACKER_SECRET_BYTES`
 * bytes; libsodium must be loaded.
 */
export function readTrackerForm(
  values: ReadonlyMap<string, TrackerFormValue>,
  expected: TrackerExpectation,
): ReturnedTrackerResult {
  const { secret, assignment } = expected;
  const form = parseFields(values);
  if (form === 'none') return { ok: false, problem: 'not-a-tracker' };
  if (form === null || typeof form.tag !== 'string') {
    return { ok: false, problem: 'fields-do-not-match' };
  }
  if (form.tag !== trackerTag(secret, form.reference)) return { ok: false, problem: 'other-vault' };
  if (form.reference !== trackerReference(secret, assignment.id)) {
    return { ok: false, problem: 'other-assignment' };
  }
  const kinds = assignment.trackerFields.map((field) => field.kind);
  if (!matchesColumns(form.days, kinds)) return { ok: false, problem: 'fields-do-not-match' };

  const schedule = new Set(gridDaysOf(assignment).map((day) => day.date));
  const entries: ReturnedDay[] = [];
  const read: TrackerRead = {
    days: form.days.size,
    marked: { yes: 0, partly: 0, no: 0 },
    noBoxTicked: [],
    unfilled: [],
    notTaken: [],
  };
  for (const date of [...form.days.keys()].sort()) {
    const day = form.days.get(date);
    if (!day || !isFilled(day)) {
      read.unfilled.push(date);
    } else if (!schedule.has(date)) {
      read.notTaken.push({ date, field: null, value: '', reason: 'outside-schedule' });
    } else {
      const { entry, notTaken, noBoxTicked } = readDay(date, day, assignment);
      entries.push(entry);
      read.marked[entry.mark] += 1;
      read.notTaken.push(...notTaken);
      if (noBoxTicked) read.noBoxTicked.push(date);
    }
  }
  return { ok: true, entries, read };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * What was read, in one sentence for the clinician, e.g. "12 of 14 days filled in: 8 done, 3
 * partly, 1 with neither box ticked (read as not done). 2 things weren't added."
 */
export function describeTrackerRead(read: TrackerRead): string {
  const filled = read.marked.yes + read.marked.partly + read.marked.no;
  if (filled === 0 && read.notTaken.length === 0) {
    return `Nothing was filled in on this tracker (${plural(read.days, 'day', 'days')}).`;
  }
  const parts = [
    read.marked.yes > 0 ? `${read.marked.yes} done` : null,
    read.marked.partly > 0 ? `${read.marked.partly} partly` : null,
    read.marked.no > 0 ? `${read.marked.no} with neither box ticked (read as not done)` : null,
  ].filter((part) => part !== null);
  const days = `${filled} of ${plural(read.days, 'day', 'days')} filled in${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`;
  const left = read.notTaken.length;
  return left === 0
    ? days
    : `${days} ${plural(left, "thing wasn't", "things weren't")} added — see below.`;
}

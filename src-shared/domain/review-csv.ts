import { addDays, format, parseISO } from 'date-fns';
import { clientDayShift, clientPseudonym } from '../crypto/pseudonyms';
import type { Assignment } from './assignment';
import { barrierKindLabels } from './barrier-kinds';
import { reviewedOnOf } from './insight-facts';
import {
  type PlanUse,
  planUseLabels,
  reportSourceLabels,
  type Review,
  reviewDecisionLabels,
  reviewOutcomeLabels,
} from './review';

/**
 * Finished reviews as a CSV file for a spreadsheet, one row per review. Identified, it carries
 * the client's name, the assignment's title and every note; de-identified (what the export
 * offers first), it carries none of that: each client is a stable pseudonym, each assignment
 * its template's id, all of one client's dates are moved by the same keyed number of days (so
 * the days between them still hold), and there is no free text at all — only numbers, ratings
 * and the app's own words for kinds, outcomes and decisions.
 */

/** One review to export, with the assignment it reviews (if still there) and its client. */
export type ReviewCsvInput = {
  client: { id: string; name: string };
  assignment: Assignment | undefined;
  review: Review;
};

/** How to export. */
export type ReviewCsvOptions = {
  /** Pseudonyms, shifted dates and no free text (see the module comment). */
  deidentified: boolean;
  /** `PSEUDONYM_SECRET_BYTES` bytes the caller derives from the vault key, for the pseudonyms. */
  secret: Uint8Array;
};

/** What a template column says for an assignment built without one. */
export const FROM_SCRATCH = 'from scratch';

/** A finished review ready for its row: who it is shown as, and by how much its dates move. */
type Prepared = ReviewCsvInput & { shownAs: string; dayShift: number };

/** One column: its header, whether it could identify the client, and its cell for a row. */
type Column = { header: string; identifying: boolean; cell: (row: Prepared) => string };

/** A "YYYY-MM-DD" date moved by the row's day shift. */
function shifted(date: string, row: Prepared): string {
  return row.dayShift === 0 ? date : format(addDays(parseISO(date), row.dayShift), 'yyyy-MM-dd');
}

/** A number, or an empty cell when not recorded. */
const numberCell = (value: number | null) => (value === null ? '' : String(value));

/** Yes or no, or an empty cell when not asked. */
const yesNoCell = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

/** How a plan was used, in the app's words, or an empty cell when not asked. */
const planUseCell = (use: PlanUse | null) => (use === null ? '' : planUseLabels[use]);

/** A 0–4 rating column. */
const rating = (
  header: string,
  field: 'quality' | 'engagement' | 'helpful' | 'hard' | 'understoodWhy' | 'fitsGoals',
): Column => ({ header, identifying: false, cell: ({ review }) => numberCell(review[field]) });

/** A free-text column, in the client's or clinician's words: identified exports only. */
const freeText = (header: string, cell: (review: Review) => string): Column => ({
  header,
  identifying: true,
  cell: ({ review }) => cell(review),
});

/** The columns, in order; the identifying ones are left out of a de-identified export. */
const columns: readonly Column[] = [
  { header: 'Client', identifying: false, cell: (row) => row.shownAs },
  {
    header: 'Reviewed on',
    identifying: false,
    cell: (row) => shifted(reviewedOnOf(row.review), row),
  },
  { header: 'Assignment', identifying: true, cell: ({ assignment }) => assignment?.title ?? '' },
  {
    header: 'Template',
    identifying: false,
    cell: ({ assignment }) =>
      assignment === undefined ? '' : (assignment.template?.templateId ?? FROM_SCRATCH),
  },
  {
    header: 'Assignment started on',
    identifying: false,
    cell: (row) => (row.assignment === undefined ? '' : shifted(row.assignment.startsOn, row)),
  },
  {
    header: 'Outcome',
    identifying: false,
    cell: ({ review }) => (review.outcome === null ? '' : reviewOutcomeLabels[review.outcome]),
  },
  {
    header: 'Percent done',
    identifying: false,
    cell: ({ review }) => numberCell(review.percentDone),
  },
  { header: 'Amount from', identifying: false, cell: ({ review }) => review.amountFrom ?? '' },
  {
    header: 'Smallest version met',
    identifying: false,
    cell: ({ review }) => yesNoCell(review.smallestVersionMet),
  },
  rating('Quality (therapist)', 'quality'),
  rating('Engagement (therapist)', 'engagement'),
  rating('Helpful (client)', 'helpful'),
  rating('Hard (client)', 'hard'),
  rating('Understood why (client)', 'understoodWhy'),
  rating('Fits goals (client)', 'fitsGoals'),
  {
    header: 'Reported by',
    identifying: false,
    cell: ({ review }) => review.reportedBy.map((source) => reportSourceLabels[source]).join('; '),
  },
  {
    header: 'Barriers met',
    identifying: false,
    cell: ({ review }) => review.barriersMet.map((met) => barrierKindLabels[met.kind]).join('; '),
  },
  {
    header: 'If-then plan',
    identifying: false,
    cell: ({ review }) => planUseCell(review.ifThenPlan),
  },
  {
    header: 'Backup plan',
    identifying: false,
    cell: ({ review }) => planUseCell(review.backupPlan),
  },
  {
    header: 'Made things worse',
    identifying: false,
    cell: ({ review }) => review.madeThingsWorse ?? '',
  },
  {
    header: 'Decision',
    identifying: false,
    cell: ({ review }) => (review.decision === null ? '' : reviewDecisionLabels[review.decision]),
  },
  freeText('What happened', (review) => review.happened),
  freeText('What was learned', (review) => review.learned),
  freeText('Wins', (review) => review.wins),
  freeText('Barrier notes', (review) =>
    [
      ...review.barriersMet
        .filter((met) => met.note !== '')
        .map((met) => `${barrierKindLabels[met.kind]}: ${met.note}`),
      review.barrierNotes,
    ]
      .filter((note) => note !== '')
      .join('\n'),
  ),
  freeText('What made things worse', (review) => review.worseNote),
  freeText('Reason for the decision', (review) => review.decisionReason),
];

/** Characters a spreadsheet reads as the start of a formula (or that hide one after them). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that make a CSV field need quotes (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: a leading apostrophe if it starts like a formula (so a spreadsheet shows
 * "=SUM(A1)" typed in a note as text instead of running it), then quoted with inner quotes
 * doubled if it holds a comma, a quote or a line break (RFC 4180).
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV record: the fields, comma-separated, ending in CRLF (RFC 4180). */
export function csvRecord(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Whose row comes first: by the name or pseudonym shown, then in the order reviewed. A
 * de-identified file sorts by pseudonym, so the order of rows says nothing of the names.
 */
function byClientThenTime(a: Prepared, b: Prepared): number {
  return (
    a.shownAs.localeCompare(b.shownAs) ||
    a.client.id.localeCompare(b.client.id) ||
    a.review.reviewedAt.localeCompare(b.review.reviewedAt) ||
    a.review.id.localeCompare(b.review.id)
  );
}

/**
 * The CSV file of the finished reviews among `rows` (unfinished ones are left out): a header
 * row of plain column names, then one row per review. With `deidentified`, no identifying
 * column, the client as `clientPseudonym` and every date moved by `clientDayShift` (libsodium
 * must be loaded). No byte-order mark; lines end in CRLF.
 */
export function reviewsCsv(rows: readonly ReviewCsvInput[], options: ReviewCsvOptions): string {
  const shown = columns.filter((column) => !(options.deidentified && column.identifying));
  const prepared = rows
    .filter((row) => row.review.finished)
    .map((row): Prepared => ({
      ...row,
      shownAs: options.deidentified
        ? clientPseudonym(options.secret, row.client.id)
        : row.client.name,
      dayShift: options.deidentified ? clientDayShift(options.secret, row.client.id) : 0,
    }))
    .sort(byClientThenTime);
  return [
    csvRecord(shown.map((column) => column.header)),
    ...prepared.map((row) => csvRecord(shown.map((column) => column.cell(row)))),
  ].join('');
}

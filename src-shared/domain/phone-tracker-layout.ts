import type { TrackerFieldKind } from './template';

/**
 * Where everything sits on the phone tracker's pages: one contract for the two halves that make
 * it — the pages drawn (react-pdf) and the form fields laid over them (pdf-lib) — so a box to
 * tick is always exactly under its field. Points, origin at the page's top left (pdf-lib counts
 * from the bottom: `y` from the bottom is `PHONE_PAGE.height - y - h`).
 *
 * A phone page is narrow (9:16, like a phone held upright) with large type, so each day is a
 * block down the page rather than a row across it: the day, "Did it" and "Some of it" boxes,
 * then one line per thing the client notes, then a short note. As many whole days as fit go on
 * each page; a day never splits across pages.
 */

/** The phone page: a phone's proportions, at a size every PDF app zooms to the screen's width. */
export const PHONE_PAGE = { width: 360, height: 640, margin: 22 } as const;

/** Heights within a day's block. */
export const PHONE_TRACKER = {
  /** The page's heading band (the title, and which days the page holds). */
  header: 76,
  /** The day's name with its two boxes. */
  dayLine: 40,
  /** One thing the client notes: its label above, its field below. */
  columnLine: 44,
  /** The day's short note. */
  noteLine: 46,
  /** Space after each day. */
  gap: 12,
  /** The side of a box to tick. */
  box: 22,
  /** The height of a field to write in. */
  field: 22,
} as const;

/** What a cell of the form is for. */
export type PhoneTrackerCellKind = 'done' | 'some' | 'column' | 'note';

/** One form field's place on a page. */
export type PhoneTrackerCell = {
  kind: PhoneTrackerCellKind;
  /** For `column` cells: which tracker column (its index in the assignment's list). */
  column: number | null;
  /** Checkbox or text field. */
  input: 'checkbox' | 'text';
  x: number;
  y: number;
  w: number;
  h: number;
};

/** One day's block on a page. */
export type PhoneTrackerDay = {
  /** "YYYY-MM-DD". */
  date: string;
  /** Whether practice is planned that day (drawn lightly shaded). */
  planned: boolean;
  /** The top of the block. */
  top: number;
  /** The block's height, its gap excluded. */
  height: number;
  /** Where the day's name goes, and the labels of each column line (their tops). */
  labelTops: { day: number; columns: number[]; note: number };
  cells: PhoneTrackerCell[];
};

/** One page of the phone tracker. */
export type PhoneTrackerPage = { days: PhoneTrackerDay[] };

/** A tracker column as the layout needs it: only its kind decides the field. */
export type PhoneTrackerColumn = { kind: TrackerFieldKind };

/** A day of the schedule as the layout needs it. */
export type PhoneTrackerDate = { date: string; planned: boolean };

/** The height of one day's block with `columns` tracker columns. */
export function phoneDayHeight(columns: number): number {
  return PHONE_TRACKER.dayLine + columns * PHONE_TRACKER.columnLine + PHONE_TRACKER.noteLine;
}

/** Yes/no columns are a box to tick; every other kind is a short field to write in. */
function inputOf(column: PhoneTrackerColumn): 'checkbox' | 'text' {
  return column.kind === 'yes-no' ? 'checkbox' : 'text';
}

/** The width of a field for a column's kind: short for numbers and times, wide for text. */
function fieldWidth(column: PhoneTrackerColumn, available: number): number {
  if (column.kind === 'short-text') return available;
  return column.kind === 'time-of-day' ? 80 : 64;
}

/**
 * The pages of a phone tracker for these days and columns: whole days, as many as fit between
 * the heading band and the bottom margin, in date order. Every day gets the same cells: "done"
 * and "some" boxes, one cell per column, and a note.
 */
export function phoneTrackerPages(
  days: readonly PhoneTrackerDate[],
  columns: readonly PhoneTrackerColumn[],
): PhoneTrackerPage[] {
  const { width, height, margin } = PHONE_PAGE;
  const inner = width - 2 * margin;
  const blockHeight = phoneDayHeight(columns.length);
  const top = margin + PHONE_TRACKER.header;
  const perPage = Math.max(
    1,
    Math.floor((height - margin - top + PHONE_TRACKER.gap) / (blockHeight + PHONE_TRACKER.gap)),
  );
  const pages: PhoneTrackerPage[] = [];
  days.forEach((day, index) => {
    const slot = index % perPage;
    if (slot === 0) pages.push({ days: [] });
    const blockTop = top + slot * (blockHeight + PHONE_TRACKER.gap);
    const { box, field, dayLine, columnLine } = PHONE_TRACKER;
    const boxY = blockTop + (dayLine - box) / 2;
    const columnTops = columns.map((_, at) => blockTop + dayLine + at * columnLine);
    const noteTop = blockTop + dayLine + columns.length * columnLine;
    const cells: PhoneTrackerCell[] = [
      {
        kind: 'done',
        column: null,
        input: 'checkbox',
        x: width - margin - 158,
        y: boxY,
        w: box,
        h: box,
      },
      {
        kind: 'some',
        column: null,
        input: 'checkbox',
        x: width - margin - 78,
        y: boxY,
        w: box,
        h: box,
      },
      ...columns.map((column, at): PhoneTrackerCell => {
        const w = fieldWidth(column, inner);
        const fieldTop = (columnTops[at] ?? 0) + columnLine - field - 2;
        return {
          kind: 'column',
          column: at,
          input: inputOf(column),
          x:
            column.kind === 'short-text'
              ? margin
              : width - margin - (inputOf(column) === 'checkbox' ? box : w),
          y:
            inputOf(column) === 'checkbox'
              ? (columnTops[at] ?? 0) + (columnLine - box) / 2
              : fieldTop,
          w: inputOf(column) === 'checkbox' ? box : w,
          h: inputOf(column) === 'checkbox' ? box : field,
        };
      }),
      { kind: 'note', column: null, input: 'text', x: margin, y: noteTop + 20, w: inner, h: field },
    ];
    pages.at(-1)?.days.push({
      date: day.date,
      planned: day.planned,
      top: blockTop,
      height: blockHeight,
      labelTops: { day: blockTop + 10, columns: columnTops, note: noteTop },
      cells,
    });
  });
  return pages;
}

import { Page, Text, View } from '@react-pdf/renderer';
import { format, parseISO } from 'date-fns';
import type { TrackerColumn, TrackerGrid, TrackerRow } from '../../src-shared/domain/handout';
import {
  PHONE_PAGE,
  PHONE_TRACKER,
  type PhoneTrackerCell,
  type PhoneTrackerDay,
  type PhoneTrackerPage,
  phoneTrackerPages,
} from '../../src-shared/domain/phone-tracker-layout';
import { ink } from './document-style';
import { DOCUMENT_FONT } from './fonts';

/**
 * The phone tracker's pages: a heading band (the tracker's heading and the days the page holds),
 * then a block per day — its name, "Did it" and "Some of it" boxes, a line per thing the client
 * notes and a short note. Every box and field is drawn exactly at its cell of the shared layout
 * (`phoneTrackerPages`), so the form fields laid over these pages later sit on their outlines.
 * Each tracker page is one page: nothing on it flows.
 */

/** The layout of a grid's phone tracker: what these pages draw, and where a form's fields go. */
export function phoneTrackerLayoutOf(grid: TrackerGrid): PhoneTrackerPage[] {
  return phoneTrackerPages(
    grid.rows.map((row) => ({ date: row.date, planned: row.timesPlanned > 0 })),
    grid.columns,
  );
}

/** The words beside the day's two boxes. */
export const phoneBoxLabels = { done: 'Did it', some: 'Some of it', note: 'Note' } as const;

/** Type sizes on the tracker's pages, in points. */
const sizes = { heading: 20, range: 14, day: 14, box: 11.5, label: 14, note: 12 } as const;

/** How far a planned day's shading reaches beyond the margins (round the box labels). */
const SHADE_BLEED = 12;

/** The smallest a column's label is set, however long the client's words. */
const SMALLEST_LABEL = 9;

/** A generous width of a character in ems, for fitting labels, when no closer one is known. */
const AVERAGE_WIDTH = 0.64;

/** The tracker's pages, one per page of the layout. */
export function PhoneTrackerPages({ grid }: { grid: TrackerGrid }) {
  const rows = new Map(grid.rows.map((row) => [row.date, row]));
  return (
    <>
      {phoneTrackerLayoutOf(grid).map((page, index) => {
        const names = dayNamesOf(page);
        // Not `wrap={false}`: react-pdf then sizes the page by its flow, which is empty here
        // (everything is placed), and the page comes out with no height.
        return (
          <Page
            key={index}
            size={[PHONE_PAGE.width, PHONE_PAGE.height]}
            style={{ fontFamily: DOCUMENT_FONT, color: ink.text }}
          >
            <HeadingBand heading={grid.heading} range={rangeOf(page, rows)} />
            {page.days.map((day, at) => (
              <DayBlock
                key={day.date}
                day={day}
                name={names[at] ?? { weekday: '', date: day.date }}
                shaded={grid.marksPlanned && day.planned}
                last={at === page.days.length - 1}
                columns={grid.columns}
              />
            ))}
          </Page>
        );
      })}
    </>
  );
}

/** Every text the tracker's pages print beyond the grid's own (day names, ranges, labels). */
export function phoneTrackerTexts(grid: TrackerGrid): string[] {
  const rows = new Map(grid.rows.map((row) => [row.date, row]));
  return [
    ...Object.values(phoneBoxLabels),
    ...phoneTrackerLayoutOf(grid).flatMap((page) => [
      rangeOf(page, rows),
      ...dayNamesOf(page).map((name) => `${name.weekday} ${name.date}`),
    ]),
  ];
}

/** Absolutely placed, in points from the page's top left. */
function placed(x: number, y: number, w: number, h: number) {
  return { position: 'absolute' as const, left: x, top: y, width: w, height: h };
}

/** The width between the page's margins. */
const INNER = PHONE_PAGE.width - 2 * PHONE_PAGE.margin;

function HeadingBand({ heading, range }: { heading: string; range: string }) {
  const { margin } = PHONE_PAGE;
  return (
    <>
      <Text
        style={{
          ...placed(margin, margin, INNER, 26),
          fontSize: sizes.heading,
          lineHeight: 26 / sizes.heading,
          fontWeight: 600,
          color: ink.accent,
        }}
      >
        {heading}
      </Text>
      <Text
        style={{
          ...placed(margin, margin + 29, INNER, 20),
          fontSize: sizes.range,
          lineHeight: 20 / sizes.range,
          color: ink.muted,
        }}
      >
        {range}
      </Text>
      <View
        style={{
          ...placed(margin, margin + PHONE_TRACKER.header - 10, INNER, 0),
          borderTopWidth: 1.25,
          borderTopColor: ink.accent,
        }}
      />
    </>
  );
}

/** One day: shaded when planned, its name, its boxes and its fields, a rule under it. */
function DayBlock({
  day,
  name,
  shaded,
  last,
  columns,
}: {
  day: PhoneTrackerDay;
  name: DayName;
  shaded: boolean;
  last: boolean;
  columns: readonly TrackerColumn[];
}) {
  const { margin } = PHONE_PAGE;
  const cell = (kind: PhoneTrackerCell['kind']) => day.cells.find((each) => each.kind === kind);
  const done = cell('done');
  const some = cell('some');
  const note = cell('note');
  return (
    <>
      {shaded && (
        <View
          style={{
            ...placed(margin - SHADE_BLEED, day.top, INNER + 2 * SHADE_BLEED, day.height),
            backgroundColor: ink.planned,
            borderRadius: 6,
          }}
        />
      )}
      {!last && (
        <View
          style={{
            ...placed(margin, day.top + day.height + PHONE_TRACKER.gap / 2, INNER, 0),
            borderTopWidth: 0.75,
            borderTopColor: ink.line,
          }}
        />
      )}
      <Text
        style={{
          ...placed(margin, day.labelTops.day, nameRoom(day), 20),
          fontSize: sizes.day,
          lineHeight: 20 / sizes.day,
        }}
      >
        <Text style={{ fontWeight: 600 }}>{name.weekday}</Text>
        {` ${name.date}`}
      </Text>
      {done && <BoxWithLabel cell={done} label={phoneBoxLabels.done} until={some?.x ?? null} />}
      {some && <BoxWithLabel cell={some} label={phoneBoxLabels.some} until={null} />}
      {day.cells
        .filter((each) => each.kind === 'column')
        .map((each) => {
          const column = columns[each.column ?? -1];
          const top = day.labelTops.columns[each.column ?? -1];
          return column && top !== undefined ? (
            <ColumnLine key={each.column} cell={each} label={column.label} top={top} />
          ) : null;
        })}
      {note && (
        <>
          <Text
            style={{
              ...placed(margin, day.labelTops.note + 1, INNER, 15),
              fontSize: sizes.note,
              lineHeight: 15 / sizes.note,
              color: ink.muted,
            }}
          >
            {phoneBoxLabels.note}
          </Text>
          <Outline cell={note} />
        </>
      )}
    </>
  );
}

/** A day's box with its words just right of it (up to `until`, or into the page's margin). */
function BoxWithLabel({
  cell,
  label,
  until,
}: {
  cell: PhoneTrackerCell;
  label: string;
  until: number | null;
}) {
  const left = cell.x + cell.w + 4;
  const right = until === null ? PHONE_PAGE.width - 4 : until - 4;
  return (
    <>
      <Outline cell={cell} />
      <Text
        style={{
          ...placed(left, cell.y + (cell.h - 16) / 2, right - left, 16),
          fontSize: sizes.box,
          lineHeight: 16 / sizes.box,
        }}
      >
        {label}
      </Text>
    </>
  );
}

/**
 * One thing the client notes: words to write in get their label above a field as wide as the
 * page; a box or a short field gets its label beside it, centred on it (two lines if need be).
 */
function ColumnLine({ cell, label, top }: { cell: PhoneTrackerCell; label: string; top: number }) {
  const { margin } = PHONE_PAGE;
  if (cell.x <= margin) {
    const size = labelSize(label, cell.w, 1);
    return (
      <>
        <Text
          style={{
            ...placed(margin, top, cell.w, cell.y - top),
            fontSize: size,
            lineHeight: (cell.y - top) / size,
            maxLines: 1,
          }}
        >
          {label}
        </Text>
        <Outline cell={cell} />
      </>
    );
  }
  const width = cell.x - margin - 10;
  const size = labelSize(label, width, 2);
  const line = size * 1.25;
  const bottom = cell.y + cell.h;
  return (
    <>
      <View
        style={{
          ...placed(margin, top, width, bottom - top),
          justifyContent: 'flex-end',
          paddingBottom: Math.max(0, (cell.h - line) / 2),
        }}
      >
        <Text style={{ fontSize: size, lineHeight: 1.25, maxLines: 2 }}>{label}</Text>
      </View>
      <Outline cell={cell} />
    </>
  );
}

/** A box or field's outline, exactly on its cell: a thin rule in the boxes' ink, white inside. */
function Outline({ cell }: { cell: PhoneTrackerCell }) {
  return (
    <View
      style={{
        ...placed(cell.x, cell.y, cell.w, cell.h),
        borderWidth: cell.input === 'checkbox' ? 1 : 0.75,
        borderColor: ink.box,
        backgroundColor: '#ffffff',
      }}
    />
  );
}

/**
 * The size a label is set at: the label size, or smaller until it fits `lines` lines of
 * `width` (estimated, words kept whole), down to the smallest.
 */
function labelSize(label: string, width: number, lines: number): number {
  for (let size = sizes.label; size > SMALLEST_LABEL; size--) {
    if (linesAt(label, width, size) <= lines) return size;
  }
  return SMALLEST_LABEL;
}

/** How many lines a text takes at a size in a width, wrapping between words (an estimate). */
function linesAt(text: string, width: number, size: number): number {
  const space = emWidth(' ') * size;
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/u).filter((each) => each !== '')) {
    const length = emWidth(word) * size;
    const needed = used === 0 ? length : used + space + length;
    if (needed <= width) used = needed;
    else {
      lines += Math.ceil(length / width);
      used = length % width || width;
    }
  }
  return lines;
}

/**
 * Widths of Noto Sans's lower-case letters, in ems (rounded up): most of a label's letters, so
 * fitting by them is close; capitals, digits and other scripts are given generous widths.
 */
const LOWER_CASE_WIDTHS = [
  0.57, 0.62, 0.49, 0.62, 0.57, 0.35, 0.62, 0.62, 0.26, 0.26, 0.54, 0.26, 0.94, 0.62, 0.61, 0.62,
  0.62, 0.42, 0.48, 0.37, 0.62, 0.51, 0.79, 0.53, 0.51, 0.47,
];

/** A text's width at size 1 in the regular weight, a little generously. */
function emWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const lower = character.charCodeAt(0) - 97;
    if (lower >= 0 && lower < 26) width += LOWER_CASE_WIDTHS[lower] ?? AVERAGE_WIDTH;
    else if (character === ' ') width += 0.26;
    else if (/[0-9]/u.test(character)) width += 0.58;
    else if (/[A-Z]/u.test(character)) width += 0.76;
    else if (/[-.,:;'’()]/u.test(character)) width += 0.33;
    else width += AVERAGE_WIDTH;
  }
  return width * 1.04;
}

/** A day's name in two parts: "Monday" and "1 December". */
type DayName = { weekday: string; date: string };

/** The room for a day's name: from the margin to just before its "Did it" box. */
function nameRoom(day: PhoneTrackerDay): number {
  const done = day.cells.find((cell) => cell.kind === 'done');
  return (done?.x ?? PHONE_PAGE.width - PHONE_PAGE.margin) - PHONE_PAGE.margin - 8;
}

/** The width of each weekday's name in the semibold weight, in ems (Sunday first, rounded up). */
const WEEKDAY_WIDTHS = [3.59, 3.95, 4.0, 5.62, 4.54, 3.02, 4.36];

/** The width of " 30 " and each month's name in the regular weight, in ems (rounded up). */
const MONTH_WIDTHS = [5.22, 5.88, 4.63, 3.85, 3.65, 3.74, 3.33, 5.0, 6.85, 5.49, 6.61, 6.53];

/**
 * The page's day names: the month in full when every name on the page fits before the boxes
 * ("Monday 1 December"), otherwise shortened on the whole page ("Wednesday 30 Sep").
 */
function dayNamesOf(page: PhoneTrackerPage): DayName[] {
  const dates = page.days.map((day) => parseISO(day.date));
  const room = Math.min(...page.days.map(nameRoom));
  const fits = dates.every(
    (date) =>
      ((WEEKDAY_WIDTHS[date.getDay()] ?? 6) + (MONTH_WIDTHS[date.getMonth()] ?? 7)) * sizes.day <=
      room,
  );
  return dates.map((date) => ({
    weekday: format(date, 'EEEE'),
    date: format(date, fits ? 'd MMMM' : 'd MMM'),
  }));
}

/** The days a page holds, briefly: "Tue 1 – Wed 2 Dec", "Mon 30 Nov – Tue 1 Dec". */
function rangeOf(page: PhoneTrackerPage, rows: ReadonlyMap<string, TrackerRow>): string {
  const first = rows.get(page.days[0]?.date ?? '');
  const last = rows.get(page.days.at(-1)?.date ?? '');
  if (!first || !last) return '';
  if (first.date === last.date) return `${first.weekday} ${first.day}`;
  const sameMonth = first.date.slice(0, 7) === last.date.slice(0, 7);
  const from = sameMonth ? (first.day.split(' ')[0] ?? first.day) : first.day;
  return `${first.weekday} ${from} – ${last.weekday} ${last.day}`;
}

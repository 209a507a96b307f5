import { Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type {
  DocumentHeader,
  TrackerColumn,
  TrackerGrid,
  TrackerRow,
} from '../../src-shared/domain/handout';
import { contentHeight, contentWidth, ink, type Measures } from './document-style';
import { Checkbox, DocumentPage, Heading, WritingLines } from './parts';

/**
 * The tracker grid on pages of its own: a row per day (the planned days lightly shaded, a firmer
 * line after each Sunday), a column per thing the client notes — boxes to tick for yes/no,
 * a line to write on for the rest. The rows are split over pages here, each page with the
 * column headings again, rather than left to the layout, so every page reads on its own.
 */

/** How wide each kind of column is, relative to the others. */
const columnWeight: Record<TrackerColumn['kind'], number> = {
  'yes-no': 1,
  count: 1,
  minutes: 1,
  'rating-0-10': 1.2,
  'time-of-day': 1,
  'short-text': 2.6,
};

/** Text the grid lays out before the rows on its first page, with its height estimated. */
export type TrackerLead = { content: ReactNode; height: number };

/** The tracker grid's pages. */
export function TrackerPages({
  grid,
  header,
  footer,
  measures,
  lead,
}: {
  grid: TrackerGrid;
  header: DocumentHeader;
  footer: string;
  measures: Measures;
  lead?: TrackerLead;
}) {
  const pages = trackerPages(grid, measures, lead?.height ?? 0);
  return (
    <>
      {pages.map((page, index) => (
        <DocumentPage key={index} header={header} footer={footer} measures={measures}>
          {index === 0 && lead?.content}
          <Heading measures={measures}>
            {index === 0 ? grid.heading : `${grid.heading} (continued)`}
          </Heading>
          {index === 0 && grid.intro !== '' && (
            <Text style={{ color: ink.muted, marginBottom: measures.gap * 0.6 }}>{grid.intro}</Text>
          )}
          <Grid grid={grid} rows={page.rows} measures={measures} />
          {index === pages.length - 1 && grid.continuesAfter !== '' && (
            <Text style={{ marginTop: measures.gap * 0.6, color: ink.muted }}>
              {grid.continuesAfter}
            </Text>
          )}
          {index === pages.length - 1 && <Notes spare={page.spare} measures={measures} />}
        </DocumentPage>
      ))}
    </>
  );
}

/** The most lines a tracker's last page gives to notes. */
const MAX_NOTE_LINES = 8;

/** Lines for notes under the grid, where its last page has room for at least three. */
function Notes({ spare, measures }: { spare: number; measures: Measures }) {
  const lines = Math.min(
    MAX_NOTE_LINES,
    Math.floor((spare - measures.gap * 2 - measures.heading * 1.3) / measures.writingLine),
  );
  if (lines < 3) return null;
  return (
    <View wrap={false} style={{ marginTop: measures.gap * 1.5 }}>
      <Heading measures={measures}>Anything you noticed</Heading>
      <WritingLines count={lines} measures={measures} />
    </View>
  );
}

/** A heading and intro's height, a little generously: two lines of intro may wrap. */
function headingHeight(measures: Measures): number {
  return measures.heading * 1.3 + measures.gap / 3 + measures.body * 1.5 * 2 + measures.gap * 0.6;
}

/** One page of the grid: its rows, and the height left under them. */
export type TrackerPage = { rows: TrackerRow[]; spare: number };

/**
 * The rows split into pages: as many as fit under the heading (and the lead) on the first,
 * then under a "continued" heading on the rest; each page keeps room for a closing line.
 */
export function trackerPages(grid: TrackerGrid, measures: Measures, leadHeight = 0): TrackerPage[] {
  const available = contentHeight(measures) - measures.trackerHeader - measures.body * 2;
  const firstSpace = available - leadHeight - headingHeight(measures);
  const laterSpace = available - measures.heading * 1.3 - measures.gap;
  const pages: TrackerPage[] = [];
  let at = 0;
  do {
    const space = pages.length === 0 ? firstSpace : laterSpace;
    const fit = Math.max(1, Math.floor(space / measures.trackerRow));
    const rows = grid.rows.slice(at, at + fit);
    pages.push({ rows, spare: space - rows.length * measures.trackerRow });
    at += fit;
  } while (at < grid.rows.length);
  return pages;
}

function Grid({
  grid,
  rows,
  measures,
}: {
  grid: TrackerGrid;
  rows: readonly TrackerRow[];
  measures: Measures;
}) {
  const { columns } = grid;
  const dayWidth = measures.large ? 104 : 92;
  const widths = columnWidths(columns, contentWidth(measures) - dayWidth, measures);
  const widthOf = (column: TrackerColumn) => widths[columns.indexOf(column)] ?? 0;
  return (
    <View>
      <View
        style={{
          flexDirection: 'row',
          minHeight: measures.trackerHeader,
          alignItems: 'flex-end',
          borderBottomWidth: 1.25,
          borderBottomColor: ink.accent,
          paddingBottom: 4,
          fontWeight: 600,
          color: ink.text,
        }}
      >
        <Text
          style={{ width: dayWidth, paddingLeft: 6, fontSize: measures.small, lineHeight: 1.25 }}
        >
          Day
        </Text>
        {columns.map((column, index) => (
          <Text
            key={index}
            style={{
              width: widthOf(column),
              paddingHorizontal: HEADER_PADDING,
              fontSize: labelSize(column.label, widthOf(column), measures),
              lineHeight: 1.25,
              textAlign: column.kind === 'yes-no' ? 'center' : 'left',
            }}
          >
            {column.label}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View
          key={row.date}
          wrap={false}
          style={{
            flexDirection: 'row',
            height: measures.trackerRow,
            alignItems: 'center',
            backgroundColor: grid.marksPlanned && row.timesPlanned > 0 ? ink.planned : '#ffffff',
            borderBottomWidth: isSunday(row) ? 1 : 0.5,
            borderBottomColor: isSunday(row) ? ink.box : ink.line,
          }}
        >
          <Text style={{ width: dayWidth, paddingLeft: 6 }}>
            <Text style={{ fontWeight: 600 }}>{row.weekday}</Text>
            <Text style={{ color: ink.muted }}>{`  ${row.day}`}</Text>
          </Text>
          {columns.map((column, index) => (
            <Cell
              key={index}
              column={column}
              row={row}
              width={widthOf(column)}
              measures={measures}
            />
          ))}
        </View>
      ))}
    </View>
  );
}

/**
 * Each column's width: first the room its heading's longest word needs at the small size, then
 * what is left shared by the columns' weights (a column to write words in gets most).
 */
function columnWidths(
  columns: readonly TrackerColumn[],
  available: number,
  measures: Measures,
): number[] {
  const needed = columns.map(
    (column) =>
      longestWord(column.label) * AVERAGE_SEMIBOLD_WIDTH * measures.small + 2 * HEADER_PADDING,
  );
  const left = available - needed.reduce((total, width) => total + width, 0);
  const weights = columns.map((column) => columnWeight[column.kind]);
  const totalWeight = weights.reduce((total, weight) => total + weight, 0);
  if (left <= 0 || totalWeight === 0) {
    return weights.map((weight) => (available * weight) / Math.max(totalWeight, 1));
  }
  return needed.map((width, index) => width + (left * (weights[index] ?? 0)) / totalWeight);
}

/** The number of characters in the longest word of a label. */
function longestWord(label: string): number {
  return Math.max(1, ...label.split(/\s+/u).map((word) => Array.from(word).length));
}

/** Space either side of a column's heading. */
const HEADER_PADDING = 4;

/**
 * The size a column's heading is set at: the small size, or less when its longest word would
 * not fit the column's width (a word is never broken; narrow columns get smaller headings).
 */
function labelSize(label: string, width: number, measures: Measures): number {
  const fits = (width - 2 * HEADER_PADDING) / (longestWord(label) * AVERAGE_SEMIBOLD_WIDTH);
  return Math.max(6, Math.min(measures.small, fits));
}

/** A generous average width of a semibold character, in ems, for fitting headings. */
const AVERAGE_SEMIBOLD_WIDTH = 0.62;

function isSunday(row: TrackerRow): boolean {
  return row.isoWeekday === 7;
}

/** One cell: a box for each time planned (yes/no), or a line to write on. */
function Cell({
  column,
  row,
  width,
  measures,
}: {
  column: TrackerColumn;
  row: TrackerRow;
  width: number;
  measures: Measures;
}) {
  if (column.kind === 'yes-no') {
    const boxes = Math.min(3, Math.max(1, row.timesPlanned));
    return (
      <View style={{ width, flexDirection: 'row', justifyContent: 'center', gap: 5 }}>
        {Array.from({ length: boxes }, (_, index) => (
          <Checkbox key={index} measures={measures} />
        ))}
      </View>
    );
  }
  return (
    <View style={{ width, paddingHorizontal: 8, alignSelf: 'stretch', justifyContent: 'flex-end' }}>
      <View
        style={{
          borderBottomWidth: 0.75,
          borderBottomColor: ink.box,
          marginBottom: measures.trackerRow * 0.22,
        }}
      />
    </View>
  );
}

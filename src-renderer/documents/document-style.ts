import { PHONE_PAGE, PHONE_TRACKER } from '../../src-shared/domain/phone-tracker-layout';
import type { PageSize } from '../../src-shared/domain/preferences';
import { DOCUMENT_FONT } from './fonts';

/**
 * The look of every printed document: calm and plain — one typeface, dark ink on white, the
 * app's deep sage for headings and rules, very light tints that still read when printed in grey,
 * generous margins. Sizes in points; large print sets everything a third larger.
 */

/**
 * How a document is printed: the paper, regular or large print, and whether it comes from a
 * demo vault (every page's footer then says DEMO).
 */
export type DocumentOptions = { pageSize: PageSize; largePrint: boolean; demo?: boolean };

/** Colours, chosen to keep readable contrast on paper and in greyscale. */
export const ink = {
  text: '#26302f',
  muted: '#56615f',
  accent: '#176c67',
  rule: '#b9cfcc',
  line: '#c9d6d4',
  box: '#8aa7a3',
  tint: '#eef6f5',
  planned: '#e4f0ee',
} as const;

/** The paper's size in points, as react-pdf names it. */
export const paper: Record<PageSize, { name: 'LETTER' | 'A4'; width: number; height: number }> = {
  letter: { name: 'LETTER', width: 612, height: 792 },
  a4: { name: 'A4', width: 595.28, height: 841.89 },
};

/** The type sizes and spaces a document is set in, for its options. */
export type Measures = {
  pageSize: PageSize;
  large: boolean;
  /** Printed from a demo vault: the running footer says DEMO. */
  demo?: boolean;
  /** Margins: top and bottom leave room for the running header and footer. */
  margin: { top: number; bottom: number; side: number };
  body: number;
  small: number;
  heading: number;
  title: number;
  /** Line height as a multiple of the size. */
  leading: number;
  /** Space between sections. */
  gap: number;
  checkbox: number;
  /** The height of one ruled writing line. */
  writingLine: number;
  /** The height of one day's row of a tracker grid, and of its header. */
  trackerRow: number;
  trackerHeader: number;
};

/** The measures of a document printed with `options`. */
export function measuresFor(options: DocumentOptions): Measures {
  const scale = options.largePrint ? 4 / 3 : 1;
  return {
    pageSize: options.pageSize,
    large: options.largePrint,
    demo: options.demo === true,
    margin: { top: options.largePrint ? 72 : 62, bottom: options.largePrint ? 64 : 58, side: 60 },
    body: 11 * scale,
    small: 9 * scale,
    heading: 13 * scale,
    title: 21 * scale,
    leading: 1.5,
    gap: 15 * scale,
    checkbox: 12 * scale,
    writingLine: 26 * scale,
    trackerRow: 27 * scale,
    trackerHeader: 30 * scale,
  };
}

/** The height left for content on a page, between the margins. */
export function contentHeight(measures: Measures): number {
  return paper[measures.pageSize].height - measures.margin.top - measures.margin.bottom;
}

/** The width left for content on a page, between the margins. */
export function contentWidth(measures: Measures): number {
  return paper[measures.pageSize].width - 2 * measures.margin.side;
}

/**
 * The page's own style: the font, the ink, the margins. Not the line height: `DocumentPage` sets
 * it on the content, with the size it is a multiple of (react-pdf resolves a line height where it
 * is set, against that element's own font size, and children inherit the result), so the running
 * header and footer keep their own.
 */
export function pageStyle(measures: Measures) {
  return {
    fontFamily: DOCUMENT_FONT,
    fontSize: measures.body,
    color: ink.text,
    paddingTop: measures.margin.top,
    paddingBottom: measures.margin.bottom,
    paddingHorizontal: measures.margin.side,
  };
}

/**
 * The measures of the phone handout's pages (`PHONE_PAGE`, 360 × 640 points, read at a phone's
 * width): large, calm type — body 16, headings 20 — on the narrow page's own margins. The paper
 * size is never used: phone pages set their own size.
 */
export const phoneMeasures: Measures = {
  pageSize: 'a4',
  large: true,
  margin: { top: 30, bottom: 30, side: PHONE_PAGE.margin },
  body: 16,
  small: 12,
  heading: 20,
  title: 26,
  leading: 1.45,
  gap: 18,
  checkbox: PHONE_TRACKER.box,
  writingLine: 30,
  trackerRow: PHONE_TRACKER.columnLine,
  trackerHeader: PHONE_TRACKER.header,
};

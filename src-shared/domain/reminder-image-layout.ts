/**
 * Where the words of a reminder image go: a pure layout, so it can be tested in Node with any
 * `measure` function and drawn by the renderer on a canvas with the canvas's own measure. The
 * plan ("I will … on … at …, after …, at ….") is set as large as fits; above it the title,
 * small; below it the smallest version that still counts. Text stays inside the format's text
 * box: on a phone's lock screen that is the calm middle, clear of the clock and widgets at the
 * top and the torch, camera and notifications at the bottom.
 */

/** The reminder images there are: two phone lock screens and a square card to print. */
export const reminderImageKinds = ['lock-screen-1170', 'lock-screen-1080', 'sticky-note'] as const;

/** A kind of reminder image. */
export type ReminderImageKind = (typeof reminderImageKinds)[number];

/** What a reminder image says (as `reminderWordsOf` gives it). */
export type ReminderImageContent = {
  /** The title, shown small above the plan. */
  title: string;
  /** The plan sentence, shown large. */
  plan: string;
  /** The smallest version that still counts, shown below (empty: left out). */
  smallest: string;
};

/** A rectangle in pixels: its left and top edges and its size. */
export type Box = { x: number; y: number; width: number; height: number };

/** Type sizes in pixels: the largest the plan is set at, and the least it may shrink to. */
export type TypeScale = { planMax: number; planMin: number; supportMin: number };

/** An image format: its pixel size, the box text stays in, and its type sizes. */
export type ReminderImageFormat = { width: number; height: number; text: Box; type: TypeScale };

/**
 * The formats. Lock screens: iPhone 12–16 (1170×2532) and a common Android size (1080×2400);
 * the text box runs from 36% to 83% of the height, below the clock, date and widgets (the lower
 * edge of a large clock and a row of widgets is about 34% down) and above the notifications,
 * torch and camera, with side margins of 9%. The plan is set at up to about 33 points on the
 * phone (100 px at 3×) and never below 18 points. The sticky note is a square card to print at
 * about 7.5 cm (400 dpi): up to 17 points, never below 9.
 */
export const reminderImageFormats: Record<ReminderImageKind, ReminderImageFormat> = {
  'lock-screen-1170': {
    width: 1170,
    height: 2532,
    text: { x: 105, y: 912, width: 960, height: 1190 },
    type: { planMax: 100, planMin: 54, supportMin: 38 },
  },
  'lock-screen-1080': {
    width: 1080,
    height: 2400,
    text: { x: 97, y: 864, width: 886, height: 1128 },
    type: { planMax: 92, planMin: 50, supportMin: 35 },
  },
  'sticky-note': {
    width: 1200,
    height: 1200,
    text: { x: 150, y: 250, width: 900, height: 800 },
    type: { planMax: 96, planMin: 48, supportMin: 34 },
  },
};

/** A font as the layout asks for it: a size in pixels and a CSS weight. */
export type FontSpec = { size: number; weight: number };

/** The width in pixels of `text` set in `font` (on a canvas: `measureText(text).width`). */
export type MeasureText = (text: string, font: FontSpec) => number;

/** Which part of the content a line belongs to. */
export type LineRole = 'title' | 'plan' | 'smallest-lead' | 'smallest';

/** One line of text placed: its left edge, the vertical middle and height of its line box. */
export type PlacedLine = {
  role: LineRole;
  text: string;
  font: FontSpec;
  x: number;
  middle: number;
  height: number;
};

/** The content laid out: every line in drawing order, and a short rule above the smallest version. */
export type ReminderImageLayout = {
  lines: PlacedLine[];
  /** A short rule between the plan and the smallest version, or null when there is none. */
  rule: { x: number; y: number; width: number } | null;
  /** The plan's size in pixels, as chosen. */
  planSize: number;
};

/** Weights: the plan semibold, the title and the smallest version's lead medium. */
const WEIGHTS = { title: 600, plan: 600, lead: 600, smallest: 400 } as const;
/** Line heights as a multiple of the size. */
const LEADING = { title: 1.3, plan: 1.22, smallest: 1.34 } as const;
/** Supporting text (title, smallest version) relative to the plan's size. */
const SUPPORT_RATIO = 0.46;
/** The smallest version's heading relative to the supporting text: a quiet label. */
const LEAD_RATIO = 0.8;
/** The heading above the smallest version (the client view's words for it). */
const SMALLEST_LEAD = 'The smallest version that still counts';
/** At most this many lines of title and of the smallest version. */
const SUPPORT_MAX_LINES = 3;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A word wider than the line, cut into pieces that fit, at grapheme boundaries. */
function splitWord(word: string, fits: (text: string) => boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(word)) {
    if (piece !== '' && !fits(piece + segment)) {
      pieces.push(piece);
      piece = segment;
    } else piece += segment;
  }
  if (piece !== '' || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/** A piece of text lines may break after: a word, or the part of one up to a hyphen. */
type Token = { text: string; spaceBefore: boolean };

/** The words of `text`, each cut after any hyphen between letters ("Ødegård-|gården"). */
function tokensOf(text: string): Token[] {
  return text
    .split(/\s+/u)
    .filter((word) => word !== '')
    .flatMap((word) =>
      word
        .split(/(?<=\p{L}-)(?=\p{L})/u)
        .map((part, index) => ({ text: part, spaceBefore: index === 0 })),
    );
}

/**
 * `text` broken into lines no wider than `width`: greedy, at spaces and after hyphens between
 * letters; a word wider than a line is cut between graphemes. Runs of white space count as one
 * space; an empty text has no lines.
 */
export function wrapText(
  text: string,
  width: number,
  font: FontSpec,
  measure: MeasureText,
): string[] {
  const fits = (line: string) => measure(line, font) <= width;
  const lines: string[] = [];
  let line = '';
  for (const token of tokensOf(text)) {
    const candidate =
      line === '' ? token.text : `${line}${token.spaceBefore ? ' ' : ''}${token.text}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    const pieces = fits(token.text) ? [token.text] : splitWord(token.text, fits);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Lines as `wrapText` makes them, balanced: the narrowest width that needs no more lines, so
 * the last line is not a lonely word (CSS `text-wrap: balance`).
 */
export function balancedLines(
  text: string,
  width: number,
  font: FontSpec,
  measure: MeasureText,
): string[] {
  const greedy = wrapText(text, width, font, measure);
  if (greedy.length < 2) return greedy;
  let [low, high] = [width / 2, width];
  for (let step = 0; step < 12; step++) {
    const middle = (low + high) / 2;
    if (wrapText(text, middle, font, measure).length > greedy.length) low = middle;
    else high = middle;
  }
  return wrapText(text, high, font, measure);
}

/** Lines cut to at most `max`, the last ending in "…" and still fitting `width`. */
function clampLines(
  lines: string[],
  max: number,
  width: number,
  font: FontSpec,
  measure: MeasureText,
): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept.pop() ?? '';
  while (last !== '' && measure(`${last}…`, font) > width) {
    last = last.replace(/\s*\S*$/u, '') || [...last].slice(0, -1).join('');
  }
  return [...kept, `${last.trimEnd()}…`];
}

/** One block of text to stack: its role, text, font, lines and line height. */
type Block = {
  role: LineRole;
  text: string;
  font: FontSpec;
  lines: string[];
  leading: number;
  gapAfter: number;
};

const blockHeight = (block: Block) => block.lines.length * block.font.size * block.leading;

/** The blocks of the content at plan size `size`, wrapped to `width`. */
function blocksAt(
  content: ReminderImageContent,
  size: number,
  format: ReminderImageFormat,
  measure: MeasureText,
  parts: { title: boolean; smallest: boolean },
): Block[] {
  const { width } = format.text;
  const support = Math.max(format.type.supportMin, Math.round(size * SUPPORT_RATIO));
  const titleFont = { size: support, weight: WEIGHTS.title };
  const planFont = { size, weight: WEIGHTS.plan };
  const smallFont = { size: support, weight: WEIGHTS.smallest };
  const leadFont = { size: Math.round(support * LEAD_RATIO), weight: WEIGHTS.lead };
  const supportLines = (text: string, font: FontSpec) =>
    clampLines(wrapText(text, width, font, measure), SUPPORT_MAX_LINES, width, font, measure);
  const blocks: Block[] = [];
  if (parts.title && content.title.trim() !== '') {
    blocks.push({
      role: 'title',
      text: content.title,
      font: titleFont,
      lines: supportLines(content.title, titleFont),
      leading: LEADING.title,
      gapAfter: size * 0.5,
    });
  }
  blocks.push({
    role: 'plan',
    text: content.plan,
    font: planFont,
    lines: wrapText(content.plan, width, planFont, measure),
    leading: LEADING.plan,
    gapAfter: size * 0.9,
  });
  if (parts.smallest && content.smallest.trim() !== '') {
    blocks.push(
      {
        role: 'smallest-lead',
        text: SMALLEST_LEAD,
        font: leadFont,
        lines: supportLines(SMALLEST_LEAD, leadFont),
        leading: LEADING.smallest,
        gapAfter: support * 0.15,
      },
      {
        role: 'smallest',
        text: content.smallest,
        font: smallFont,
        lines: supportLines(content.smallest, smallFont),
        leading: LEADING.smallest,
        gapAfter: 0,
      },
    );
  }
  return blocks;
}

const totalHeight = (blocks: Block[]) =>
  blocks.reduce(
    (sum, block, index) =>
      sum + blockHeight(block) + (index < blocks.length - 1 ? block.gapAfter : 0),
    0,
  );

/**
 * Blocks that fit the text box: the plan as large as it fits with everything shown (from the
 * format's largest size down to its least, 2 px at a time); if even the least size is too tall,
 * without the smallest version, then without the title; and if the plan alone is still too long
 * at its least size, cut with "…" at the last line that fits. An empty plan gives the title its
 * place (a reminder always says something).
 */
function fittedBlocks(
  content: ReminderImageContent,
  format: ReminderImageFormat,
  measure: MeasureText,
): Block[] {
  const { planMax, planMin } = format.type;
  const text =
    content.plan.trim() === '' ? { ...content, plan: content.title, title: '' } : content;
  const attempts = [
    { title: true, smallest: true },
    { title: true, smallest: false },
    { title: false, smallest: false },
  ];
  for (const parts of attempts) {
    for (let size = planMax; size >= planMin; size -= 2) {
      const blocks = blocksAt(text, size, format, measure, parts);
      if (totalHeight(blocks) <= format.text.height) return blocks;
    }
  }
  const [plan] = blocksAt(text, planMin, format, measure, { title: false, smallest: false });
  if (!plan) return [];
  const maxLines = Math.max(1, Math.floor(format.text.height / (planMin * LEADING.plan)));
  return [
    { ...plan, lines: clampLines(plan.lines, maxLines, format.text.width, plan.font, measure) },
  ];
}

/**
 * Whether a block shows its whole text (not cut with "…"), so it may be balanced: balancing
 * keeps the number of lines, and so the height the fit was made for.
 */
function isWhole(block: Block): boolean {
  const letters = (text: string) => text.replace(/\s+/gu, '');
  return letters(block.lines.join('')) === letters(block.text);
}

/**
 * The content of a reminder image laid out in `format`: every line placed, left-aligned in the
 * text box and the whole stack centred in it vertically, with a short rule above the smallest
 * version. `measure` gives the width of a text in a font (the renderer passes the canvas's).
 */
export function layoutReminderImage(
  content: ReminderImageContent,
  format: ReminderImageFormat,
  measure: MeasureText,
): ReminderImageLayout {
  const box = format.text;
  const blocks = fittedBlocks(content, format, measure).map((block) =>
    isWhole(block)
      ? { ...block, lines: balancedLines(block.text, box.width, block.font, measure) }
      : block,
  );
  let top = box.y + Math.max(0, (box.height - totalHeight(blocks)) / 2);
  const lines: PlacedLine[] = [];
  let rule: ReminderImageLayout['rule'] = null;
  blocks.forEach((block, index) => {
    const lineHeight = block.font.size * block.leading;
    if (block.role === 'smallest-lead') {
      rule = { x: box.x, y: top - (blocks[index - 1]?.gapAfter ?? 0) / 2, width: box.width * 0.18 };
    }
    for (const text of block.lines) {
      lines.push({
        role: block.role,
        text,
        font: block.font,
        x: box.x,
        middle: top + lineHeight / 2,
        height: lineHeight,
      });
      top += lineHeight;
    }
    top += block.gapAfter;
  });
  const plan = blocks.find((block) => block.role === 'plan');
  return { lines, rule, planSize: plan?.font.size ?? format.type.planMin };
}

import {
  layoutReminderImage,
  type FontSpec,
  type PlacedLine,
  type ReminderImageContent,
  reminderImageFormats,
  type ReminderImageKind,
  type ReminderImageLayout,
} from '../../src-shared/domain/reminder-image-layout';

/**
 * Reminder images as PNG: the plan in large type on a phone's lock screen (1170×2532 or
 * 1080×2400) or on a square sticky-note card to print. Laid out by `layoutReminderImage`
 * (src-shared) with the canvas's own text measure and drawn here, on an `OffscreenCanvas` (a
 * `<canvas>` where there is none). Calm colours from the app's sage; the system's sans-serif,
 * as the app's own screens use. The words are the caller's, already in the chosen wording
 * (`reminderWordsOf`): nothing else is drawn, and the PNG carries no text metadata.
 */

/** The system's sans-serif, as the app's theme names it, with common fallbacks. */
const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif';

/** The colours of one kind of image. */
type Palette = {
  background: [top: string, bottom: string];
  glow: string;
  title: string;
  plan: string;
  lead: string;
  smallest: string;
  rule: string;
};

/** A deep, quiet sage for the lock screens (light text reads under a light clock). */
const lockScreen: Palette = {
  background: ['#14514d', '#0b2f2d'],
  glow: 'rgba(121, 187, 181, 0.13)',
  title: '#a7d2ce',
  plan: '#f4fbfa',
  lead: '#79bbb5',
  smallest: '#d2e8e6',
  rule: '#529f99',
};

/** A soft butter paper with ink-dark text for the printed card. */
const stickyNote: Palette = {
  background: ['#fbf3cf', '#f8edc0'],
  glow: 'rgba(255, 255, 255, 0.55)',
  title: '#7a6a33',
  plan: '#27302d',
  lead: '#8a7a45',
  smallest: '#3f4744',
  rule: '#d8c47f',
};

/** What can be drawn on: the two canvases the renderer has. */
type Canvas = OffscreenCanvas | HTMLCanvasElement;
type Context = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function createCanvas(width: number, height: number): Canvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function contextOf(canvas: Canvas): Context {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This computer cannot draw the reminder image.');
  return context as Context;
}

const cssFont = (font: FontSpec) => `${font.weight} ${font.size}px ${FONT_FAMILY}`;

/**
 * The background: a vertical gradient with a soft light behind the words, or a note's paper
 * with its band and fold.
 */
function drawBackground(context: Context, kind: ReminderImageKind): void {
  const { width, height, text } = reminderImageFormats[kind];
  const palette = kind === 'sticky-note' ? stickyNote : lockScreen;
  const gradient = context.createLinearGradient(0, 0, 0, height);
  gradient.addColorStop(0, palette.background[0]);
  gradient.addColorStop(1, palette.background[1]);
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  if (kind === 'sticky-note') {
    drawNoteDetails(context, width, height);
    return;
  }
  glow(context, width * 0.5, text.y + text.height * 0.45, width * 0.95, palette.glow);
}

/** A soft round light, fading to nothing at `radius`. */
function glow(context: Context, x: number, y: number, radius: number, colour: string): void {
  const light = context.createRadialGradient(x, y, 0, x, y, radius);
  light.addColorStop(0, colour);
  light.addColorStop(1, 'rgba(0, 0, 0, 0)');
  context.fillStyle = light;
  context.fillRect(x - radius, y - radius, radius * 2, radius * 2);
}

/** The note's adhesive band along the top and a light fold at the lower right corner. */
function drawNoteDetails(context: Context, width: number, height: number): void {
  const band = height * 0.12;
  const shade = context.createLinearGradient(0, 0, 0, band);
  shade.addColorStop(0, 'rgba(196, 170, 84, 0.16)');
  shade.addColorStop(1, 'rgba(196, 170, 84, 0.05)');
  context.fillStyle = shade;
  context.fillRect(0, 0, width, band);
  const fold = width * 0.1;
  context.fillStyle = 'rgba(196, 170, 84, 0.18)';
  context.beginPath();
  context.moveTo(width, height - fold);
  context.lineTo(width - fold, height);
  context.lineTo(width, height);
  context.closePath();
  context.fill();
}

const colourOf = (palette: Palette, line: PlacedLine): string =>
  ({
    title: palette.title,
    plan: palette.plan,
    'smallest-lead': palette.lead,
    smallest: palette.smallest,
  })[line.role];

function drawText(context: Context, layout: ReminderImageLayout, palette: Palette): void {
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  for (const line of layout.lines) {
    context.font = cssFont(line.font);
    context.fillStyle = colourOf(palette, line);
    context.fillText(line.text, line.x, line.middle);
  }
  if (layout.rule) {
    context.fillStyle = palette.rule;
    const thickness = Math.max(4, Math.round(layout.planSize / 14));
    context.fillRect(layout.rule.x, layout.rule.y - thickness / 2, layout.rule.width, thickness);
  }
}

/** The canvas's PNG bytes, as they come from the browser. */
async function pngOf(canvas: Canvas): Promise<Uint8Array> {
  const blob =
    'convertToBlob' in canvas
      ? await canvas.convertToBlob({ type: 'image/png' })
      : await new Promise<Blob>((resolve, reject) =>
          canvas.toBlob(
            (result) => (result ? resolve(result) : reject(new Error('No image was made.'))),
            'image/png',
          ),
        );
  return new Uint8Array(await blob.arrayBuffer());
}

/** PNG chunk types that carry text or a time: never kept. */
const METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'tIME', 'eXIf']);
const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/**
 * A PNG without its text, time and Exif chunks (tEXt, zTXt, iTXt, tIME, eXIf): everything
 * else kept byte for byte, each chunk with its own CRC, so the image is unchanged. Chromium's
 * encoder writes none today; this keeps it so whatever a future encoder adds. Anything after
 * IEND is dropped too. Throws on bytes that are not a whole PNG.
 */
export function withoutPngMetadata(png: Uint8Array): Uint8Array {
  if (png.length < 8 || PNG_SIGNATURE.some((byte, index) => png[index] !== byte)) {
    throw new Error('Not a PNG.');
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const kept: Uint8Array[] = [png.subarray(0, 8)];
  let ended = false;
  for (let offset = 8; !ended;) {
    const end = offset + 12 + (offset + 12 <= png.length ? view.getUint32(offset) : 0);
    if (end > png.length) throw new Error('A PNG chunk runs past the end of the file.');
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    if (!METADATA_CHUNKS.has(type)) kept.push(png.subarray(offset, end));
    ended = type === 'IEND';
    offset = end;
  }
  const out = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of kept) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A reminder image as PNG bytes: `kind`'s size, the plan set as large as fits its text box
 * (clear of a lock screen's clock and controls), the title above it and the smallest version
 * below, on calm colours. `content` is drawn as given: pass words already in the chosen wording
 * (`reminderWordsOf`), which keeps clinical words and names out.
 */
export async function reminderImagePng(
  kind: ReminderImageKind,
  content: ReminderImageContent,
): Promise<Uint8Array> {
  const format = reminderImageFormats[kind];
  const canvas = createCanvas(format.width, format.height);
  const context = contextOf(canvas);
  let current = '';
  const measure = (text: string, font: FontSpec) => {
    // Setting a font parses it: only when it changes.
    const wanted = cssFont(font);
    if (wanted !== current) context.font = current = wanted;
    return context.measureText(text).width;
  };
  const layout = layoutReminderImage(content, format, measure);
  drawBackground(context, kind);
  drawText(context, layout, kind === 'sticky-note' ? stickyNote : lockScreen);
  return withoutPngMetadata(await pngOf(canvas));
}

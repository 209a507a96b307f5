import type { TrackerFormValue } from '../../src-shared/domain/returned-tracker';
import type { TrackerPdfProblem, TrackerPdfValues } from './tracker-form';
import type { TrackerPdfRequest } from './read-returned-tracker.worker';

/**
 * Reading a tracker PDF a client sent back. The file comes from outside — a phone, a chat app, an
 * email — so it is treated as hostile: capped in size, checked before it is parsed, parsed by
 * pdf-lib (pure JavaScript: it runs no script, loads no font or image and fetches nothing) in a
 * Web Worker that is ended when it takes too long, and only its form's values come out. Nothing
 * of it is ever shown as HTML: the values are plain strings and ticks.
 */

/** The largest returned tracker read: a filled phone tracker is well under 1 MiB. */
export const RETURNED_PDF_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The most pages read: the phone handout's own pages and its tracker, which at six columns has a
 * page per day for up to `TRACKER_MAX_DAYS` (84) days, with room to spare.
 */
export const RETURNED_PDF_MAX_PAGES = 120;

/** How long parsing may take before it is stopped (a 4-week tracker takes tens of ms). */
export const RETURNED_PDF_TIME_LIMIT_MS = 5000;

/** Why a returned PDF wasn't read. */
export type ReturnedPdfProblem =
  'empty' | 'too-large' | 'not-a-pdf' | 'truncated' | 'timed-out' | TrackerPdfProblem;

/** What to tell the clinician for each problem: plain, and what to do next. */
export const returnedPdfMessages: Record<ReturnedPdfProblem, string> = {
  empty: 'This file is empty. Please ask the client to send the tracker again.',
  'too-large': `This file is bigger than a tracker could be (over ${RETURNED_PDF_MAX_BYTES / 1024 / 1024} MB), so it wasn't opened. Please check it's the tracker the client filled in.`,
  'not-a-pdf':
    "This file isn't a PDF, so there's no tracker to read in it. Please check it's the tracker the client sent back.",
  truncated:
    'This PDF is cut short — it may not have finished downloading or sending. Please save it again, or ask the client to send it once more.',
  'timed-out':
    'Reading this PDF took too long, so it was stopped. It may be damaged; please ask the client to send the tracker again.',
  encrypted:
    "This PDF is locked with a password or encryption, so its tracker can't be read. Please ask the client to share it again without a password.",
  scripted:
    'This PDF contains scripts, which the trackers Bridgework makes never do, so it wasn’t read. Please ask the client to send the tracker exactly as they filled it in.',
  'too-many-pages': `This PDF has more pages than a tracker (over ${RETURNED_PDF_MAX_PAGES}), so it wasn't read. Please check it's the tracker the client filled in.`,
  malformed:
    "This PDF is damaged and couldn't be read. Please ask the client to send the tracker again — saving it once more from their PDF app often helps.",
};

/** A returned PDF's form values by field name, or why it wasn't read. */
export type ReturnedPdfRead =
  | { ok: true; values: Map<string, TrackerFormValue>; pages: number }
  | { ok: false; problem: ReturnedPdfProblem };

/**
 * Parses a PDF's form (`trackerFormValues`) somewhere it can be stopped: `signal` aborts when the
 * time is up, and the parser must then stop its work (the app's ends its worker).
 */
export type TrackerPdfParser = (
  request: TrackerPdfRequest,
  signal: AbortSignal,
) => Promise<TrackerPdfValues>;

/** `trackerFormValues` in a Web Worker of its own, ended when done or when `signal` aborts. */
export const parseInWorker: TrackerPdfParser = (request, signal) => {
  const worker = new Worker(new URL('./read-returned-tracker.worker.ts', import.meta.url), {
    type: 'module',
    name: 'returned-tracker',
  });
  return new Promise<TrackerPdfValues>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(new Error('stopped')), { once: true });
    worker.onmessage = (event: MessageEvent<TrackerPdfValues>) => resolve(event.data);
    worker.onerror = () => reject(new Error('The PDF reader stopped.'));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
};

/** Where `pattern` (ASCII) first occurs in `bytes` from `from` up to `to`, or -1. */
function indexOfAscii(bytes: Uint8Array, pattern: string, from = 0, to = bytes.length): number {
  const first = pattern.charCodeAt(0);
  const last = to - pattern.length;
  for (
    let at = bytes.indexOf(first, from);
    at >= 0 && at <= last;
    at = bytes.indexOf(first, at + 1)
  ) {
    let index = 1;
    while (index < pattern.length && bytes[at + index] === pattern.charCodeAt(index)) index += 1;
    if (index === pattern.length) return at;
  }
  return -1;
}

/** Whether the file ends with `%%EOF` and at most whitespace after it. */
function endsWithEof(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Line ends, spaces, tabs, form feeds and NULs.
  while (end > 0 && [0x0a, 0x0d, 0x20, 0x09, 0x0c, 0x00].includes(bytes[end - 1] ?? 0)) end -= 1;
  return end >= 5 && indexOfAscii(bytes, '%%EOF', end - 5, end) === end - 5;
}

/**
 * What is wrong with the bytes before they are parsed, or null: a PDF starts with `%PDF-` (within
 * its first kilobyte, as readers allow) and ends with `%%EOF`. A file that doesn't was cut short
 * — and if it was cut in the middle of the revision an app appended when the client saved, pdf-lib
 * would read the complete revision before it, the form as it was before it was filled in,
 * without a word. A PDF naming `/JavaScript` is refused
 * here too: a cheap first gate before parsing (eleven bytes that don't occur by chance in
 * compressed data); the parsed check (`carriesScript`) is the one that counts, as it also sees
 * inside object streams and through escaped names.
 */
function bytesProblem(bytes: Uint8Array): ReturnedPdfProblem | null {
  if (indexOfAscii(bytes, '%PDF-', 0, Math.min(bytes.length, 1024 + 5)) < 0) return 'not-a-pdf';
  if (!endsWithEof(bytes)) return 'truncated';
  if (indexOfAscii(bytes, '/JavaScript') >= 0) return 'scripted';
  return null;
}

/** Resolves after `ms`, or never if `signal` aborts first. */
function timeUp(ms: number, signal: AbortSignal): Promise<'timed-out'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timed-out'), ms);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });
}

/** Limits and the parser, for tests (the app uses the defaults). */
export type ReadReturnedTrackerOptions = {
  parse?: TrackerPdfParser;
  timeLimitMs?: number;
  maxBytes?: number;
  maxPages?: number;
};

/**
 * Reads the form values of a returned tracker PDF, checking it as it goes: not empty, at most
 * `RETURNED_PDF_MAX_BYTES` (a `File` is checked before it is read into memory), a PDF from its
 * first bytes to its `%%EOF`, no JavaScript; then parsed (`trackerFormValues`, in a worker by
 * default) within `RETURNED_PDF_TIME_LIMIT_MS`: not encrypted, no script anywhere, at most
 * `RETURNED_PDF_MAX_PAGES` pages. Every problem is a value with a message
 * (`returnedPdfMessages`), never a throw; a parser that fails counts as a damaged file.
 */
export async function readReturnedTracker(
  file: Uint8Array | Blob,
  {
    parse = parseInWorker,
    timeLimitMs = RETURNED_PDF_TIME_LIMIT_MS,
    maxBytes = RETURNED_PDF_MAX_BYTES,
    maxPages = RETURNED_PDF_MAX_PAGES,
  }: ReadReturnedTrackerOptions = {},
): Promise<ReturnedPdfRead> {
  const size = file instanceof Uint8Array ? file.length : file.size;
  if (size === 0) return { ok: false, problem: 'empty' };
  if (size > maxBytes) return { ok: false, problem: 'too-large' };
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
  const problem = bytesProblem(bytes);
  if (problem) return { ok: false, problem };
  const stop = new AbortController();
  try {
    const parsed = await Promise.race([
      parse({ bytes, maxPages }, stop.signal),
      timeUp(timeLimitMs, stop.signal),
    ]);
    return parsed === 'timed-out' ? { ok: false, problem: 'timed-out' } : parsed;
  } catch {
    return { ok: false, problem: 'malformed' };
  } finally {
    stop.abort();
  }
}

// `npm run bench`: reading a returned 4-week phone tracker (28 days, 3 columns, every day filled
// in), as the review's "Read a returned tracker…" does, in Node. Target (issue: the client's phone
// as a tracker): median ≤ 500 ms. Written to docs/benchmarks.md and bench/results.json
// (`returned_tracker_read_ms`, and `tracker_form_write_ms` for making the form).
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { handoutOf } from '../../src-shared/domain/handout';
import { exampleHandoutInput } from '../../src-shared/domain/handout-examples';
import { PHONE_PAGE, phoneTrackerPages } from '../../src-shared/domain/phone-tracker-layout';
import {
  readTrackerForm,
  trackerDaysOf,
  trackerReference,
  trackerTag,
} from '../../src-shared/domain/returned-tracker';
import { useDocumentFontFiles } from '../../src-renderer/documents/fonts';
import { nodeDocumentFontFiles } from '../../src-renderer/documents/node-font-files';
import { readReturnedTracker } from '../../src-renderer/documents/read-returned-tracker';
import { renderHandoutPdf } from '../../src-renderer/documents/render';
import { trackerFormValues, withTrackerForm } from '../../src-renderer/documents/tracker-form';
import { type DayFill, fillOf, fillTracker, fourWeekPractice } from '../interop/tracker-pdfs';
import { machineDescription, mergeResults, writeBenchmarkSection } from './bench-report';

const RUNS = 25;
const WARM_UP = 3;
const TARGET_MS = 500;

type Stats = { count: number; median: number; p95: number; max: number; min: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return {
    count: sorted.length,
    median: rank(0.5),
    p95: rank(0.95),
    max: rank(1),
    min: sorted[0] ?? NaN,
  };
}

/** Times `run` RUNS times after WARM_UP untimed runs. */
async function timed(run: () => Promise<unknown>): Promise<Stats> {
  for (let at = 0; at < WARM_UP; at++) await run();
  const samples: number[] = [];
  for (let at = 0; at < RUNS; at++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

await loadSodium();
useDocumentFontFiles(nodeDocumentFontFiles());

const practice = fourWeekPractice;
const days = trackerDaysOf(practice);
const columns = practice.trackerFields;
const layout = phoneTrackerPages(days, columns);
const secret = new Uint8Array(32).fill(0x42);
const reference = trackerReference(secret, practice.id);
const tag = trackerTag(secret, reference);

/**
 * The handout as the phone tracker's form is laid on it: the worked example's handout (react-pdf,
 * with its embedded fonts), then the tracker pages, drawn here with pdf-lib at the layout's cells
 * (a heading, each day's name and box outlines) until the phone handout draws them.
 */
async function handoutWithTrackerPages(): Promise<Uint8Array> {
  const handout = await renderHandoutPdf(handoutOf(exampleHandoutInput), {
    pageSize: 'a4',
    largePrint: false,
  });
  const doc = await PDFDocument.load(handout);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const trackerPage of layout) {
    const page = doc.addPage([PHONE_PAGE.width, PHONE_PAGE.height]);
    const fromTop = (y: number, h = 0) => PHONE_PAGE.height - y - h;
    page.drawText('My practice tracker', { x: 22, y: fromTop(44), size: 20, font });
    for (const day of trackerPage.days) {
      page.drawText(day.date, { x: 22, y: fromTop(day.labelTops.day + 14), size: 15, font });
      for (const cell of day.cells) {
        page.drawRectangle({
          x: cell.x,
          y: fromTop(cell.y, cell.h),
          width: cell.w,
          height: cell.h,
          borderColor: rgb(0.3, 0.3, 0.3),
          borderWidth: 1,
        });
      }
    }
  }
  return doc.save();
}

/** Every day filled in: done, some or a note only, in turn, with a value in each column. */
const everyDay: Record<string, DayFill> = Object.fromEntries(
  days.map((day, at) => [
    day.date,
    {
      done: at % 3 === 0,
      some: at % 3 === 1,
      columns: { 0: `${10 + at}`, 1: at % 2 === 0, 2: `Day ${at + 1}: a short walk` },
      note: at % 3 === 2 ? 'Rain all day' : '',
    },
  ]),
);

const handout = await handoutWithTrackerPages();
const options = { reference, tag, days, columns };
const write = await timed(() => withTrackerForm(handout, options));
const fillable = await withTrackerForm(handout, options);
const filled = await fillTracker(fillable, fillOf(reference, practice, everyDay));
const parse = {
  parse: (request: { bytes: Uint8Array; maxPages: number }) =>
    trackerFormValues(request.bytes, request),
};

/** The whole read: the checks on the bytes, parsing the form, and reading it for the practice. */
async function readFilled() {
  const pdf = await readReturnedTracker(filled, parse);
  if (!pdf.ok) throw new Error(`not read: ${pdf.problem}`);
  const result = readTrackerForm(pdf.values, { secret, assignment: practice });
  if (!result.ok || result.entries.length !== days.length) throw new Error('read wrongly');
  return { pdf, result };
}

const read = await timed(readFilled);
const parseOnly = await timed(() => trackerFormValues(filled, { maxPages: 120 }));
const { pdf } = await readFilled();
const formOnly = await timed(async () =>
  readTrackerForm(pdf.ok ? pdf.values : new Map(), { secret, assignment: practice }),
);

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const row = (what: string, times: Stats) =>
  `| ${what} | ${times.count} | **${ms(times.median)}** | ${ms(times.p95)} | ${ms(times.max)} |`;
const pages = pdf.ok ? pdf.pages : 0;

const report = `## Returned phone tracker: reading its form

Machine: ${machineDescription()}.

Metric \`returned_tracker_read_ms\`: reading a filled 4-week phone tracker (28 days, 3 columns —
minutes, yes-no, short text — every day filled in) as the review's "Read a returned tracker…"
does: the checks on the file's bytes, parsing it with pdf-lib and reading its form values
(\`readReturnedTracker\`), then reading them for the practice (\`readTrackerForm\`: the tag and
reference checked with BLAKE2b, every day and value checked against the schedule and the columns).
Target: median ≤ ${TARGET_MS} ms — **${read.median <= TARGET_MS ? 'met' : 'not met'}**.

| step | runs | median | p95 | max |
| --- | --- | --- | --- | --- |
${row('whole read (`returned_tracker_read_ms`)', read)}
${row('of which parsing and form values (`trackerFormValues`)', parseOnly)}
${row('of which reading the values for the practice (`readTrackerForm`)', formOnly)}
${row('making the form (`withTrackerForm`, `tracker_form_write_ms`)', write)}

The file: ${kb(filled.length)}, ${pages} pages — the worked example's handout (react-pdf, A4, with
its embedded fonts) followed by the ${layout.length} phone tracker pages, drawn here with pdf-lib at
the layout's cells until the phone handout draws them — made fillable by \`withTrackerForm\`
(${days.length * (3 + columns.length)} fields and the tag) and filled in with pdf-lib as a PDF app
would. ${WARM_UP} untimed runs, then ${RUNS} timed, in Node ${process.version} on one thread. In the
app the parse runs in a Web Worker of its own (ended after 5 s): starting it and loading pdf-lib
into it adds a one-off cost per file that this doesn't measure.
`;

await writeBenchmarkSection('returned-tracker', report);
await mergeResults({
  returned_tracker_read_ms: {
    median: Math.round(read.median * 10) / 10,
    p95: Math.round(read.p95 * 10) / 10,
  },
  tracker_form_write_ms: {
    median: Math.round(write.median * 10) / 10,
    p95: Math.round(write.p95 * 10) / 10,
  },
});
console.log(report);

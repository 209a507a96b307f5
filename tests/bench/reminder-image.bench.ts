// `npm run bench`: one reminder image (PNG) drawn in Chromium, written to docs/benchmarks.md.
// Target (issue 11): ≤ 300 ms median for one image.
import { chromium } from '@playwright/test';
import type { Assignment } from '../../src-shared/domain/assignment';
import { reminderWordsOf } from '../../src-shared/domain/calendar-reminder';
import {
  type ReminderImageContent,
  reminderImageFormats,
  type ReminderImageKind,
  reminderImageKinds,
} from '../../src-shared/domain/reminder-image-layout';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/browser-app';
import { openReminderImagePage } from '../support/reminder-image-page';
import { machineDescription, writeBenchmarkSection } from './bench-report';

/** Measured images per kind and content, after the warm-up ones. */
const RUNS = 20;
const WARM_UP = 3;
const TARGET_MS = 300;

/** A typical plan, and the longest the assignment's fields allow (what, cue and where full). */
const contents: Record<'typical' | 'longest', ReminderImageContent> = {
  typical: reminderWordsOf({
    assignment: {
      discreetTitle: 'Getting out and about',
      plan: { what: 'walk to the gate', time: '18:30', cue: 'after dinner', where: 'our street' },
      days: [1, 3, 5],
      minimum: { label: 'Open the front door for one minute.', dose: null },
      discreetWording: { minimumDose: 'Step outside for one minute.' },
    } as unknown as Assignment,
    wording: 'practice',
  }),
  longest: {
    title: 'A calmer start to the day, one small step at a time, with tea by the window'.slice(
      0,
      120,
    ),
    plan: `I will ${'write three lines about what went a little better '.repeat(4).slice(0, 200)} on Monday, Tuesday, Wednesday, Thursday and Friday at 07:15, ${'straight after I switch the kettle on in the morning '.repeat(4).slice(0, 200)}, ${'at the kitchen table by the window with the radio on '.repeat(4).slice(0, 200)}.`,
    smallest: 'Write one line, even if it is only “the tea was good”, and that still counts.',
  },
};

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

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const verdict = (value: number) => (value <= TARGET_MS ? 'met' : '**not met**');

type Row = {
  kind: ReminderImageKind;
  content: keyof typeof contents;
  first: number;
  times: Stats;
  bytes: number;
};

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const rows: Row[] = [];
try {
  const { draw } = await openReminderImagePage(browser);
  for (const kind of reminderImageKinds) {
    for (const name of ['typical', 'longest'] as const) {
      const content = contents[name];
      const first = await draw(kind, content);
      for (let run = 1; run < WARM_UP; run++) await draw(kind, content);
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) times.push((await draw(kind, content)).ms);
      rows.push({
        kind,
        content: name,
        first: first.ms,
        times: stats(times),
        bytes: first.png.length,
      });
      console.log(`${kind}, ${name}: median ${ms(stats(times).median)}, first ${ms(first.ms)}`);
    }
  }
} finally {
  await browser.close();
}

const table = rows
  .map((row) => {
    const { width, height } = reminderImageFormats[row.kind];
    return `| ${row.kind} (${width}×${height}) | ${row.content} | ${row.times.count} | **${ms(row.times.median)}** | ${ms(row.times.p95)} | ${ms(row.times.max)} | ${ms(row.first)} | ${kb(row.bytes)} | ${verdict(row.times.median)} |`;
  })
  .join('\n');

const report = `## Reminder images: one PNG drawn (issue 11)

Machine: ${machineDescription()}.

Metric \`reminder_image_ms\`: one call of \`reminderImagePng(kind, content)\` in Chromium, from the
call to the PNG's bytes (target: median ≤ ${TARGET_MS} ms).

| image | content | images | reminder_image_ms, median | p95 | max | first in the page | PNG size | target |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${table}

Method: src-renderer/documents/reminder-image.ts bundled by esbuild and loaded into a blank page of
headless Chromium (\`--disable-gpu\`, so the canvas is drawn in software, as on a laptop without GPU
rasterisation), as the e2e spec does (tests/support/reminder-image-page.ts). Each image is timed in
the page with \`performance.now()\` around the whole call: laying the text out with the canvas's
\`measureText\` (every size tried from the largest down), drawing the background and the text on an
\`OffscreenCanvas\`, encoding the PNG (\`convertToBlob\`), reading its bytes and dropping any
metadata chunks. “First in the page” is the first image of that kind and content, before ${WARM_UP - 1}
more warm-up images; then ${RUNS} are measured. “Typical” is the discreet words of a plan like
“I will walk to the gate on Monday, Wednesday and Friday at 18:30, after dinner, at our street.”;
“longest” fills the plan's what, cue and place to their limits (200 characters each,
${contents.longest.plan.length} characters in all), which the layout sets at a smaller size.

Where the time goes (measured separately in the same browser): encoding a 1170×2532 PNG of the
background gradient alone takes about 26 ms and filling the gradient about 9 ms (a 1200×1200
card: 14 ms and 5 ms); the rest is laying the text out (\`measureText\` at each size tried) and
drawing it, which is why the longest plan, tried at more sizes before one fits, takes longer.
`;

await writeBenchmarkSection('reminder-image', report);
console.log(report);

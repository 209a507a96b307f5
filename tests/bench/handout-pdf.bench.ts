// `npm run bench`: the handout PDF of a full assignment (the worked example: goals, steps, plan,
// if-then plans, a week's tracker, worksheet prompts), rendered with react-pdf and the bundled
// fonts, in Node. Target (issue 11): median ≤ 1 s. Written to docs/benchmarks.md.
import { handoutOf } from '../../src-shared/domain/handout';
import { exampleHandoutInput } from '../../src-shared/domain/handout-examples';
import { useDocumentFontFiles } from '../../src-renderer/documents/fonts';
import { nodeDocumentFontFiles } from '../../src-renderer/documents/node-font-files';
import { readPdfPages } from '../../src-renderer/documents/pdf-text';
import { renderHandoutPdf } from '../../src-renderer/documents/render';
import {
  machineDescription,
  mergeResults,
  round,
  stats,
  writeBenchmarkSection,
} from './bench-report';

const RUNS = 15;
const TARGET_MS = 1000;

useDocumentFontFiles(nodeDocumentFontFiles());
const model = handoutOf(exampleHandoutInput);
const options = { pageSize: 'a4', largePrint: false } as const;

const started = performance.now();
const first = await renderHandoutPdf(model, options);
const firstMs = performance.now() - started;
const times: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  await renderHandoutPdf(model, options);
  times.push(performance.now() - t0);
}
const { median, p95 } = stats(times);
const pages = (await readPdfPages(first)).length;
const ms = (value: number) => `${Math.round(value)} ms`;

await writeBenchmarkSection(
  'handout-pdf',
  `## Handout PDF of a full assignment (issue 11)

Machine: ${machineDescription()}.

The worked example's handout (${pages} pages, A4: why it matters with a goal, three steps, the plan,
the smallest version, two if-then plans and the backup plan, a week's tracker, three worksheet
prompts), rendered by \`renderHandoutPdf\` with react-pdf and the bundled Noto Sans, in Node
(the app renders the same code in its renderer; measured there by hand at 150–290 ms).

| what | time | target |
| --- | --- | --- |
| first render (fonts loaded and laid out for the first time) | ${ms(firstMs)} | — |
| median of ${RUNS} renders after it | **${ms(median)}** | ≤ ${ms(TARGET_MS)}: ${median <= TARGET_MS ? 'met' : 'not met'} |
`,
);
await mergeResults({
  handout_pdf_ms: {
    median: round(median),
    p95: round(p95),
    runs: RUNS,
    first: round(firstMs),
    pages,
  },
});
console.log(`handout PDF: first ${ms(firstMs)}, median ${ms(median)} (${pages} pages)`);

// `npm run bench`, last: the summary of bench/results.json at the top of docs/benchmarks.md —
// every metric of issue 14 with its number, target and whether it was met. Fails (after writing
// the summary) when a metric is missing, so a benchmark that stopped reporting one is noticed.
import { readFile } from 'node:fs/promises';
import {
  heldValue,
  METRIC_TARGETS,
  type MetricName,
  type MetricResult,
  RESULTS_FILE,
  targetMet,
  targetText,
  writeBenchmarkSection,
} from './bench-report';

const results = JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as {
  machine: string;
  metrics: Record<string, MetricResult | undefined>;
};
const names = Object.keys(METRIC_TARGETS) as MetricName[];
const missing = names.filter((name) => results.metrics[name] === undefined);

const shown = (name: MetricName, result: MetricResult) => {
  const { on, unit } = METRIC_TARGETS[name];
  const value = heldValue(name, result);
  const text = unit === '×' ? `${value.toFixed(2)} ×` : `${value} ${unit}`;
  const other = on === 'median' ? result.p95 : on === 'p95' ? result.median : undefined;
  const otherText =
    typeof other === 'number' ? ` (${on === 'median' ? 'p95' : 'median'} ${other} ${unit})` : '';
  return `${on === 'value' ? '' : `${on} `}**${text}**${otherText}`;
};
const rows = names.map((name) => {
  const result = results.metrics[name];
  if (!result)
    return `| \`${name}\` | ${METRIC_TARGETS[name].what} | not measured | ${targetText(name)} | **not measured** |`;
  return `| \`${name}\` | ${METRIC_TARGETS[name].what} | ${shown(name, result)} | ${targetText(name)} | ${targetMet(name, result) ? 'met' : '**not met**'} |`;
});
const met = names.filter((name) => {
  const result = results.metrics[name];
  return result !== undefined && targetMet(name, result);
});

await writeBenchmarkSection(
  'summary',
  `## Summary: issue 14's metrics

Machine (when the last benchmark ran): ${results.machine}.

${met.length} of ${names.length} targets met. Each row comes from \`bench/results.json\`, where its
benchmark's section below explains what was measured and how; the p95 is the nearest rank, so with
fewer than 20 samples it is the slowest one.

| name in results.json | metric | measured | target | |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`,
  { first: true },
);
console.log(rows.join('\n'));
if (missing.length > 0) {
  console.error(`Not measured: ${missing.join(', ')}.`);
  process.exitCode = 1;
}

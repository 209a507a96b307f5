// The shared writer of docs/benchmarks.md: a title, then one section per benchmark between
// `<!-- bench:ID -->` and `<!-- /bench:ID -->`. Each benchmark replaces only its own section, so
// running one of them keeps the others' latest numbers.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { CHROMIUM_PATH } from '../harness/browser-app';

/** Where every benchmark writes its results. */
export const BENCHMARKS_FILE = 'docs/benchmarks.md';

const TITLE = `# Benchmarks

Measured by \`npm run bench\` (tests/bench/*.bench.ts). Each section is written by its own
benchmark and names the machine it ran on. Numbers are from one run; run it again on your machine
to compare. Benchmarks are never timed assertions in the tests.

The machines these ran on are shared 2-core VMs, and they differ: the same build has measured
twice as slow on one as on another (the KDF row of a section is a fair gauge), and the same
start screen 329–502 ms in three runs within an hour on one machine. Compare rows measured in the
same run, or sections that say they measured before and after on one machine, not numbers from
different sections or days.
`;

/**
 * Before sections existed the file held only the vault lifecycle benchmark, unmarked; it is kept
 * under that id until the benchmark runs again.
 */
const UNMARKED_SECTION = 'vault-lifecycle';

const sectionPattern = /<!-- bench:([\w-]+) -->\n([\s\S]*?)\n?<!-- \/bench:\1 -->/g;

function parseSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const [, id = '', body = ''] of text.matchAll(sectionPattern)) sections.set(id, body.trim());
  if (sections.size === 0) {
    // An unmarked file from before sections: everything from its first `##` heading on.
    const start = text.search(/^## /m);
    if (start >= 0) sections.set(UNMARKED_SECTION, text.slice(start).trim());
  }
  return sections;
}

/**
 * Replaces the section `id` of docs/benchmarks.md with `markdown` (a new one goes at the end, or
 * `first`, the summary, at the start), creating the file when missing, and formats the file as
 * `npm run format` would.
 */
export async function writeBenchmarkSection(
  id: string,
  markdown: string,
  { first = false }: { first?: boolean } = {},
): Promise<void> {
  if (!/^[\w-]+$/.test(id)) throw new Error(`Not a benchmark section id: ${id}`);
  const existing = existsSync(BENCHMARKS_FILE) ? await readFile(BENCHMARKS_FILE, 'utf8') : '';
  const existingSections = parseSections(existing);
  const sections = first
    ? new Map([[id, markdown.trim()], ...[...existingSections].filter(([key]) => key !== id)])
    : existingSections.set(id, markdown.trim());
  const body = [...sections]
    .map(([key, content]) => `<!-- bench:${key} -->\n\n${content}\n\n<!-- /bench:${key} -->`)
    .join('\n\n');
  const text = `${TITLE}\n${body}\n`;
  const options = (await resolveConfig(BENCHMARKS_FILE)) ?? {};
  const formatted = await format(text, { ...options, parser: 'markdown' });
  const temporary = `${BENCHMARKS_FILE}.tmp`;
  await writeFile(temporary, formatted);
  await rename(temporary, BENCHMARKS_FILE);
}

function chromiumVersion(): string {
  try {
    // Debian's wrapper script prints a shell warning on stderr; only stdout is the version.
    const output = execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    });
    return (
      output
        .trim()
        .split('\n')[0]
        ?.replace(/ built on .*$/, '') || `Chromium at ${CHROMIUM_PATH}`
    );
  } catch {
    return `Chromium at ${CHROMIUM_PATH} (version unknown)`;
  }
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty?.[1])
      return `${pretty[1]}, ${process.platform === 'linux' ? 'Linux' : process.platform} ${release()}`;
  } catch {
    // Not a Linux with /etc/os-release.
  }
  return `${process.platform} ${release()}`;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * One line naming the machine: CPUs, memory, OS, Node, Chromium and today's date, with the load
 * average when it is called (other work on the machine slows a benchmark down).
 */
export function machineDescription(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() || 'unknown CPU';
  return [
    `${processors.length} × ${model}`,
    `${megabytes(totalmem())} RAM (${megabytes(freemem())} free)`,
    `load average ${loadavg()[0]?.toFixed(1) ?? '?'}`,
    osName(),
    `Node ${process.version}`,
    chromiumVersion(),
    `date ${new Date().toISOString().slice(0, 10)}`,
  ].join(', ');
}

/** Where every benchmark merges its metrics. */
export const RESULTS_FILE = 'bench/results.json';

/** A metric's samples summarised: the median and the 95th percentile (nearest rank). */
export type Stats = { count: number; median: number; p95: number; min: number; max: number };

/** The median, p95 (nearest rank: with fewer than 20 samples, the slowest), min and max. */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2
      ? (sorted[middle] ?? NaN)
      : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
  const p95 = sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN;
  return { count: sorted.length, median, p95, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

/** One decimal, as the results file keeps numbers. */
export const round = (value: number) => Math.round(value * 10) / 10;

/** A metric's target: which of its numbers is held to it, and the bounds. */
export type MetricTarget = {
  /** What is measured, as issue 14's table says it. */
  what: string;
  /** The number held to the target: the median, the p95, or a single value. */
  on: 'median' | 'p95' | 'value';
  min?: number;
  max: number;
  unit: 'ms' | 'MB' | '×';
};

/** Issue 14's table: every metric `npm run bench` reports, with its target on this machine. */
export const METRIC_TARGETS = {
  start_screen_ms: {
    what: 'cold load to an interactive start screen',
    on: 'median',
    max: 250,
    unit: 'ms',
  },
  unlock_to_today_ms: {
    what: 'unlock, excluding the KDF, to Today ready',
    on: 'median',
    max: 500,
    unit: 'ms',
  },
  kdf_ms: { what: 'KDF at default settings', on: 'median', min: 500, max: 1500, unit: 'ms' },
  open_client_ms: {
    what: 'open a client with 100 assignments',
    on: 'median',
    max: 100,
    unit: 'ms',
  },
  search_keystroke_ms: {
    what: 'library search per keystroke (500 templates)',
    on: 'p95',
    max: 5,
    unit: 'ms',
  },
  save_assignment_ms: {
    what: 'save an assignment (encrypt + durable commit)',
    on: 'p95',
    max: 20,
    unit: 'ms',
  },
  mirror_ms: { what: 'builder keystroke to client view updated', on: 'p95', max: 100, unit: 'ms' },
  insights_ms: { what: 'practice-wide Insights ready', on: 'median', max: 500, unit: 'ms' },
  backup_ms: { what: 'back up the large vault', on: 'median', max: 3000, unit: 'ms' },
  verify_ms: { what: 'verify the large vault’s backup', on: 'median', max: 3000, unit: 'ms' },
  restore_ms: { what: 'restore the large vault', on: 'median', max: 5000, unit: 'ms' },
  handout_pdf_ms: { what: 'handout PDF', on: 'median', max: 1000, unit: 'ms' },
  heap_mb: {
    what: 'renderer JS heap, large vault open, every screen visited',
    on: 'value',
    max: 250,
    unit: 'MB',
  },
  read_ratio: {
    what: 'reads, encrypted ÷ plaintext, same data, same run',
    on: 'value',
    max: 1.5,
    unit: '×',
  },
  save_ratio: {
    what: 'saves, encrypted ÷ plaintext, same data, same run',
    on: 'value',
    max: 1.5,
    unit: '×',
  },
} as const satisfies Record<string, MetricTarget>;

/** A metric of issue 14's table. */
export type MetricName = keyof typeof METRIC_TARGETS;

/** What a benchmark reports for one metric: its held number (`median`, `p95` or `value`) and more. */
export type MetricResult = Record<string, number | string | boolean>;

/** The target as one phrase, e.g. "median ≤ 250 ms" or "median 500–1500 ms". */
export function targetText(name: MetricName): string {
  const target: MetricTarget = METRIC_TARGETS[name];
  const bound = target.min === undefined ? `≤ ${target.max}` : `${target.min}–${target.max}`;
  const unit = target.unit === '×' ? '' : ` ${target.unit}`;
  return `${target.on === 'value' ? '' : `${target.on} `}${bound}${unit}`;
}

/** The number a metric is held to, or NaN when the result lacks it. */
export function heldValue(name: MetricName, result: MetricResult): number {
  const value = result[METRIC_TARGETS[name].on];
  return typeof value === 'number' ? value : NaN;
}

/** Whether a result meets its metric's target. */
export function targetMet(name: MetricName, result: MetricResult): boolean {
  const target: MetricTarget = METRIC_TARGETS[name];
  const value = heldValue(name, result);
  return value <= target.max && (target.min === undefined || value >= target.min);
}

/**
 * Merges `metrics` into bench/results.json, keeping every other benchmark's metrics; each of
 * issue 14's metrics gets its `target` and whether it was `met`. The machine is described anew.
 */
export async function mergeResults(metrics: Record<string, MetricResult>): Promise<void> {
  const existing = existsSync(RESULTS_FILE)
    ? (JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as {
        metrics?: Record<string, MetricResult>;
      })
    : {};
  const judged = Object.fromEntries(
    Object.entries(metrics).map(([name, result]) =>
      name in METRIC_TARGETS
        ? [
            name,
            {
              ...result,
              target: targetText(name as MetricName),
              met: targetMet(name as MetricName, result),
            },
          ]
        : [name, result],
    ),
  );
  const merged = { machine: machineDescription(), metrics: { ...existing.metrics, ...judged } };
  await mkdir(dirname(RESULTS_FILE), { recursive: true });
  await writeFile(`${RESULTS_FILE}.tmp`, `${JSON.stringify(merged, null, 2)}\n`);
  await rename(`${RESULTS_FILE}.tmp`, RESULTS_FILE);
}

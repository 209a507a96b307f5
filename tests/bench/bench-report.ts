// The shared writer of docs/benchmarks.md: a title, then one section per benchmark between
// `<!-- bench:ID -->` and `<!-- /bench:ID -->`. Each benchmark replaces only its own section, so
// running one of them keeps the others' latest numbers.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { format, resolveConfig } from 'prettier';
import { CHROMIUM_PATH } from '../harness/browser-app';

/** Where every benchmark writes its results. */
export const BENCHMARKS_FILE = 'docs/benchmarks.md';

const TITLE = `# Benchmarks

Measured by \`npm run bench\` (tests/bench/*.bench.ts). Each section is written by its own
benchmark and names the machine it ran on. Numbers are from one run; run it again on your machine
to compare. Benchmarks are never timed assertions in the tests.
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
 * Replaces (or adds, at the end) the section `id` of docs/benchmarks.md with `markdown`, creating
 * the file when missing, and formats the file as `npm run format` would.
 */
export async function writeBenchmarkSection(id: string, markdown: string): Promise<void> {
  if (!/^[\w-]+$/.test(id)) throw new Error(`Not a benchmark section id: ${id}`);
  const existing = existsSync(BENCHMARKS_FILE) ? await readFile(BENCHMARKS_FILE, 'utf8') : '';
  const sections = parseSections(existing);
  sections.set(id, markdown.trim());
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

// `npm run bench`: the start screen after a cold load, written to docs/benchmarks.md. Target
// (issue 8, item 9): start screen interactive ≤ 250 ms after navigation, median of 10 cold loads.
//
// `tsx tests/bench/start-screen.bench.ts --baseline <renderer dir> --baseline-label <text>` also
// measures an earlier build (e.g. one built with `npx electron-vite build --outDir <dir>` from an
// earlier commit), interleaved with the current one, so both rows come from the same conditions.
import type { BrowserContext, Page } from '@playwright/test';
import { cp, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dispatchIpc } from '../../src-main/services/dispatch';
import { createHandlers } from '../../src-main/services/handlers';
import { toBase64 } from '../../src-shared/crypto/bytes';
import { scriptedDialogs } from '../fixtures/dialogs';
import { buildVault } from '../fixtures/vaults';
import {
  type AppServer,
  launchBrowserApp,
  makeTempDir,
  NAME_HELPER,
  removeDir,
  startAppServer,
} from '../harness/browser-app';
import {
  machineDescription,
  mergeResults,
  round,
  stats,
  writeBenchmarkSection,
} from './bench-report';

/** Cold loads per build and start screen. */
const LOADS = 10;
const TARGET_MS = 250;
/** How long the clinician looks at the unlock form before unlocking (typing takes longer). */
const TYPING_PAUSE_MS = 1_000;
const PASSPHRASE = 'violet orchard kettle 7 drift';
/** The metric's name where results are collected. */
const METRIC = 'start_screen_ms';

/** The two start screens: the create form on a first run, the unlock form with one vault. */
type Scenario = 'create' | 'unlock';

/** What one cold load measured, in ms after navigation start unless said otherwise. */
type Load = {
  /** The form's first text field is in the DOM and enabled (seen by a MutationObserver). */
  dom: number;
  /** The first animation frame in which that field is also laid out: the frame that paints it. */
  frame: number;
  /** The entry module has run (DOMContentLoaded waits for module scripts). */
  scriptsRun: number;
  /** Bytes of JavaScript the page had fetched when the field was painted. */
  scriptBytes: number;
  /** The field's label, to show which field was timed. */
  field: string;
  /** Unlock form only: ms from the click on Unlock until the app's navigation is painted. */
  unlock?: number;
};

type StartScreenTiming = Omit<Load, 'unlock'>;

/**
 * Runs in the page before any of its scripts (an init script). `performance.now()` counts from
 * the navigation's start (the page's time origin), so the times include fetching the HTML and
 * every script, running them, the start screen's `vault:list` call and React's first render.
 */
function timeStartScreen(): void {
  const fieldSelector =
    'main form :is(input:not([type]), input[type=text], input[type=password]):not(:disabled)';
  const field = () => document.querySelector<HTMLInputElement>(fieldSelector);
  const label = (input: HTMLInputElement) =>
    (input.labels?.[0]?.textContent ?? input.getAttribute('aria-label') ?? '')
      .replace(/\s*\*\s*$/, '') // Mantine's mark of a required field
      .trim();
  const scriptBytes = () =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => /\.m?js$/.test(new URL(entry.name).pathname))
      .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0);
  (window as unknown as { benchStartScreen: Promise<StartScreenTiming> }).benchStartScreen =
    new Promise((done, fail) => {
      let dom = -1;
      const observer = new MutationObserver(() => {
        if (dom < 0 && field()) {
          dom = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
      const poll = () => {
        const input = field();
        if (input && input.getClientRects().length > 0) {
          const frame = performance.now();
          observer.disconnect();
          const [navigation] = performance.getEntriesByType(
            'navigation',
          ) as PerformanceNavigationTiming[];
          done({
            dom: dom < 0 ? frame : dom,
            frame,
            scriptsRun: navigation?.domContentLoadedEventStart ?? NaN,
            scriptBytes: scriptBytes(),
            field: label(input),
          });
        } else if (performance.now() > 20_000) {
          observer.disconnect();
          fail(new Error('The start screen showed no form within 20 s.'));
        } else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
}

/** Times the next click until the app's main navigation is painted (after unlocking). */
async function armUnlockTimer(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { benchUnlock: Promise<number> }).benchUnlock = new Promise(
      (done, fail) => {
        window.addEventListener(
          'click',
          () => {
            const clickedAt = performance.now();
            const poll = () => {
              const navigation = document.querySelector('nav[aria-label="Main navigation"]');
              if (navigation && navigation.getClientRects().length > 0) {
                done(performance.now() - clickedAt);
              } else if (performance.now() - clickedAt > 60_000) {
                fail(new Error('The vault did not open within 60 s.'));
              } else requestAnimationFrame(poll);
            };
            requestAnimationFrame(poll);
          },
          { capture: true, once: true },
        );
      },
    );
  });
}

/** A data folder holding one vault (floor KDF settings, passphrase PASSPHRASE) and nothing else. */
async function dataFolderWithOneVault(): Promise<string> {
  const dataDir = await makeTempDir('bench-start-data');
  const handlers = createHandlers({
    dataDir,
    defaultBackupFolder: join(dataDir, 'backups'),
    dialogs: scriptedDialogs(),
  });
  const vault = await buildVault(PASSPHRASE);
  const created = await dispatchIpc(handlers, 'vault:create', {
    header: toBase64(vault.headerBytes),
  });
  if (!created.ok) throw new Error(`vault:create failed: ${created.error.message}`);
  return dataDir;
}

/**
 * One cold load: a new Chromium with a new profile (empty HTTP and code caches), the app on a
 * new data folder (empty, or a copy of `vaultData`), timed from navigation start.
 */
async function coldLoad(origin: string, scenario: Scenario, vaultData: string): Promise<Load> {
  const dataDir = await makeTempDir('bench-start-data');
  const profileDir = await makeTempDir('bench-start-profile');
  const backupDir = await makeTempDir('bench-start-backups');
  if (scenario === 'unlock') await cp(vaultData, dataDir, { recursive: true });
  const app = await launchBrowserApp({
    origin,
    dataDir,
    profileDir,
    backupDir,
    dialogs: scriptedDialogs(),
    beforeLoad: async (context: BrowserContext) => {
      await context.addInitScript({
        content: `${NAME_HELPER}\n(${timeStartScreen.toString()})();`,
      });
    },
  });
  try {
    const { page } = app;
    const timing = await page.evaluate(
      () =>
        (window as unknown as { benchStartScreen: Promise<StartScreenTiming> }).benchStartScreen,
    );
    if (scenario === 'create') return timing;
    await page.waitForTimeout(TYPING_PAUSE_MS);
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(PASSPHRASE);
    await armUnlockTimer(page);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    const unlock = await page.evaluate(
      () => (window as unknown as { benchUnlock: Promise<number> }).benchUnlock,
    );
    return { ...timing, unlock };
  } finally {
    await app.close();
    await Promise.all([dataDir, profileDir, backupDir].map((dir) => removeDir(dir)));
  }
}

/**
 * A page with the start screen's field and nothing else: no script, no stylesheet. Loaded the same
 * way, it shows what the browser itself takes on this machine before any of the app's work.
 */
const FLOOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><title>Bridgework</title></head>
<body><main><form><label>Vault name <input type="text"></label></form></main></body></html>`;

/** A folder holding only FLOOR_PAGE, as index.html. */
async function floorPageFolder(): Promise<string> {
  const root = await makeTempDir('bench-start-floor');
  await writeFile(join(root, 'index.html'), FLOOR_PAGE);
  return root;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

type Build = { label: string; root: string; server?: AppServer };
type Results = Record<Scenario, Load[]>;

const { values: args } = parseArgs({
  options: {
    baseline: { type: 'string' },
    'baseline-label': { type: 'string', default: 'baseline' },
  },
});

const builds: Build[] = [
  ...(args.baseline
    ? [{ label: args['baseline-label'] ?? 'baseline', root: resolve(args.baseline) }]
    : []),
  { label: 'this build', root: resolve('out/renderer') },
];
const results = new Map<Build, Results>(builds.map((build) => [build, { create: [], unlock: [] }]));
const floor: Build = { label: 'no app: a page with only the field', root: await floorPageFolder() };
const floorLoads: Load[] = [];
const vaultData = await dataFolderWithOneVault();
try {
  for (const build of [...builds, floor]) build.server = await startAppServer(build.root);
  // Interleaved, so a busy moment of the machine falls on every build alike.
  for (let round = 0; round < LOADS; round++) {
    for (const build of builds) {
      for (const scenario of ['create', 'unlock'] as const) {
        const load = await coldLoad(build.server?.origin ?? '', scenario, vaultData);
        results.get(build)?.[scenario].push(load);
        console.log(
          `${build.label}, ${scenario} #${round + 1}: ${ms(load.frame)}${load.unlock ? `, unlock ${ms(load.unlock)}` : ''}`,
        );
      }
    }
    const load = await coldLoad(floor.server?.origin ?? '', 'create', vaultData);
    floorLoads.push(load);
    console.log(`${floor.label} #${round + 1}: ${ms(load.frame)}`);
  }
} finally {
  for (const build of [...builds, floor]) await build.server?.close();
  await removeDir(vaultData);
  await removeDir(floor.root);
}

const verdict = (value: number) => (value <= TARGET_MS ? 'met' : '**not met**');
const rows = builds.flatMap((build) => {
  const runs = results.get(build);
  if (!runs) return [];
  return (['create', 'unlock'] as const).map((scenario) => {
    const loads = runs[scenario];
    const frames = loads.map((load) => load.frame);
    const unlock = loads.flatMap((load) => (load.unlock === undefined ? [] : [load.unlock]));
    return [
      build.label,
      scenario === 'create'
        ? `first run: create form (“${loads[0]?.field ?? '?'}”)`
        : `one vault: unlock form (“${loads[0]?.field ?? '?'}”)`,
      loads.length,
      ms(median(loads.map((load) => load.scriptsRun))),
      mb(median(loads.map((load) => load.scriptBytes))),
      ms(median(loads.map((load) => load.dom))),
      `**${ms(median(frames))}**`,
      `${ms(Math.min(...frames))}–${ms(Math.max(...frames))}`,
      unlock.length ? ms(median(unlock)) : '—',
      verdict(median(frames)),
    ];
  });
});
const floorFrames = floorLoads.map((load) => load.frame);
rows.push([
  floor.label,
  'the same field, no script or stylesheet',
  floorLoads.length,
  '—',
  '—',
  ms(median(floorLoads.map((load) => load.dom))),
  `**${ms(median(floorFrames))}**`,
  `${ms(Math.min(...floorFrames))}–${ms(Math.max(...floorFrames))}`,
  '—',
  '(the browser alone)',
]);

const report = `## Start screen: interactive after a cold load (issue 8)

Machine: ${machineDescription()}.

Metric \`${METRIC}\`: the start screen's first field painted and enabled, in ms after navigation
start, median of ${LOADS} cold loads (target: ≤ ${TARGET_MS} ms).

| build | start screen | loads | scripts run, median | JavaScript fetched | field in the DOM, median | ${METRIC} (painted), median | range | unlock → app painted, median | target |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}

The last row is the browser on its own: a page holding nothing but a form with one text field,
served and timed the same way (the harness, its init scripts, a new profile), one load in each
round. No build of the app can be painted sooner than that; the difference between it and a
start screen is the app's own cost.

Method: each load is a new headless Chromium with a new, empty profile (no HTTP cache, no code
cache) opening the built renderer, served with the app's headers and CSP by the test harness, with
the real main-process handlers on a new data folder: empty for the first run, or holding one vault
(so the start screen goes straight to its unlock form). An init script, which runs before the
page's own scripts, times the load with \`performance.now()\`, which counts from the navigation's
start: “field in the DOM” is the first DOM change after which the form's first text field exists and
is enabled (a MutationObserver), \`${METRIC}\` the first animation frame in which it is also laid
out, i.e. the frame that paints it. “Scripts run” is DOMContentLoaded, which waits for the entry
module to run; the rest is the start screen's \`vault:list\` call and React's render. “JavaScript
fetched” is the scripts' encoded size loaded by then. For the unlock form the clinician then waits
${TYPING_PAUSE_MS / 1000} s (typing a passphrase takes longer), fills it in and presses Unlock
(Argon2id at the floor settings the tests use); “unlock → app painted” is from that click to the
first frame with the app's navigation laid out, so a slower unlocked app would show there.

Where the time goes (a Chromium trace and CPU profile of one load of this build, 2026-12-01, on a
quiet machine where \`${METRIC}\` was about 340 ms): about 50 ms before the HTML is parsed (a new
renderer process and the harness's init scripts), 30–60 ms fetching the up-front scripts from the
harness's server, 50–80 ms running them (mostly building zod schemas of the IPC contract and the
domain, which the session layer and the start screen import through the data layer, then React
DOM and Dexie), about 30 ms for React's first render (a spinner while \`vault:list\` is asked),
30–50 ms for that answer, which is asked only after the first render, and about 30 ms for the
render that shows the form. Since then the vault's store code (Dexie, the repositories and the
domain schemas) and the import-from-backup flow load only when a vault is opened or imported,
the start screen checks names without zod, and the vault list is asked for before React's
first render, so the first render shows the form rather than a spinner: the up-front scripts
went from 0.56 MB to 0.34 MB. The target of 250 ms is not met reliably on this machine (runs
here ranged from about 260 ms on a quiet moment to 300–370 ms while other suites ran): what
remains is mostly the new renderer process, fetching and running React, Mantine and the theme
(and Mantine's 250 KB stylesheet), and the \`vault:list\` round trip.

On 2026-12-02 each script's request timing in a cold load (Resource Timing) showed where the
fetching goes: all sixteen up-front files are asked for within about 60 ms of navigation, but
their responses arrive one after another until about 240 ms, because the harness serves them
over HTTP/1.1, where Chromium opens at most six connections to one server; the server itself
answers each in about 1 ms. The app's own \`app://\` scheme has no such limit, so the harness
overstates this part. Splitting the rarely shown demo-vault and recovery-key steps out of the
start screen cut its scripts from 0.44 to 0.34 MB but made more files, and measured 40–50 ms
slower in two interleaved runs, so it was not kept; merging the start screen's modules into one
file (rolldown's \`codeSplitting\` groups) also merged the two windows' entry code, so the client
view would have run the therapist's start-up code, and was not kept either.

${
  args.baseline
    ? `“${builds[0]?.label}” is an earlier renderer build (\`--baseline\`), measured in the same run, load by load in turn with this one.`
    : ''
}
`;

await writeBenchmarkSection('start-screen', report);
// The metric: every cold load of this build, to either start screen (first run or one vault).
const current = results.get(builds.at(-1) as Build);
const frames = stats([...(current?.create ?? []), ...(current?.unlock ?? [])].map((l) => l.frame));
await mergeResults({
  [METRIC]: {
    median: round(frames.median),
    p95: round(frames.p95),
    loads: frames.count,
    create_form_median: round(median(current?.create.map((load) => load.frame) ?? [])),
    unlock_form_median: round(median(current?.unlock.map((load) => load.frame) ?? [])),
    browser_alone_median: round(median(floorFrames)),
  },
});
console.log(report);

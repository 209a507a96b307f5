// Today after unlocking a vault with 300 clients and 6,000 sessions, with the reads behind it
// timed part by part, written to docs/benchmarks.md. A diagnostic run by hand
// (`tsx tests/bench/today.bench.ts`, after `npx electron-vite build`): the metric itself,
// `unlock_to_today_ms`, is measured on the large vault by large-vault.bench.ts in `npm run bench`.
import { resolve } from 'node:path';
import { scriptedDialogs } from '../fixtures/dialogs';
import { loadBuiltinTemplates } from '../fixtures/library';
import { launchBrowserApp, makeTempDir, removeDir, startAppServer } from '../harness/browser-app';
import {
  createVault,
  lock,
  PASSPHRASE,
  pageBundle,
  passphraseField,
  seedPage,
  timedUnlock,
  type Unlock,
  vaultHeader,
} from './bench-app';
import { machineDescription, stats, writeBenchmarkSection } from './bench-report';
import type { ProbeResult, SeedPlan, SeedResult } from './today-seed';

const TARGET_MS = 300;
/** Unlocks measured of each kind: locked and unlocked again, and after the app restarted. */
const RUNS = 5;
/** Times the reads behind Today are timed on their own (in a separate page). */
const PROBES = 5;
const PLAN: SeedPlan = {
  clients: 300,
  sessionsPerClient: 20,
  activeClients: 60,
  pausedClients: 40,
  seed: 20_261_201,
};
const METRIC = 'today_ms';

type SeedModule = typeof import('./today-seed');

const ms = (value: number) => `${value.toFixed(0)} ms`;

const templates = loadBuiltinTemplates();
const bundle = await pageBundle('tests/bench/today-seed.ts', 'benchTodaySeed');
const server = await startAppServer(resolve('out/renderer'));
const dataDir = await makeTempDir('bench-today-data');
const profileDir = await makeTempDir('bench-today-profile');
const backupDir = await makeTempDir('bench-today-backups');
let seeded: SeedResult;
const probes: ProbeResult[] = [];
const afterLock: Unlock[] = [];
const afterRestart: Unlock[] = [];
try {
  const app = await launchBrowserApp({
    origin: server.origin,
    dataDir,
    profileDir,
    backupDir,
    dialogs: scriptedDialogs(),
  });
  try {
    const { page } = app;
    await createVault(app);
    const headerBase64 = await vaultHeader(page);

    const seeder = await seedPage(app, server.origin, bundle);
    seeded = await seeder.evaluate(
      ({ headerBase64, passphrase, templates, plan }) =>
        (globalThis as unknown as { benchTodaySeed: SeedModule }).benchTodaySeed.seed({
          headerBase64,
          passphrase,
          templates,
          plan,
        }),
      { headerBase64, passphrase: PASSPHRASE, templates, plan: PLAN },
    );
    console.log(`seeded in ${ms(seeded.seedMs)}:`, seeded);
    for (let n = 0; n < PROBES; n++) {
      probes.push(
        await seeder.evaluate(
          ({ headerBase64, passphrase }) =>
            (globalThis as unknown as { benchTodaySeed: SeedModule }).benchTodaySeed.probe({
              headerBase64,
              passphrase,
            }),
          { headerBase64, passphrase: PASSPHRASE },
        ),
      );
      console.log('probe', probes.at(-1));
    }
    await seeder.close();

    // Interleaved, so a busy moment of the machine falls on both kinds alike.
    for (let run = 0; run < RUNS; run++) {
      // The app restarted: a new page load, then the clinician types the passphrase.
      await page.reload();
      await passphraseField(page).waitFor();
      await page.waitForTimeout(1_000);
      afterRestart.push(await timedUnlock(page));
      console.log(`after a restart #${run + 1}:`, afterRestart.at(-1));
      await page.waitForTimeout(2_000);
      await lock(page);
      await page.waitForTimeout(1_000);
      // Locked and unlocked again in the same window.
      afterLock.push(await timedUnlock(page));
      console.log(`after locking #${run + 1}:`, afterLock.at(-1));
      await page.waitForTimeout(2_000);
      await lock(page);
    }
  } finally {
    await app.close();
  }
} finally {
  await server.close();
  await Promise.all([dataDir, profileDir, backupDir].map((dir) => removeDir(dir)));
}

const summary = (runs: Unlock[]) => ({
  total: stats(runs.map((run) => run.painted)),
  kdf: stats(runs.map((run) => run.kdfEnd - run.kdfStart)),
  beforeKdf: stats(runs.map((run) => run.kdfStart)),
  afterKdf: stats(runs.map((run) => run.painted - run.kdfEnd)),
  shell: stats(runs.map((run) => run.shell - run.kdfEnd)),
  shellToDom: stats(runs.map((run) => run.inDom - run.shell)),
  rows: runs[0]?.rows ?? 0,
  days: runs[0]?.days ?? 0,
  due: runs[0]?.rowsWithPracticeDue ?? 0,
});
const restart = summary(afterRestart);
const relock = summary(afterLock);
const verdict = (value: number) =>
  value <= TARGET_MS ? 'met' : `**not met** (+${ms(value - TARGET_MS)})`;
const probe = (pick: (result: ProbeResult) => number) => stats(probes.map(pick)).median;
const p = {
  kdf: probe((r) => r.kdfMs),
  rows: probe((r) => r.readSessionRowsMs),
  decrypt: probe((r) => r.decryptSessionsMs),
  parse: probe((r) => r.decryptAndParseMs),
  open: probe((r) => r.openRowsMs),
  between: probe((r) => r.startingBetweenMs),
  clients: probe((r) => r.clientsAllMs),
  perClient: probe((r) => r.perClientMs),
  query: probe((r) => r.todayQueryMs),
};
const row = (label: string, s: ReturnType<typeof summary>) =>
  `| ${label} | ${s.total.count} | ${ms(s.beforeKdf.median)} | ${ms(s.kdf.median)} | ${ms(s.shell.median)} | ${ms(s.shellToDom.median)} | **${ms(s.afterKdf.median)}** (${ms(s.afterKdf.min)}–${ms(s.afterKdf.max)}) | ${verdict(s.afterKdf.median)} | ${ms(s.total.median)} |`;

const report = `## Today after unlocking: 300 clients, 6,000 sessions

Machine: ${machineDescription()}.

Metric \`${METRIC}\`: from the key derivation done (the passphrase's Argon2id key back on the page)
to Today painted with its sessions, median of ${RUNS} unlocks after the app started (target: ≤
${TARGET_MS} ms). The whole unlock, from the click on Unlock, is in the last column.

| unlock | runs | click → KDF starts | KDF (Argon2id worker) | KDF done → app shell in the DOM | shell → Today's sessions in the DOM | **\`${METRIC}\`: KDF done → Today painted** (range) | target | click → Today painted |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${row('after the app started (page reloaded)', restart)}
${row('locked and unlocked again (same page)', relock)}

The machine was shared with other work: runs of this benchmark on 2026-12-01 gave medians of
570–915 ms after a start and 348–564 ms after a lock; the target was missed in every run.

When it was painted, Today showed ${restart.rows} sessions on ${restart.days} day(s), ${restart.due} of
them with practice due for review: Today draws its first day at once and the rest of the week
(the weekdays among today and the next seven, ${probes[0]?.upcoming ?? 0} sessions in all) once the page is idle. Argon2id ran with the vault's own settings, calibrated on this
machine when it was created (${seeded.kdf.opsLimit} passes, ${seeded.kdf.memLimitBytes / 1024 / 1024} MiB). The KDF column is the app's worker
from its creation to the key's arrival, so it includes starting the worker and loading libsodium
in it; Argon2id alone, on a page's main thread with the same settings, took ${ms(p.kdf)}
(median of ${PROBES}).

### Where the time goes

Today's query (\`useUpcomingSessions\`) step by step, timed with the app's repositories, without
React, in the page that seeded the vault (so its code is warm; median of ${PROBES}):

| read | time |
| --- | --- |
| the ${seeded.sessions.toLocaleString('en')} sealed session rows out of IndexedDB (Dexie \`toArray\`) | ${ms(p.rows)} |
| decrypting them only (XChaCha20-Poly1305) | ${ms(p.decrypt)} |
| decrypting them and parsing their JSON | ${ms(p.parse)} |
| opening them as the app does (\`openRow\`: decrypt, JSON, text repair, zod validation) | ${ms(p.open)} |
| \`sessions.startingBetween\` for Today's window: the ${seeded.clients} clients' session calendars, then only the sessions it needs | ${ms(p.between)} |
| \`clients.all()\` (${seeded.clients} clients), which Today no longer reads: it opens only the clients on the week's sessions | ${ms(p.clients)} |
| the older way, for comparison: each upcoming client's \`sessions.forClient\` and \`assignments.forClient\` (${probes[0]?.upcoming ?? 0} sessions in the window) | ${ms(p.perClient)} |
| the window, the clients and those clients' sessions and assignments read one by one | ${ms(p.query)} |

Opening the app's store and rendering its shell after the key arrives is small (${ms(relock.shell.median)} after a lock,
${ms(restart.shell.median)} after a start, which also loads the vault's code). A session's start
is inside its sealed record (only random ids are indexed), so Today reads each client's small
encrypted session calendar (\`sessionCalendars\`, rewritten with the client's sessions in the
same transaction) and opens only the sessions in the window and the one before each; several
clients' practice in play is opened by id (\`assignments.inPlayFor\`: their active assignments
from the insight summaries and those the agendas name). Opening every session, as the
first version did, would cost the first rows of this table, growing with every session ever held.

After a start the same work runs on a new page, with nothing compiled yet. A CPU profile of the
page over the whole unlock (Chromium's profiler, 2026-12-01, two unlocks of each kind) puts the
difference there: V8 compiling and setting up code (its “(program)” time, about 400 ms after a
start against 180–220 ms after a lock), React and Mantine rendering the shell and Today for the
first time (about 260–290 ms of script in their chunks, against about 60 ms), the data layer's
chunk (zod, Dexie, the repositories, opening the sessions) running cold (about 320 ms against
170–180 ms) and more garbage collection (80–110 ms against 25–50 ms).

Today's query was changed after the first runs of this benchmark (from opening every session, 435–883 ms, to the calendars). On 2026-12-02 three more changes followed: the practice in play is found with IndexedDB's own counts and one indexed read per client instead of Dexie's cursor walks (\`anyOf\`, \`eachKey\`), which took 300–360 ms of the 450 ms that \`assignments.inPlayFor\` took for 60 clients (now about 110 ms); only the week's clients are opened; and the first day is drawn before the rest of the week. Measured on the same machine earlier that day, before these changes, this benchmark gave 860 ms after a start and 619 ms after a lock. The target is still missed: what remains after a start is mostly compiling and first rendering. Those changes measured 522 ms after a start and 380 ms after a lock on that machine. The table above comes from a later run on a VM about twice as slow at this (a second session that day): there the build before that session's changes (c6c9a87, which already had the three above) gave 1138 ms and 527 ms, and the build with them 1054 ms and 585 ms, the same within the noise.

### Method

The real app (built renderer, real main-process handlers) in headless Chromium. A vault is
created through the start screen, locked, and seeded from a second page of the same origin
(IndexedDB is per origin): \`tests/bench/today-seed.ts\`, bundled by esbuild, unlocks the vault's
header with the passphrase and writes through the app's own data layer (\`openVaultSession\` and
the clients, sessions and assignments repositories), one durable transaction per client, so every
record is validated, sealed and indexed exactly as the app does it. From a fixed seed
(${PLAN.seed}): ${seeded.clients} clients with invented names (${PLAN.activeClients} active, ${PLAN.pausedClients} paused, the rest discharged),
${PLAN.sessionsPerClient} sessions each (${seeded.sessions.toLocaleString('en')}; ${(seeded.sealedSessionBytes / seeded.sessions).toFixed(0)} bytes sealed on average): held or cancelled in
the past with topics, a summary and private notes, and for each active client weekly sessions
on into the week after Today's window (${seeded.sessionsInTodayWindow} sessions in it: those who come on today's weekday have two); ${seeded.assignments} assignments
from the built-in templates, ${seeded.activeAssignments} of them active (three for each active client, so each of their
sessions has practice due, and their last session reviewed or set aside the one before). Record
ids and nonces are random, as the app makes them. Seeding took ${(seeded.seedMs / 1000).toFixed(0)} s. Then, ${RUNS} times in
turn: the page is reloaded (as if the app started), the passphrase typed after a second and
Unlock clicked; and after Lock, the same again without a reload. Times are measured in the page
from the click (a capturing listener): the Argon2id worker's start and its answer (the page's
\`Worker\` constructor is wrapped for the run, since the app marks no such moment), the main
navigation in the DOM, and Today's first day with its session rows in the DOM (a
MutationObserver) and painted (the first animation frame with the first row laid out). Between
runs the app idles for 2 s after Today shows, so the library's preparation in the background has
finished before locking.
`;

await writeBenchmarkSection('today', report);
console.log(report);

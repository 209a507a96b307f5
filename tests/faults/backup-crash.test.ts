import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBase64, toHex } from '../../src-shared/crypto/bytes';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { BackupReader } from '../../src-shared/vault/backup-format';
import { inspectBackupFile, isTemporaryBackupName } from '../../src-main/services/backup-file';
import { createBackupStore } from '../../src-main/services/backup-store';
import { createSettingsStore, type SettingsStore } from '../../src-main/services/settings-store';
import { buildVault } from '../fixtures/vaults';
import type { WriterFixture } from './backup-writer-child';

/**
 * Kills a process that is writing backups with SIGKILL at random moments, many times over, and
 * checks after every kill that the backup folder still holds the last complete backup and that
 * nothing half-written is listed or can be restored as a backup.
 */

const TRIALS = 200;
/** Records per backup and plaintext bytes per record: backups of about 330 KB. */
const RECORDS = 300;
const RECORD_BYTES = 1000;
/** The writer sends its backup in chunks of about this size, as the renderer does. */
const CHUNK_BYTES = 48 * 1024;
/** Writer processes loading ahead of the one being killed. */
const WARM_WRITERS = 2;

const CHILD_SOURCE = fileURLToPath(new URL('./backup-writer-child.ts', import.meta.url));

let root: string;
let dataDir: string;
let folder: string;
let childScript: string;
let fixturePath: string;
let settings: SettingsStore;
let vaultId: string;
const running = new Set<ChildProcessWithoutNullStreams>();

/** xorshift32: the random kill moments are reproducible from the seed printed on failure. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

type Writer = {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  /** Resolves with the first committed file name after `go()`. */
  firstCommit: Promise<string>;
  committed: string[];
  exited: Promise<void>;
  go: () => void;
};

/** Starts a writer process; it loads everything, then waits for `go()`. */
function startWriter(): Writer {
  const child = spawn(process.execPath, [childScript, dataDir, fixturePath], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  const committed: string[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const diedEarly = exited.then(() => {
    throw new Error(`the writer exited on its own: ${stderr}`);
  });
  let onReady: () => void = () => undefined;
  let onFirst: (name: string) => void = () => undefined;
  const ready = Promise.race([new Promise<void>((resolve) => (onReady = resolve)), diedEarly]);
  const firstCommit = Promise.race([
    new Promise<string>((resolve) => (onFirst = resolve)),
    diedEarly,
  ]);
  // A writer still warming up when a test fails is killed by afterAll; not a second failure.
  ready.catch(() => undefined);
  firstCommit.catch(() => undefined);
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') onReady();
    const name = /^committed (\S+)$/.exec(line)?.[1];
    if (name) {
      committed.push(name);
      onFirst(name);
    }
  });
  return { child, ready, firstCommit, committed, exited, go: () => child.stdin.write('go\n') };
}

async function tempFiles(): Promise<string[]> {
  return (await readdir(folder)).filter(isTemporaryBackupName);
}

/** Reads a backup the way a restore does, through the store, and checks every byte of it. */
async function restoreCheck(store: ReturnType<typeof createBackupStore>, fileName: string) {
  const reader = new BackupReader();
  let offset = 0;
  for (;;) {
    const { bytes, done } = await store.read({ fileName }, offset, 256 * 1024);
    reader.push(bytes);
    offset += bytes.length;
    if (done) break;
  }
  return reader.finish();
}

beforeAll(async () => {
  await loadSodium();
  root = await mkdtemp(join(tmpdir(), 'bridgework-backup-crash-'));
  dataDir = join(root, 'data');
  folder = join(root, 'backups');
  settings = createSettingsStore(dataDir);
  await mkdir(folder);
  await settings.update({ backupFolder: folder });

  const vault = await buildVault();
  vaultId = toHex(vault.header.vaultId);
  fixturePath = join(root, 'fixture.json');
  const fixture: WriterFixture = {
    headerBytes: toBase64(vault.headerBytes),
    dataKey: toBase64(vault.dataKey),
    recordCount: RECORDS,
    recordBytes: RECORD_BYTES,
    chunkBytes: CHUNK_BYTES,
  };
  await writeFile(fixturePath, JSON.stringify(fixture));

  // One bundled file starts in about a quarter of the time `node --import tsx` takes, which
  // matters when a process is started for every one of the trials.
  childScript = join(root, 'backup-writer-child.mjs');
  await build({
    entryPoints: [CHILD_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childScript,
    logLevel: 'warning',
  });
});

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

describe('backups when the writing process is killed', () => {
  it(`always leave the last complete backup and never list a half-written one (${TRIALS} kills)`, async () => {
    const seed = Number(process.env.BACKUP_CRASH_SEED ?? Date.now() % 0x1_0000_0000);
    const random = seededRandom(seed);
    const seenTemps = new Set<string>();
    let killsMidWrite = 0;
    // The next writers load while this one is tested: starting a process costs more than a trial.
    const waiting = Array.from({ length: Math.min(WARM_WRITERS, TRIALS) }, startWriter);

    for (let trial = 0; trial < TRIALS; trial++) {
      const writer = waiting.shift();
      if (!writer) throw new Error('no writer left');
      if (trial + waiting.length + 1 < TRIALS) waiting.push(startWriter());
      await writer.ready;
      const started = performance.now();
      writer.go();
      await writer.firstCommit;
      // A random moment within the next backup or two (each takes about as long as the first).
      const cycleMs = performance.now() - started;
      const killAfterMs = random() * 1.5 * cycleMs;
      await delay(killAfterMs);
      writer.child.kill('SIGKILL');
      await writer.exited;

      const context = `seed ${seed}, trial ${trial}, killed ${killAfterMs.toFixed(1)} ms after a backup (cycle ${cycleMs.toFixed(1)} ms)`;
      const lastCommitted = writer.committed.at(-1);
      const store = createBackupStore({
        settings,
        defaultBackupFolder: join(root, 'default-folder-not-used'),
      });
      const listed = await store.list(vaultId);

      expect(listed.length, context).toBeGreaterThan(0);
      expect(
        listed.filter((entry) => entry.status !== 'verified'),
        context,
      ).toEqual([]);
      expect(
        listed.filter((entry) => isTemporaryBackupName(entry.fileName)),
        context,
      ).toEqual([]);
      expect(
        listed.map((entry) => entry.fileName),
        context,
      ).toContain(lastCommitted);
      for (const entry of listed) {
        const summary = await inspectBackupFile(join(folder, entry.fileName));
        expect(summary.recordCount, context).toBe(RECORDS);
      }
      const newest = listed[0];
      if (!newest) throw new Error(context);
      expect((await restoreCheck(store, newest.fileName)).recordCount, context).toBe(RECORDS);
      // Every file in the folder is either a listed backup or an unfinished temp file.
      const temps = await tempFiles();
      expect(
        (await readdir(folder)).filter(
          (name) => !isTemporaryBackupName(name) && !listed.some((e) => e.fileName === name),
        ),
        context,
      ).toEqual([]);

      const fresh = temps.filter((name) => !seenTemps.has(name));
      if (fresh.length > 0) killsMidWrite += 1;
      for (const name of fresh) seenTemps.add(name);
    }

    // The kills did land while a backup was half-written, not only between backups.
    expect(killsMidWrite, `seed ${seed}`).toBeGreaterThan(TRIALS / 10);
    console.log(
      `backup crash test: ${TRIALS} kills (seed ${seed}), ${killsMidWrite} left a half-written temp file`,
    );
  }, 240_000);
});

import { scriptedDialogs } from '../../tests/fixtures/dialogs';
import {
  chmod,
  type FileHandle,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildVault } from '../../tests/fixtures/vaults';
import { concatBytes, toBase64, toHex, utf8 } from '../../src-shared/crypto/bytes';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { type BackupRecord, BackupWriter } from '../../src-shared/vault/backup-format';
import type { CreatedVault } from '../../src-shared/vault/key-slots';
import { encryptRecord } from '../../src-shared/vault/record-codec';
import { describeBackupProblem } from '../../src-shared/vault/vault-error';
import { inspectBackupFile, type OpenForWriting } from './backup-file';
import { KEEP_DAILY_FOR_DAYS, KEEP_NEWEST } from './backup-rotation';
import { createBackupStore } from './backup-store';
import { dispatchIpc } from './dispatch';
import { HandlerError } from './handler-error';
import { createHandlers } from './handlers';
import { createSettingsStore, type SettingsStore } from './settings-store';

const BACKUP_NAME = /^bridgework-[0-9a-f]{8}-\d{8}T\d{9}Z\.bwvault$/;

let vault: CreatedVault;
let vaultId: string;
let records: BackupRecord[];
let root: string;
let folder: string;
let dataDir: string;
let settings: SettingsStore;

beforeAll(async () => {
  await loadSodium();
  vault = await buildVault();
  vaultId = toHex(vault.header.vaultId);
  records = Array.from({ length: 40 }, (_, i) => {
    const id = `record${String(i).padStart(3, '0')}AAAAAAAAAAAAA`;
    return {
      table: 'clients',
      id,
      sealed: encryptRecord(
        vault.dataKey,
        { vaultId: vault.header.vaultId, table: 'clients', recordId: id },
        1,
        utf8(JSON.stringify({ note: 'x'.repeat(200), i })),
      ),
    };
  });
});

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'bridgework-backup-store-'));
  folder = join(root, 'backups');
  dataDir = join(root, 'data');
  settings = createSettingsStore(dataDir);
  // The clinician's own folder (say, in their Documents), readable by others as theirs may be.
  await mkdir(folder, { mode: 0o755 });
  await chmod(folder, 0o755);
  await settings.update({ backupFolder: folder });
});

const onWindows = process.platform === 'win32';

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function storeWith(options: { openForWriting?: OpenForWriting; now?: () => Date } = {}) {
  return createBackupStore({
    settings,
    defaultBackupFolder: join(root, 'default-folder-not-used'),
    ...options,
  });
}

/** A backup's bytes as the renderer streams them, split into `parts` chunks. */
function backupChunks(createdAt: number, count = records.length, parts = 4): Uint8Array[] {
  const writer = new BackupWriter(vault.headerBytes, vault.dataKey, createdAt);
  const bytes = concatBytes(
    writer.start(),
    ...records.slice(0, count).map((record) => writer.record(record)),
    writer.finish(),
  );
  const size = Math.ceil(bytes.length / parts);
  return Array.from({ length: parts }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
}

async function writeBackup(
  store: ReturnType<typeof storeWith>,
  createdAt: number,
  count = records.length,
) {
  const { writeId } = await store.begin(vaultId);
  for (const chunk of backupChunks(createdAt, count)) await store.append(writeId, chunk);
  return store.commit(writeId);
}

async function filesInFolder(): Promise<string[]> {
  return (await readdir(folder)).sort();
}

function systemError(code: 'ENOSPC' | 'EACCES' | 'EIO', syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, ${syscall}`), { code, syscall });
}

/**
 * Opens the temp file for real, but its writes fail with `code` once `limit` bytes are written
 * (the bytes before that point do reach the disk), as a full disk or a revoked permission would.
 */
function failingDisk(options: { limit: number; code: 'ENOSPC' | 'EACCES'; failSync?: boolean }): {
  open: OpenForWriting;
  closed: () => number;
} {
  let closed = 0;
  const openFailing: OpenForWriting = async (path) => {
    const handle = await open(path, 'wx', 0o600);
    let written = 0;
    const write = async (buffer: Uint8Array, offset = 0, length = buffer.length - offset) => {
      const allowed = Math.min(length, options.limit - written);
      if (allowed > 0) await handle.write(buffer, offset, allowed);
      written += Math.max(allowed, 0);
      if (allowed < length) throw systemError(options.code, 'write');
      return { bytesWritten: length, buffer };
    };
    return {
      write: write as FileHandle['write'],
      sync: async () => {
        if (options.failSync) throw systemError('EIO', 'fsync');
        await handle.sync();
      },
      close: async () => {
        closed += 1;
        await handle.close();
      },
    };
  };
  return { open: openFailing, closed: () => closed };
}

describe('backup store, writing', () => {
  it('writes a verified backup, readable only by its owner, named after the vault and the time', async () => {
    const at = new Date('2026-11-26T12:34:56.789Z');
    const store = storeWith({ now: () => at });
    const entry = await writeBackup(store, at.getTime());

    expect(entry.fileName).toBe(`bridgework-${vaultId.slice(0, 8)}-20261126T123456789Z.bwvault`);
    expect(entry.fileName).toMatch(BACKUP_NAME);
    expect(entry).toMatchObject({
      status: 'verified',
      recordCount: records.length,
      createdAt: at.getTime(),
    });
    const info = await stat(join(folder, entry.fileName));
    expect(info.mode & 0o777).toBe(0o600);
    expect(entry.sizeBytes).toBe(info.size);
    expect(await filesInFolder()).toEqual([entry.fileName]);
  });

  it('lists backups newest first, with their sizes', async () => {
    let clock = Date.UTC(2026, 10, 20, 9);
    const store = storeWith({ now: () => new Date(clock) });
    for (const count of [5, 20, 10]) {
      await writeBackup(store, clock, count);
      clock += 60 * 60 * 1000;
    }
    const listed = await storeWith().list(vaultId);
    expect(listed.map((entry) => entry.recordCount)).toEqual([10, 20, 5]);
    expect(listed.map((entry) => entry.createdAt)).toEqual(
      [...listed.map((entry) => entry.createdAt)].sort((a, b) => b - a),
    );
    for (const entry of listed) {
      expect(entry.status).toBe('verified');
      expect(entry.sizeBytes).toBe((await stat(join(folder, entry.fileName))).size);
    }
  });

  it('removes the temp file when a backup is aborted', async () => {
    const store = storeWith();
    const { writeId } = await store.begin(vaultId);
    const [first] = backupChunks(Date.now());
    if (!first) throw new Error('fixture');
    await store.append(writeId, first);
    expect((await filesInFolder()).some((name) => name.endsWith('.tmp'))).toBe(true);
    await store.abort(writeId);
    expect(await filesInFolder()).toEqual([]);
  });
});

describe('backup store, when writing fails', () => {
  it.each(['ENOSPC', 'EACCES'] as const)(
    'a write failing part-way with %s keeps the previous backup and leaves no temp file',
    async (code) => {
      const previous = await writeBackup(storeWith(), Date.UTC(2026, 10, 25, 12));
      const previousBytes = await readFile(join(folder, previous.fileName));

      const disk = failingDisk({ limit: 5000, code });
      const store = storeWith({ openForWriting: disk.open });
      const { writeId } = await store.begin(vaultId);
      const chunks = backupChunks(Date.UTC(2026, 10, 26, 12));
      const [first, second] = chunks;
      if (!first || !second || first.length >= 5000) throw new Error('fixture');
      await store.append(writeId, first);
      await expect(store.append(writeId, second)).rejects.toMatchObject({ code });

      expect(disk.closed()).toBe(1);
      expect(await filesInFolder()).toEqual([previous.fileName]);
      expect(await readFile(join(folder, previous.fileName))).toEqual(previousBytes);
      expect(await storeWith().list(vaultId)).toEqual([previous]);
      // The write is over: further chunks or a commit are refused, not written.
      await expect(store.append(writeId, first)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(store.commit(writeId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await filesInFolder()).toEqual([previous.fileName]);
    },
  );

  it.each(['ENOSPC', 'EACCES'] as const)(
    'the app answers a write failing with %s with a clear message, not the file path',
    async (code) => {
      const disk = failingDisk({ limit: 100, code });
      const handlers = createHandlers({
        dataDir,
        defaultBackupFolder: join(root, 'default-folder-not-used'),
        dialogs: scriptedDialogs(),
        openBackupForWriting: disk.open,
      });
      await dispatchIpc(handlers, 'vault:opened', { vaultId });
      const begun = await dispatchIpc(handlers, 'backup:begin', { vaultId });
      if (!begun.ok) throw new Error(begun.error.message);
      const { writeId } = begun.value as { writeId: string };
      const [first] = backupChunks(Date.now());
      if (!first) throw new Error('fixture');
      const answer = await dispatchIpc(handlers, 'backup:append', {
        writeId,
        chunk: toBase64(first),
      });
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'STORAGE_FAILED',
          message: `Bridgework couldn't read or write its files (${code}). Nothing was changed.`,
        },
      });
      expect(await filesInFolder()).toEqual([]);
    },
  );

  async function commitWithFailingSync() {
    const previous = await writeBackup(storeWith(), Date.UTC(2026, 10, 25, 12));
    const disk = failingDisk({ limit: Number.MAX_SAFE_INTEGER, code: 'ENOSPC', failSync: true });
    const store = storeWith({ openForWriting: disk.open });
    const { writeId } = await store.begin(vaultId);
    for (const chunk of backupChunks(Date.UTC(2026, 10, 26, 12)))
      await store.append(writeId, chunk);
    const failure = await store.commit(writeId).then(
      () => null,
      (error: unknown) => error,
    );
    return { previous, disk, failure };
  }

  it('a commit whose sync fails leaves no temp file and keeps the previous backup', async () => {
    const { previous, failure } = await commitWithFailingSync();
    expect(failure).toMatchObject({ code: 'EIO' });
    expect(await filesInFolder()).toEqual([previous.fileName]);
    expect(await storeWith().list(vaultId)).toEqual([previous]);
  });

  // KNOWN BUG (src-main/services/backup-file.ts, BackupFileWriter.commit): when sync() throws,
  // close() is never called, so the temp file's descriptor leaks until garbage collection.
  // Marked `fails` so the suite stays green; make it a plain `it` once commit closes the file.
  it('a commit whose sync fails still closes the file', async () => {
    const { disk, failure } = await commitWithFailingSync();
    expect(failure).toMatchObject({ code: 'EIO' });
    expect(disk.closed()).toBe(1);
  });

  it('refuses to commit bytes that are not a whole backup, and lists nothing new', async () => {
    const previous = await writeBackup(storeWith(), Date.UTC(2026, 10, 25, 12));
    const store = storeWith();
    const { writeId } = await store.begin(vaultId);
    const [first, second] = backupChunks(Date.UTC(2026, 10, 26, 12));
    if (!first || !second) throw new Error('fixture');
    await store.append(writeId, first);
    await store.append(writeId, second);

    const failure = await store.commit(writeId).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(HandlerError);
    expect(failure).toMatchObject({
      code: 'BACKUP_DAMAGED',
      message: describeBackupProblem('TRUNCATED'),
    });
    expect(await filesInFolder()).toEqual([previous.fileName]);
    expect(await storeWith().list(vaultId)).toEqual([previous]);
  });

  it('refuses to commit bytes that are not a backup at all', async () => {
    const store = storeWith();
    const { writeId } = await store.begin(vaultId);
    await store.append(writeId, utf8('%PDF-1.7 a handout, not a backup'));
    await expect(store.commit(writeId)).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
      message: describeBackupProblem('NOT_A_VAULT'),
    });
    expect(await filesInFolder()).toEqual([]);
    expect(await storeWith().list(vaultId)).toEqual([]);
  });
});

describe('backup store, listing', () => {
  it('lists a damaged or cut-off file as damaged, with a sentence saying why', async () => {
    const good = await writeBackup(storeWith(), Date.UTC(2026, 10, 26, 12));
    const bytes = await readFile(join(folder, good.fileName));
    const flipped = Uint8Array.from(bytes);
    flipped[300] = (flipped[300] ?? 0) ^ 0x01;
    const prefix = `bridgework-${vaultId.slice(0, 8)}`;
    await writeFile(join(folder, `${prefix}-20261126T130000000Z.bwvault`), flipped);
    await writeFile(
      join(folder, `${prefix}-20261126T140000000Z.bwvault`),
      bytes.subarray(0, bytes.length - 10),
    );
    // Never listed: a temp file, and a file under another name.
    await writeFile(join(folder, `.${prefix}-20261126T150000000Z.bwvault.0123456789ab.tmp`), bytes);
    await writeFile(join(folder, 'my-copy.bwvault'), bytes);

    const listed = await storeWith().list(vaultId);
    expect(listed.map((entry) => [entry.fileName, entry.status, entry.problem])).toEqual([
      [`${prefix}-20261126T140000000Z.bwvault`, 'damaged', describeBackupProblem('TRUNCATED')],
      [`${prefix}-20261126T130000000Z.bwvault`, 'damaged', describeBackupProblem('DAMAGED')],
      [good.fileName, 'verified', undefined],
    ]);
    expect(listed[0]).toMatchObject({ createdAt: Date.UTC(2026, 10, 26, 14), recordCount: 0 });
  });

  it("does not list another vault's backups", async () => {
    await writeBackup(storeWith(), Date.UTC(2026, 10, 26, 12));
    expect(await storeWith().list('0123456789abcdef0123456789abcdef')).toEqual([]);
  });
});

describe('backup store, rotation', () => {
  it('keeps the newest ten and one a day for thirty days as days go by', async () => {
    // Local dates, as rotation counts days in local time.
    const dayAt = (day: number) => new Date(2026, 8, 1 + day, 9).getTime();
    const halfHour = 30 * 60 * 1000;
    let clock = dayAt(0);
    const store = storeWith({ now: () => new Date(clock) });
    // One backup a day for 40 days, then a busy last day with twelve more, half an hour apart.
    for (let day = 0; day < 40; day++) {
      clock = dayAt(day);
      await writeBackup(store, clock, 1);
    }
    for (let step = 1; step <= 12; step++) {
      clock = dayAt(39) + step * halfHour;
      await writeBackup(store, clock, 1);
    }

    const listed = await storeWith().list(vaultId);
    expect(listed.every((entry) => entry.status === 'verified')).toBe(true);
    expect(listed.map((entry) => entry.createdAt)).toEqual([
      // The newest ten: the last ten written.
      ...Array.from({ length: KEEP_NEWEST }, (_, i) => dayAt(39) + (12 - i) * halfHour),
      // Then one a day (that day's newest) for each earlier day less than 30 days old.
      ...Array.from({ length: KEEP_DAILY_FOR_DAYS - 1 }, (_, i) => dayAt(38 - i)),
    ]);
    expect(listed.length).toBeLessThanOrEqual(KEEP_NEWEST + KEEP_DAILY_FOR_DAYS + 1);
    expect((await filesInFolder()).length).toBe(listed.length);
  });

  it('never deletes the only verified backup, even when newer damaged files fill the list', async () => {
    const prefix = `bridgework-${vaultId.slice(0, 8)}`;
    const now = Date.UTC(2026, 10, 26, 12);
    await mkdir(folder, { recursive: true });
    for (let i = 1; i <= 12; i++) {
      const stamp = new Date(now + i * 60_000).toISOString().replace(/[-:.]/g, '');
      await writeFile(join(folder, `${prefix}-${stamp}.bwvault`), utf8('not a backup'));
    }
    const store = storeWith({ now: () => new Date(now) });
    const entry = await writeBackup(store, now);
    const listed = await storeWith().list(vaultId);
    expect(listed.filter((candidate) => candidate.status === 'verified')).toEqual([entry]);
    expect(listed.filter((candidate) => candidate.status === 'damaged')).toHaveLength(KEEP_NEWEST);
    expect(await filesInFolder()).toContain(entry.fileName);
  });
  it('keeps and lists the backup just made after the clock was set back past older backups', async () => {
    // Local time, as rotation counts days in local time: the clock ran an hour fast for ten
    // backups, then was put right, the same day.
    const rightTime = new Date(2026, 10, 26, 12).getTime();
    const minute = 60 * 1000;
    let clock = rightTime;
    const store = storeWith({ now: () => new Date(clock) });
    for (let i = 0; i < KEEP_NEWEST; i++) {
      clock = rightTime + 60 * minute + i * minute;
      await writeBackup(store, clock, 1);
    }
    clock = rightTime;
    const entry = await writeBackup(store, clock, 1);
    expect(entry).toMatchObject({ status: 'verified', createdAt: clock });
    expect(await filesInFolder()).toContain(entry.fileName);
  });
});

describe('backup store, reading for a restore', () => {
  it('streams a backup back in chunks of the size asked for', async () => {
    const store = storeWith();
    const entry = await writeBackup(store, Date.UTC(2026, 10, 26, 12));
    const onDisk = await readFile(join(folder, entry.fileName));
    const token = store.rememberChosenFile(join(folder, entry.fileName));

    for (const source of [{ fileName: entry.fileName }, { token }]) {
      const chunks: Uint8Array[] = [];
      let done = false;
      while (!done) {
        const offset = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
        const answer = await store.read(source, offset, 1000);
        expect(answer.bytes.length).toBeLessThanOrEqual(1000);
        chunks.push(answer.bytes);
        done = answer.done;
      }
      expect(chunks.length).toBe(Math.ceil(onDisk.length / 1000));
      expect(Buffer.from(concatBytes(...chunks))).toEqual(onDisk);
    }
    const summary = await inspectBackupFile(join(folder, entry.fileName));
    expect(summary.recordCount).toBe(records.length);
  });

  it('refuses names that are not backup names, such as a path out of the folder', async () => {
    const store = storeWith();
    const entry = await writeBackup(store, Date.UTC(2026, 10, 26, 12));
    for (const fileName of [
      '../../etc/passwd',
      '/etc/passwd',
      `../backups/${entry.fileName}`,
      `.${entry.fileName}.0123456789ab.tmp`,
      `${entry.fileName}/../../../etc/passwd`,
      'settings.json',
    ]) {
      await expect(store.read({ fileName }, 0, 100), fileName).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'There is no such backup.',
      });
    }
    await expect(store.read({ token: 'f'.repeat(32) }, 0, 100)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const missing = entry.fileName.replace(/\d{9}Z/, '000000000Z');
    await expect(store.read({ fileName: missing }, 0, 100)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: "We couldn't open that backup file.",
    });
  });
});

describe('backup store, the folder backups go to', () => {
  it.skipIf(onWindows)(
    'never changes the permissions of a folder the clinician chose',
    async () => {
      await writeBackup(storeWith(), Date.UTC(2026, 10, 26, 12));
      expect((await stat(folder)).mode & 0o777).toBe(0o755);
    },
  );

  it.skipIf(onWindows)(
    'creates the default folder owner-only when it is missing, and leaves an existing one as it is',
    async () => {
      await settings.update({ backupFolder: null });
      const defaultFolder = join(root, 'Documents', 'Bridgework Backups');
      const store = createBackupStore({ settings, defaultBackupFolder: defaultFolder });
      await writeBackup(store, Date.UTC(2026, 10, 26, 12));
      expect((await stat(defaultFolder)).mode & 0o777).toBe(0o700);
      expect((await stat(join(root, 'Documents'))).mode & 0o777).toBe(0o700);

      await chmod(defaultFolder, 0o750);
      await writeBackup(store, Date.UTC(2026, 10, 26, 13));
      expect((await stat(defaultFolder)).mode & 0o777).toBe(0o750);
    },
  );

  it('says a chosen folder that has gone is missing, and never creates it', async () => {
    await rm(folder, { recursive: true });
    const store = storeWith();
    expect(await store.folderMissing()).toBe(true);
    await expect(store.begin(vaultId)).rejects.toMatchObject({
      code: 'BACKUP_FOLDER_MISSING',
      message: expect.stringMatching(/can’t be found.*use the default folder/),
    });
    await expect(stat(folder)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('ignores a relative folder in the settings file rather than resolving it against the working folder', async () => {
    await settings.update({ backupFolder: relative(process.cwd(), folder) });
    const defaultFolder = join(root, 'default');
    const store = createBackupStore({ settings, defaultBackupFolder: defaultFolder });
    expect(await store.folder()).toBe(defaultFolder);
  });

  it('deletes only its own stale temp files, never anything else in the folder', async () => {
    const store = storeWith({ now: () => new Date(Date.UTC(2026, 10, 27)) });
    const prefix = `bridgework-${vaultId.slice(0, 8)}`;
    const ownStale = `.${prefix}-20261126T150000000Z.bwvault.0123456789ab.tmp`;
    const theirs = ['.notes.tmp', '.~lock.report.odt#.tmp', `.${prefix}.bwvault.tmp`];
    for (const name of [ownStale, ...theirs]) {
      await writeFile(join(folder, name), 'x');
      const hoursAgo = new Date(Date.UTC(2026, 10, 26, 12));
      await utimes(join(folder, name), hoursAgo, hoursAgo);
    }
    await store.abort((await store.begin(vaultId)).writeId);
    expect((await filesInFolder()).sort()).toEqual([...theirs].sort());
  });
});

describe('the backup folder setting, through the IPC contract', () => {
  function appWith(dialogs = scriptedDialogs()) {
    const handlers = createHandlers({
      dataDir,
      defaultBackupFolder: join(root, 'default'),
      dialogs,
    });
    return {
      dialogs,
      call: (channel: string, payload: unknown) => dispatchIpc(handlers, channel, payload),
    };
  }

  it('refuses a backup folder sent by the renderer, leaving the setting as it was', async () => {
    const { call } = appWith();
    for (const backupFolder of ['/tmp/elsewhere', 'relative/path', null]) {
      const answer = await call('settings:update', { backupFolder });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect((await settings.read()).backupFolder).toBe(folder);
  });

  it('refuses a field sent as undefined instead of answering INTERNAL', async () => {
    const answer = await appWith().call('settings:update', { autoLockMinutes: undefined });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('sets the folder only from its own dialog, as an absolute, normalised path', async () => {
    const { call, dialogs } = appWith();
    const chosen = join(root, 'chosen');
    await mkdir(chosen);
    dialogs.answers.folder.push(`${chosen}/./sub/..`);
    const answer = await call('settings:choose-backup-folder', {});
    expect(answer).toMatchObject({ ok: true, value: { backupFolder: chosen } });

    dialogs.answers.folder.push(join(root, 'gone'));
    expect(await call('settings:choose-backup-folder', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await settings.read()).backupFolder).toBe(chosen);
  });

  it('lists a missing chosen folder as missing, and goes back to the default folder when asked', async () => {
    const { call } = appWith();
    await call('vault:opened', { vaultId });
    await rm(folder, { recursive: true });
    expect(await call('backup:list', { vaultId })).toMatchObject({
      ok: true,
      value: { folder, folderMissing: true, entries: [] },
    });
    expect(await call('backup:begin', { vaultId })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_FOLDER_MISSING' },
    });
    expect(await call('settings:use-default-backup-folder', {})).toMatchObject({
      ok: true,
      value: { backupFolder: null, effectiveBackupFolder: join(root, 'default') },
    });
    expect(await call('backup:begin', { vaultId })).toMatchObject({ ok: true });
  });

  it('answers INVALID_REQUEST for base64 of an impossible length', async () => {
    const { call } = appWith();
    await call('vault:opened', { vaultId });
    for (const [channel, payload] of [
      ['backup:append', { writeId: 'a'.repeat(32), chunk: 'QUJDRA=' }],
      ['backup:append', { writeId: 'a'.repeat(32), chunk: 'QUJDR' }],
      ['attachment:save', { vaultId, attachmentId: 'A'.repeat(22), data: 'QUJDRA=' }],
      ['attachment:save', { vaultId, attachmentId: 'A'.repeat(22), data: 'Q===' }],
    ] as const) {
      expect(await call(channel, payload), `${channel} ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    }
  });
});

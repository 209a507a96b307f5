import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open, readdir, rm, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, normalize } from 'node:path';
import { toHex } from '../../src-shared/crypto/bytes';
import type { BackupEntry } from '../../src-shared/ipc/contract';
import type { BackupSummary } from '../../src-shared/vault/backup-format';
import { isVaultError, describeBackupProblem } from '../../src-shared/vault/vault-error';
import { createPrivateDirIfMissing } from './atomic-file';
import {
  BackupFileWriter,
  inspectBackupFile,
  isTemporaryBackupName,
  type OpenForWriting,
} from './backup-file';
import { backupsToDelete } from './backup-rotation';
import { HandlerError } from './handler-error';
import type { SettingsStore } from './settings-store';

/** Largest chunk the renderer may send or ask for in one call. */
export const MAX_BACKUP_CHUNK_BYTES = 4 * 1024 * 1024;
const STALE_TEMP_MS = 60 * 60 * 1000;

/** A backup file name: `bridgework-<first 8 hex of vault id>-<UTC time>.bwvault`. */
const BACKUP_NAME = /^bridgework-([0-9a-f]{8})-(\d{8}T\d{9}Z)\.bwvault$/;

/** A file's size and modification time: a cached check of it holds while they stay the same. */
const cacheKey = (info: Stats) => `${info.size}:${info.mtimeMs}`;

/** The list entry of a file whose structure and checksum were just checked. */
function verifiedEntry(fileName: string, summary: BackupSummary, info: Stats): BackupEntry {
  return {
    fileName,
    createdAt: summary.createdAt,
    sizeBytes: info.size,
    status: 'verified',
    recordCount: summary.recordCount,
  };
}

function backupFileName(vaultId: string, createdAt: Date): string {
  const stamp = createdAt.toISOString().replace(/[-:.]/g, '');
  return `bridgework-${vaultId.slice(0, 8)}-${stamp}.bwvault`;
}

/**
 * Backups of every vault, in the folder the clinician chose (or the default one). The
 * renderer streams ciphertext in; this store writes, verifies, lists, rotates and streams
 * files back out for a restore. It never holds a key or sees a record's plaintext.
 */
export function createBackupStore(options: {
  settings: SettingsStore;
  defaultBackupFolder: string;
  openForWriting?: OpenForWriting;
  now?: () => Date;
}) {
  const now = options.now ?? (() => new Date());
  const writes = new Map<string, { vaultId: string; writer: BackupFileWriter }>();
  const chosenFiles = new Map<string, string>();
  const verified = new Map<string, { key: string; entry: BackupEntry }>();

  /** The folder backups go to, and whether the clinician chose it (then it is theirs). */
  async function location(): Promise<{ dir: string; chosen: boolean }> {
    const chosen = (await options.settings.read()).backupFolder;
    // Main only ever stores an absolute path from its own dialog; anything else in the
    // settings file (edited by hand) is ignored rather than resolved against the cwd.
    return chosen !== null && isAbsolute(chosen)
      ? { dir: normalize(chosen), chosen: true }
      : { dir: options.defaultBackupFolder, chosen: false };
  }

  async function folder(): Promise<string> {
    return (await location()).dir;
  }

  /** Whether the chosen backup folder has gone (moved, renamed, a drive not connected). */
  async function folderMissing(): Promise<boolean> {
    const { dir, chosen } = await location();
    if (!chosen) return false;
    return !(await stat(dir).catch(() => null))?.isDirectory();
  }

  /**
   * The folder to write a backup into. The default folder is created (owner-only) when it is
   * missing; a chosen folder is never created, and its permissions are never changed.
   */
  async function prepareFolder(): Promise<string> {
    const { dir, chosen } = await location();
    if (!chosen) {
      await createPrivateDirIfMissing(dir);
    } else if (await folderMissing()) {
      throw new HandlerError(
        'BACKUP_FOLDER_MISSING',
        'The backup folder you chose can’t be found. It may have been moved or renamed, or be on a drive that isn’t connected. Please choose it again, or use the default folder.',
      );
    }
    return dir;
  }

  async function removeStaleTemps(dir: string): Promise<void> {
    for (const name of await readdir(dir).catch(() => [])) {
      if (!isTemporaryBackupName(name)) continue;
      const info = await stat(join(dir, name)).catch(() => null);
      if (info && now().getTime() - info.mtimeMs > STALE_TEMP_MS)
        await rm(join(dir, name), { force: true });
    }
  }

  async function describe(
    dir: string,
    fileName: string,
    vaultId: string,
  ): Promise<BackupEntry | null> {
    const path = join(dir, fileName);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const cached = verified.get(path);
    if (cached?.key === cacheKey(info)) return cached.entry;
    const stamp = BACKUP_NAME.exec(fileName)?.[2] ?? '';
    const fromName = Date.parse(
      `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`,
    );
    try {
      const summary = await inspectBackupFile(path);
      if (toHex(summary.header.vaultId) !== vaultId) return null;
      return remember(path, info, verifiedEntry(fileName, summary, info));
    } catch (error) {
      return remember(path, info, {
        fileName,
        createdAt: Number.isNaN(fromName) ? info.mtimeMs : fromName,
        sizeBytes: info.size,
        status: 'damaged',
        problem: isVaultError(error)
          ? describeBackupProblem(error.code)
          : 'This file could not be read.',
        recordCount: 0,
      });
    }
  }

  /** Notes what a check found of a file, until its size or time changes. */
  function remember(path: string, info: Stats, entry: BackupEntry): BackupEntry {
    verified.set(path, { key: cacheKey(info), entry });
    return entry;
  }

  async function list(vaultId: string): Promise<BackupEntry[]> {
    const dir = await folder();
    const names = (await readdir(dir).catch(() => [])).filter(
      (name) => BACKUP_NAME.exec(name)?.[1] === vaultId.slice(0, 8),
    );
    const entries = await Promise.all(names.map((name) => describe(dir, name, vaultId)));
    return entries
      .filter((entry): entry is BackupEntry => entry !== null)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  async function rotate(vaultId: string, justWritten: string): Promise<void> {
    const dir = await folder();
    const entries = await list(vaultId);
    const doomed = backupsToDelete(
      entries.map((entry) => ({
        fileName: entry.fileName,
        createdAt: entry.createdAt,
        verified: entry.status === 'verified',
      })),
      now().getTime(),
      justWritten,
    );
    for (const name of doomed) {
      await rm(join(dir, name), { force: true });
      verified.delete(join(dir, name));
    }
  }

  function session(writeId: string) {
    const found = writes.get(writeId);
    if (!found)
      throw new HandlerError(
        'NOT_FOUND',
        'This backup is no longer being written. Please start it again.',
      );
    return found;
  }

  async function pathOf(source: { fileName: string } | { token: string }): Promise<string> {
    if ('token' in source) {
      const path = chosenFiles.get(source.token);
      if (!path) throw new HandlerError('NOT_FOUND', 'Please choose the backup file again.');
      return path;
    }
    if (!BACKUP_NAME.test(source.fileName))
      throw new HandlerError('NOT_FOUND', 'There is no such backup.');
    return join(await folder(), source.fileName);
  }

  return {
    folder,
    folderMissing,
    list,

    /** Starts writing a backup of a vault; returns the id the chunks are sent with. */
    async begin(vaultId: string): Promise<{ writeId: string }> {
      const dir = await prepareFolder();
      await removeStaleTemps(dir);
      const writer = await BackupFileWriter.create(
        join(dir, backupFileName(vaultId, now())),
        options.openForWriting,
      );
      const writeId = randomBytes(16).toString('hex');
      writes.set(writeId, { vaultId, writer });
      return { writeId };
    },

    async append(writeId: string, bytes: Uint8Array): Promise<void> {
      const { writer } = session(writeId);
      try {
        await writer.append(bytes);
      } catch (error) {
        writes.delete(writeId);
        throw error;
      }
    },

    /** Finishes a backup: verified, renamed into place, older ones rotated. */
    async commit(writeId: string): Promise<BackupEntry> {
      const { vaultId, writer } = session(writeId);
      writes.delete(writeId);
      let summary;
      try {
        summary = await writer.commit();
      } catch (error) {
        if (isVaultError(error))
          throw new HandlerError('BACKUP_DAMAGED', describeBackupProblem(error.code));
        throw error;
      }
      if (toHex(summary.header.vaultId) !== vaultId) {
        await rm(writer.finalPath, { force: true });
        throw new HandlerError('INVALID_REQUEST', 'That backup belongs to another vault.');
      }
      const fileName = basename(writer.finalPath);
      // Just read back and checked whole: listing it need not read it again.
      const info = await stat(writer.finalPath);
      remember(writer.finalPath, info, verifiedEntry(fileName, summary, info));
      await rotate(vaultId, fileName);
      const entry = (await list(vaultId)).find((candidate) => candidate.fileName === fileName);
      if (!entry)
        throw new HandlerError(
          'STORAGE_FAILED',
          'The backup was written but could not be found again.',
        );
      return entry;
    },

    async abort(writeId: string): Promise<void> {
      const found = writes.get(writeId);
      writes.delete(writeId);
      await found?.writer.abort();
    },

    /** Remembers a file the clinician picked in an open dialog; returns a token for it. */
    rememberChosenFile(path: string): string {
      const token = randomBytes(16).toString('hex');
      chosenFiles.set(token, path);
      return token;
    },

    /** Reads up to `length` bytes of a backup from `offset`, for a restore streamed to the renderer. */
    async read(
      source: { fileName: string } | { token: string },
      offset: number,
      length: number,
    ): Promise<{ bytes: Uint8Array; done: boolean }> {
      const path = await pathOf(source);
      let handle;
      try {
        handle = await open(path, 'r');
      } catch {
        throw new HandlerError('NOT_FOUND', "We couldn't open that backup file.");
      }
      try {
        const buffer = Buffer.alloc(Math.min(length, MAX_BACKUP_CHUNK_BYTES));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        const { size } = await handle.stat();
        return {
          bytes: new Uint8Array(buffer.subarray(0, bytesRead)),
          done: offset + bytesRead >= size,
        };
      } finally {
        await handle.close();
      }
    },
  };
}

/** The backup store. */
export type BackupStore = ReturnType<typeof createBackupStore>;

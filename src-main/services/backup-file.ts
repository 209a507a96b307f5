import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadSodium } from '../../src-shared/crypto/sodium';
import {
  type BackupAttachment,
  BackupReader,
  type BackupRecord,
  type BackupSummary,
} from '../../src-shared/vault/backup-format';
import { VaultError } from '../../src-shared/vault/vault-error';
import { syncDirectory } from './atomic-file';

/** Bytes read from a backup file at a time; the reader holds at most this plus one record. */
export const BACKUP_READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Reads a backup file as a stream and checks it: its structure and checksum always, its MAC
 * too when `dataKey` is given; each record and worksheet file is handed to the callbacks as it
 * is read. The same code serves the app's backup list and the `npm run vault -- verify` command.
 */
export async function inspectBackupFile(
  path: string,
  options: {
    dataKey?: Uint8Array;
    onRecord?: (record: BackupRecord) => void;
    onAttachment?: (attachment: BackupAttachment) => void;
  } = {},
): Promise<BackupSummary> {
  await loadSodium();
  const reader = new BackupReader(options.onRecord, options.dataKey, options.onAttachment);
  for await (const chunk of createReadStream(path, { highWaterMark: BACKUP_READ_CHUNK_BYTES })) {
    reader.push(new Uint8Array(chunk as Buffer));
  }
  return reader.finish();
}

/**
 * A backup's opening bytes: its vault header, read without reading the rest of the file.
 * Throws VaultError when the opening is not a backup's or the file ends before it.
 */
export async function readBackupOpening(path: string): Promise<{ headerBytes: Uint8Array }> {
  await loadSodium();
  const reader = new BackupReader();
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream) {
      reader.push(new Uint8Array(chunk as Buffer));
      if (reader.opening) return { headerBytes: reader.opening.headerBytes };
    }
  } finally {
    stream.destroy();
  }
  throw new VaultError('TRUNCATED', 'the file ends before its vault header');
}

/** How a backup file is opened for writing; tests replace it to simulate a full or failing disk. */
export type OpenForWriting = (
  path: string,
) => Promise<Pick<FileHandle, 'write' | 'sync' | 'close'>>;

const openExclusive: OpenForWriting = (path) => open(path, 'wx', 0o600);

/**
 * Whether a file name is one of our own temporary, unfinished backups (never listed, never
 * restored): the hidden name `BackupFileWriter` gives a backup while it is written. The
 * pattern is exact because stale ones are deleted, and the folder may be the clinician's own.
 */
export function isTemporaryBackupName(fileName: string): boolean {
  return /^\.bridgework-[0-9a-f]{8}-\d{8}T\d{9}Z\.bwvault\.[0-9a-f]{12}\.tmp$/.test(fileName);
}

/**
 * One backup being written: bytes go to a hidden temp file beside the final name (0600). On
 * `commit` the file is synced, read back and checked, and only then renamed into place, so a
 * crash, a full disk or a bad stream never leaves a half-written file under a backup's name.
 */
export class BackupFileWriter {
  private constructor(
    private readonly handle: Pick<FileHandle, 'write' | 'sync' | 'close'>,
    private readonly tempPath: string,
    readonly finalPath: string,
  ) {}

  static async create(
    finalPath: string,
    openFile: OpenForWriting = openExclusive,
  ): Promise<BackupFileWriter> {
    const tempPath = join(
      dirname(finalPath),
      `.${basename(finalPath)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    return new BackupFileWriter(await openFile(tempPath), tempPath, finalPath);
  }

  /** Appends bytes; on failure the temp file is removed and the error passed on. */
  async append(bytes: Uint8Array): Promise<void> {
    try {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written);
        written += bytesWritten;
      }
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Syncs, verifies and renames the file into place; returns what it holds. */
  async commit(): Promise<BackupSummary> {
    try {
      try {
        await this.handle.sync();
      } finally {
        await this.handle.close();
      }
      const summary = await inspectBackupFile(this.tempPath);
      await rename(this.tempPath, this.finalPath);
      await syncDirectory(dirname(this.finalPath));
      return summary;
    } catch (error) {
      await rm(this.tempPath, { force: true });
      throw error;
    }
  }

  /** Gives up: closes and removes the temp file. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.tempPath, { force: true });
  }
}

import { fromBase64, fromHex, toBase64, toHex } from '../../src-shared/crypto/bytes';
import { loadSodium, sodium } from '../../src-shared/crypto/sodium';
import type { BackupEntry, BackupSource } from '../../src-shared/ipc/contract';
import { attachmentOpens } from '../../src-shared/vault/attachment-codec';
import {
  type BackupAttachment,
  BackupReader,
  type BackupRecord,
  type BackupSummary,
  BackupWriter,
} from '../../src-shared/vault/backup-format';
import type { UnlockedVault } from '../../src-shared/vault/key-slots';
import { VaultError } from '../../src-shared/vault/vault-error';
import { CHUNK_BYTES, chunkSender } from './backup-chunks';
import { callMain } from './ipc-client';
import { createAttachmentsRepository } from './attachments-repository';
import { indexFieldsOfSealed, type VaultKeys } from './encrypted-table';
import { createTemplatesRepository } from './templates-repository';
import { deleteOtherGenerations, switchLiveGeneration } from './store-registry';
import { VAULT_TABLES, VaultDatabase } from './vault-database';
import { internalsOf, reopenOnGeneration, type VaultSession } from './vault-session';
import {
  type DamagedWorksheet,
  nameWorksheets,
  readIntactWorksheetFile,
  readWorksheetFile,
} from './worksheet-files';

/** Records encoded (and hashed) together when writing a backup. */
const RECORDS_PER_BATCH = 2_000;

/** What a finished backup holds, and which worksheets it had to leave out. */
export type BackupOutcome = {
  entry: BackupEntry;
  /** Worksheets whose files are damaged or missing on this computer, so not in the backup. */
  leftOut: DamagedWorksheet[];
  /** Those of `leftOut` found damaged by this backup (not known before): tell the clinician. */
  newlyFound: DamagedWorksheet[];
};

/**
 * Checks every worksheet file of the vault with its key before a backup: the ones that are
 * damaged or missing are marked damaged in the vault (so the backup carries the mark) and
 * named. Returns those left out, and which of them this check found first.
 */
async function checkWorksheetFiles(
  session: VaultSession,
): Promise<Pick<BackupOutcome, 'leftOut' | 'newlyFound'> & { intactIds: Set<string> }> {
  const { records } = await session.attachments.all();
  const { dataKey } = internalsOf(session).keys;
  const damagedIds: string[] = [];
  const intactIds = new Set<string>();
  for (const attachment of records) {
    const intact = await readIntactWorksheetFile(session.vaultIdHex, dataKey, attachment.id);
    if (intact) intactIds.add(attachment.id);
    else damagedIds.push(attachment.id);
  }
  const known = new Set(records.filter((a) => a.damagedAt).map((a) => a.id));
  const leftOut = await nameWorksheets(session, damagedIds);
  const newlyFound = leftOut.filter((worksheet) => !known.has(worksheet.attachmentId));
  await session.attachments.markDamaged(newlyFound.map((worksheet) => worksheet.attachmentId));
  return { leftOut, newlyFound, intactIds };
}

/**
 * Writes a backup of the live store: one consistent snapshot of every table's sealed rows,
 * streamed to the main process as the ciphertext it already is, then each worksheet's
 * encrypted file, checked with the key as it is read; the whole file is authenticated by a
 * MAC from the data key. A damaged worksheet file never sinks the backup: it is left out,
 * marked damaged in the vault and named in the outcome. Resolves once main has kept the file.
 */
export async function backUpVault(session: VaultSession): Promise<BackupOutcome> {
  const { intactIds, ...worksheets } = await checkWorksheetFiles(session);
  const { db, keys, headerBytes, changeCount, markBackedUp } = internalsOf(session);
  const changesIncluded = changeCount();
  const tables = [...db.sealedTables()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const snapshot = await db.transaction(
    'r',
    tables.map(({ table }) => table),
    () => Promise.all(tables.map(({ table }) => table.toArray())),
  );
  const writer = new BackupWriter(headerBytes, keys.dataKey, Date.now());
  const { writeId } = await callMain('backup:begin', { vaultId: session.vaultIdHex });
  try {
    const sender = chunkSender(async (chunk) => {
      await callMain('backup:append', { writeId, chunk: toBase64(chunk) });
    });
    await sender.add(writer.start());
    for (const [index, rows] of snapshot.entries()) {
      const name = tables[index]?.name ?? '';
      for (let start = 0; start < rows.length; start += RECORDS_PER_BATCH) {
        const batch = rows.slice(start, start + RECORDS_PER_BATCH);
        await sender.add(
          writer.records(batch.map((row) => ({ table: name, id: row.id, sealed: row.sealed }))),
        );
      }
    }
    // The worksheets' encrypted files, as the main process keeps them, after every record.
    // Those just checked intact are read as they are; one added since is checked as it is read,
    // so a damaged file is never written.
    const attachmentIds = (snapshot[tables.findIndex(({ name }) => name === 'attachments')] ?? [])
      .map((row) => row.id)
      .sort();
    for (const attachmentId of attachmentIds) {
      const stored = intactIds.has(attachmentId)
        ? await readWorksheetFile(session.vaultIdHex, attachmentId)
        : await readIntactWorksheetFile(session.vaultIdHex, keys.dataKey, attachmentId);
      if (stored) await sender.add(writer.attachment({ id: attachmentId, stored }));
    }
    await sender.add(writer.finish());
    await sender.flush();
    const entry = await callMain('backup:commit', { writeId });
    markBackedUp({ fileName: entry.fileName, changesIncluded, headerBytes });
    return { entry, ...worksheets };
  } catch (error) {
    await callMain('backup:abort', { writeId }).catch(() => undefined);
    throw error;
  }
}

/**
 * Makes sure a backup holds the vault exactly as it is now: the one this session last wrote, if
 * nothing was written since, the key file is the same and it is still listed intact; otherwise
 * a new one. A second, identical backup would only push an older one out of the rotation.
 */
async function backUpUnlessCurrent(session: VaultSession): Promise<void> {
  await session.writesSettled();
  const { lastBackup, changeCount, headerBytes } = internalsOf(session);
  const last = lastBackup();
  if (
    last &&
    last.changesIncluded === changeCount() &&
    last.headerBytes.length === headerBytes.length &&
    sodium().memcmp(last.headerBytes, headerBytes)
  ) {
    const { entries } = await callMain('backup:list', { vaultId: session.vaultIdHex });
    if (entries.some((entry) => entry.fileName === last.fileName && entry.status === 'verified'))
      return;
  }
  await backUpVault(session);
}

export type { BackupSource };

/** A backup's key file and vault name, read from its opening bytes, for unlocking before an import. */
export type BackupOpening = { headerBytes: Uint8Array; vaultName: string };

/** Reads a backup's opening bytes: its vault header, for unlocking before an import. */
export async function readBackupHeader(source: BackupSource): Promise<BackupOpening> {
  await loadSodium();
  const reader = new BackupReader();
  let offset = 0;
  for (;;) {
    const { chunk, done } = await callMain('backup:read', { source, offset, length: CHUNK_BYTES });
    const bytes = fromBase64(chunk);
    reader.push(bytes);
    offset += bytes.length;
    const opening = reader.opening ?? (done ? reader.finish() : null);
    if (opening) return { headerBytes: opening.headerBytes, vaultName: opening.header.name };
  }
}

/**
 * Streams a backup from main into an empty store, checking everything on the way: structure,
 * the vault it belongs to, known tables, and at the end the MAC over the whole file. Throws
 * VaultError on the first problem with a record (the caller then discards the store). Each
 * worksheet file is checked with the key and handed to main only if it opens completely; the
 * ids of those that don't are returned, so one damaged worksheet never sinks a restore.
 */
async function fillStoreFromBackup(
  source: BackupSource,
  keys: VaultKeys,
  vaultIdHex: string,
  db: VaultDatabase,
): Promise<{ summary: BackupSummary; restoredFiles: Set<string> }> {
  let pending: BackupRecord[] = [];
  const known = new Set<string>(VAULT_TABLES);
  let pendingAttachments: BackupAttachment[] = [];
  const restoredFiles = new Set<string>();
  // Entries are only read once the opening (with the vault id) has been read.
  const assertSameVault = () => {
    if (reader.opening && toHex(reader.opening.header.vaultId) !== vaultIdHex)
      throw new VaultError('OTHER_VAULT');
  };
  const reader: BackupReader = new BackupReader(
    (record) => {
      assertSameVault();
      if (!known.has(record.table))
        throw new VaultError('NEWER_VERSION', `unknown table ${record.table}`);
      pending.push(record);
    },
    keys.dataKey,
    (attachment) => {
      assertSameVault();
      if (attachmentOpens(keys.dataKey, attachment.id, attachment.stored))
        pendingAttachments.push(attachment);
    },
  );
  const readFrom = async (offset: number) => {
    const { chunk, done } = await callMain('backup:read', { source, offset, length: CHUNK_BYTES });
    return { bytes: fromBase64(chunk), done };
  };
  // While one chunk's records are opened and written, the next chunk is already being read from
  // main, and IndexedDB commits one chunk's transaction while the next chunk's records are opened.
  let reading = handledLater(readFrom(0));
  let writing: Promise<void> = Promise.resolve();
  try {
    for (let offset = 0; ;) {
      const { bytes, done } = await reading;
      offset += bytes.length;
      if (!done) reading = handledLater(readFrom(offset));
      reader.push(bytes);
      assertSameVault();
      const batch = pending;
      pending = [];
      const tables = db.sealedTables();
      // Index fields (random ids such as clientId) are not in the backup; they are read back
      // from each record, which also proves every record opens with this vault's key.
      const rowsByTable = tables.map(({ name, table }) => ({
        table,
        rows: batch
          .filter((record) => record.table === name)
          .map(({ id, sealed }) => ({
            id,
            sealed,
            ...indexFieldsOfSealed(name, keys, { id, sealed }),
          })),
      }));
      await writing;
      writing = handledLater(
        db.transaction(
          'rw',
          tables.map(({ table }) => table),
          async () => {
            for (const { table, rows } of rowsByTable)
              if (rows.length > 0) await table.bulkPut(rows);
          },
        ),
      );
      for (const attachment of pendingAttachments) {
        await callMain('attachment:save', {
          vaultId: vaultIdHex,
          attachmentId: attachment.id,
          data: toBase64(attachment.stored),
        });
        restoredFiles.add(attachment.id);
      }
      pendingAttachments = [];
      if (done) {
        await writing;
        return { summary: reader.finish(), restoredFiles };
      }
    }
  } catch (error) {
    // Nothing is left running against the store the caller is about to discard.
    await Promise.allSettled([reading, writing]);
    throw error;
  }
}

/**
 * The same promise, marked as handled for now: it is awaited later, after other awaits, and a
 * rejection meanwhile must not be reported as unhandled.
 */
function handledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Asked, before a restore or an import goes live, whether to go ahead without the worksheets
 * whose files can't be brought back; resolves true to go ahead.
 */
export type ConfirmLeavingOut = (worksheets: DamagedWorksheet[]) => Promise<boolean>;

/**
 * After a store was filled from a backup: the worksheets it describes whose files could not be
 * restored and are not intact on this computer either. With the clinician's agreement they
 * are marked damaged in the new store; returns false when the clinician would rather not.
 */
async function settleWorksheetsLeftOut(
  db: VaultDatabase,
  keys: VaultKeys,
  vaultIdHex: string,
  restoredFiles: ReadonlySet<string>,
  confirmLeavingOut: ConfirmLeavingOut,
): Promise<boolean> {
  const attachments = createAttachmentsRepository(db, keys, vaultIdHex);
  const lost: string[] = [];
  for (const attachment of (await attachments.all()).records) {
    if (attachment.damagedAt || restoredFiles.has(attachment.id)) continue;
    if (!(await readIntactWorksheetFile(vaultIdHex, keys.dataKey, attachment.id)))
      lost.push(attachment.id);
  }
  if (lost.length === 0) return true;
  const named = await nameWorksheets(
    { attachments, templates: createTemplatesRepository(db, keys) },
    lost,
  );
  if (!(await confirmLeavingOut(named))) return false;
  await attachments.markDamaged(lost);
  return true;
}

async function freshStore(vaultIdHex: string, generation: number): Promise<VaultDatabase> {
  await new VaultDatabase(vaultIdHex, generation).delete();
  return new VaultDatabase(vaultIdHex, generation);
}

/**
 * Replaces the vault's data with a backup's, all or nothing for records: a backup of the
 * current state is made first (unless the latest one already is that), the backup fills a new store generation, and only a complete,
 * authentic one becomes live (one durable write). Worksheets whose files are damaged are left
 * out if the clinician agrees (`confirmLeavingOut`). Returns the session on the restored data,
 * or null when the clinician chose to keep things as they are.
 */
export async function restoreVault(
  session: VaultSession,
  source: BackupSource,
  confirmLeavingOut: ConfirmLeavingOut,
): Promise<VaultSession | null> {
  await backUpUnlessCurrent(session);
  const { keys, generation: liveGeneration } = internalsOf(session);
  const generation = liveGeneration + 1;
  const db = await freshStore(session.vaultIdHex, generation);
  try {
    const { restoredFiles } = await fillStoreFromBackup(source, keys, session.vaultIdHex, db);
    if (
      !(await settleWorksheetsLeftOut(
        db,
        keys,
        session.vaultIdHex,
        restoredFiles,
        confirmLeavingOut,
      ))
    ) {
      await db.delete();
      return null;
    }
  } catch (error) {
    await db.delete();
    throw error;
  }
  db.close();
  await switchLiveGeneration(session.vaultIdHex, generation);
  const restored = reopenOnGeneration(session, generation);
  await deleteOtherGenerations(session.vaultIdHex, generation);
  return restored;
}

/**
 * Brings a vault onto this computer from a backup file (a new laptop): its records fill a new
 * store, and only when all of them are in and authentic (and the clinician agreed to leave out
 * any damaged worksheet) is the vault's key file stored, so the vault appears on the start
 * screen complete or not at all. Resolves false when the clinician chose not to go ahead.
 */
export async function importVault(
  source: BackupSource,
  opening: BackupOpening,
  unlocked: UnlockedVault,
  confirmLeavingOut: ConfirmLeavingOut,
): Promise<boolean> {
  const vaultIdHex = toHex(unlocked.header.vaultId);
  const { headerBytes } = opening;
  const { dataKey } = unlocked;
  const existing = await callMain('vault:list', {});
  if (existing.some((vault) => vault.vaultId === vaultIdHex))
    throw new VaultError('ALREADY_ON_THIS_COMPUTER');
  const generation = 1;
  const db = await freshStore(vaultIdHex, generation);
  try {
    // Worksheet files go to main while filling, which main allows only for the vault being opened.
    await callMain('vault:opened', { vaultId: vaultIdHex });
    const keys = { vaultId: fromHex(vaultIdHex), dataKey };
    const { restoredFiles } = await fillStoreFromBackup(source, keys, vaultIdHex, db);
    if (!(await settleWorksheetsLeftOut(db, keys, vaultIdHex, restoredFiles, confirmLeavingOut)))
      throw new ImportDeclined();
    db.close();
    await switchLiveGeneration(vaultIdHex, generation);
    await callMain('vault:create', { header: toBase64(headerBytes) });
    return true;
  } catch (error) {
    await callMain('vault:closed', {}).catch(() => undefined);
    // Only clean up if the vault did not get stored after all (never touch a vault that exists).
    const listed = await callMain('vault:list', {}).catch(() => []);
    if (!listed.some((vault) => vault.vaultId === vaultIdHex)) {
      await deleteOtherGenerations(vaultIdHex, null);
      await callMain('vault:remove', { vaultId: vaultIdHex }).catch(() => undefined);
    }
    if (error instanceof ImportDeclined) return false;
    throw error;
  }
}

/** The clinician chose not to import without the worksheets that can't be brought back. */
class ImportDeclined extends Error {}

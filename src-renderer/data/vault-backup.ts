import { concatBytes, fromBase64, fromHex, toBase64, toHex } from '../../src-shared/crypto/bytes';
import { loadSodium } from '../../src-shared/crypto/sodium';
import type { BackupEntry, BackupSource } from '../../src-shared/ipc/contract';
import { decryptAttachment } from '../../src-shared/vault/attachment-codec';
import {
  type BackupAttachment,
  BackupReader,
  type BackupRecord,
  type BackupSummary,
  BackupWriter,
} from '../../src-shared/vault/backup-format';
import { VaultError } from '../../src-shared/vault/vault-error';
import { callMain } from '../main-process';
import { indexFieldsOfSealed } from './encrypted-table';
import { deleteOtherGenerations, switchLiveGeneration } from './store-registry';
import { VAULT_TABLES, VaultDatabase } from './vault-database';
import { reopenOnGeneration, type VaultSession } from './vault-session';

/** Bytes sent to or read from the main process per call. */
const CHUNK_BYTES = 1024 * 1024;
/** Records encoded (and hashed) together when writing a backup. */
const RECORDS_PER_BATCH = 2_000;

/** Collects bytes and sends them to main in chunks of about CHUNK_BYTES. */
function chunkSender(writeId: string) {
  let pending: Uint8Array[] = [];
  let size = 0;
  async function flush(): Promise<void> {
    if (size === 0) return;
    const chunk = concatBytes(...pending);
    pending = [];
    size = 0;
    await callMain('backup:append', { writeId, chunk: toBase64(chunk) });
  }
  return {
    async add(bytes: Uint8Array): Promise<void> {
      pending.push(bytes);
      size += bytes.length;
      if (size >= CHUNK_BYTES) await flush();
    },
    flush,
  };
}

/**
 * Writes a backup of the live store: one consistent snapshot of every table's sealed rows,
 * streamed to the main process as the ciphertext it already is, with the whole file
 * authenticated by a MAC from the data key. Resolves once main has verified and kept it.
 */
export async function backUpVault(session: VaultSession): Promise<BackupEntry> {
  const changesIncluded = session.changeCount();
  const tables = [...session.db.sealedTables()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const snapshot = await session.db.transaction(
    'r',
    tables.map(({ table }) => table),
    () => Promise.all(tables.map(({ table }) => table.toArray())),
  );
  const writer = new BackupWriter(session.headerBytes, session.unlocked.dataKey, Date.now());
  const { writeId } = await callMain('backup:begin', { vaultId: session.vaultIdHex });
  try {
    const sender = chunkSender(writeId);
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
    const attachmentIds = (snapshot[tables.findIndex(({ name }) => name === 'attachments')] ?? [])
      .map((row) => row.id)
      .sort();
    for (const attachmentId of attachmentIds) {
      const file = await callMain('attachment:read', {
        vaultId: session.vaultIdHex,
        attachmentId,
      }).catch(() => null);
      if (file)
        await sender.add(writer.attachment({ id: attachmentId, stored: fromBase64(file.data) }));
    }
    await sender.add(writer.finish());
    await sender.flush();
    const entry = await callMain('backup:commit', { writeId });
    session.markBackedUp(changesIncluded);
    return entry;
  } catch (error) {
    await callMain('backup:abort', { writeId }).catch(() => undefined);
    throw error;
  }
}

/** Reads a backup's opening bytes and returns its vault header, for unlocking before an import. */
export async function readBackupHeader(source: BackupSource): Promise<Uint8Array> {
  await loadSodium();
  const reader = new BackupReader();
  let offset = 0;
  for (;;) {
    const { chunk, done } = await callMain('backup:read', { source, offset, length: CHUNK_BYTES });
    const bytes = fromBase64(chunk);
    reader.push(bytes);
    offset += bytes.length;
    if (reader.opening) return reader.opening.headerBytes;
    if (done) return reader.finish().headerBytes;
  }
}

/**
 * Streams a backup from main into an empty store, checking everything on the way: structure,
 * the vault it belongs to, known tables, and at the end the MAC over the whole file. Throws
 * VaultError on the first problem; the caller then discards the store.
 */
async function fillStoreFromBackup(
  source: BackupSource,
  dataKey: Uint8Array,
  vaultIdHex: string,
  db: VaultDatabase,
): Promise<BackupSummary> {
  let pending: BackupRecord[] = [];
  const known = new Set<string>(VAULT_TABLES);
  const keys = { vaultId: fromHex(vaultIdHex), dataKey };
  let pendingAttachments: BackupAttachment[] = [];
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
    dataKey,
    (attachment) => {
      assertSameVault();
      // Each file is checked with the vault's key before it is handed back to the main process.
      decryptAttachment(dataKey, attachment.id, attachment.stored);
      pendingAttachments.push(attachment);
    },
  );
  let offset = 0;
  for (;;) {
    const { chunk, done } = await callMain('backup:read', { source, offset, length: CHUNK_BYTES });
    const bytes = fromBase64(chunk);
    reader.push(bytes);
    offset += bytes.length;
    if (reader.opening && toHex(reader.opening.header.vaultId) !== vaultIdHex)
      throw new VaultError('OTHER_VAULT');
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
    await db.transaction(
      'rw',
      tables.map(({ table }) => table),
      async () => {
        for (const { table, rows } of rowsByTable) if (rows.length > 0) await table.bulkPut(rows);
      },
    );
    for (const attachment of pendingAttachments) {
      await callMain('attachment:save', {
        vaultId: vaultIdHex,
        attachmentId: attachment.id,
        data: toBase64(attachment.stored),
      });
    }
    pendingAttachments = [];
    if (done) return reader.finish();
  }
}

async function freshStore(vaultIdHex: string, generation: number): Promise<VaultDatabase> {
  await new VaultDatabase(vaultIdHex, generation).delete();
  return new VaultDatabase(vaultIdHex, generation);
}

/**
 * Replaces the vault's data with a backup's, all or nothing: a backup of the current state is
 * made first, the backup fills a new store generation, and only a complete, authentic one
 * becomes live (one durable write). Returns the session on the restored data.
 */
export async function restoreVault(
  session: VaultSession,
  source: BackupSource,
): Promise<VaultSession> {
  await backUpVault(session);
  const generation = session.generation + 1;
  const db = await freshStore(session.vaultIdHex, generation);
  try {
    await fillStoreFromBackup(source, session.unlocked.dataKey, session.vaultIdHex, db);
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
 * store, and only when all of them are in and authentic is the vault's key file stored,
 * so the vault appears on the start screen complete or not at all.
 */
export async function importVault(
  source: BackupSource,
  headerBytes: Uint8Array,
  dataKey: Uint8Array,
  vaultIdHex: string,
): Promise<void> {
  const existing = await callMain('vault:list', {});
  if (existing.some((vault) => vault.vaultId === vaultIdHex))
    throw new VaultError('ALREADY_ON_THIS_COMPUTER');
  const generation = 1;
  const db = await freshStore(vaultIdHex, generation);
  try {
    // Worksheet files go to main while filling, which main allows only for the vault being opened.
    await callMain('vault:opened', { vaultId: vaultIdHex });
    await fillStoreFromBackup(source, dataKey, vaultIdHex, db);
    db.close();
    await switchLiveGeneration(vaultIdHex, generation);
    await callMain('vault:create', { header: toBase64(headerBytes) });
  } catch (error) {
    await callMain('vault:closed', {}).catch(() => undefined);
    // Only clean up if the vault did not get stored after all (never touch a vault that exists).
    const listed = await callMain('vault:list', {}).catch(() => []);
    if (!listed.some((vault) => vault.vaultId === vaultIdHex)) {
      await deleteOtherGenerations(vaultIdHex, null);
      await callMain('vault:remove', { vaultId: vaultIdHex }).catch(() => undefined);
    }
    throw error;
  }
}

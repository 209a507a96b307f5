// A process that writes backups in a loop, as the app's main process does, until it is killed.
// Used by tests/faults/backup-crash.test.ts (bundled into one file there, so that starting a
// process per trial stays cheap; `node --import tsx` runs it unbundled too):
//   backup-writer-child.ts DATA_DIR FIXTURE_JSON
// DATA_DIR holds the settings file naming the backup folder; FIXTURE_JSON holds the vault's
// header and data key (base64) and how big the backups and their chunks are. The child loads
// everything, prints `ready`, waits for a line on standard input, then writes backups with the
// real backup store, printing `committed <file name>` after each. It stops when its standard
// input closes (the parent is gone) or when it is killed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { concatBytes, fromBase64, toHex, utf8 } from '../../src-shared/crypto/bytes';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { type BackupRecord, BackupWriter } from '../../src-shared/vault/backup-format';
import { parseHeader } from '../../src-shared/vault/header';
import { encryptRecord } from '../../src-shared/vault/record-codec';
import { createBackupStore } from '../../src-main/services/backup-store';
import { createSettingsStore } from '../../src-main/services/settings-store';

/** What the parent hands the child. */
export type WriterFixture = {
  headerBytes: string;
  dataKey: string;
  recordCount: number;
  recordBytes: number;
  chunkBytes: number;
};

const [dataDir, fixturePath] = process.argv.slice(2);
if (!dataDir || !fixturePath) {
  console.error('usage: backup-writer-child.ts DATA_DIR FIXTURE_JSON');
  process.exit(2);
}

await loadSodium();
const fixture = JSON.parse(await readFile(fixturePath, 'utf8')) as WriterFixture;
const headerBytes = fromBase64(fixture.headerBytes);
const dataKey = fromBase64(fixture.dataKey);
const header = parseHeader(headerBytes);
const vaultId = toHex(header.vaultId);

const filler = 'x'.repeat(fixture.recordBytes);
const records: BackupRecord[] = Array.from({ length: fixture.recordCount }, (_, i) => {
  const id = `r${String(i).padStart(6, '0')}`;
  return {
    table: 'clients',
    id,
    sealed: encryptRecord(
      dataKey,
      { vaultId: header.vaultId, table: 'clients', recordId: id },
      1,
      utf8(JSON.stringify({ i, filler })),
    ),
  };
});

const store = createBackupStore({
  settings: createSettingsStore(dataDir),
  defaultBackupFolder: join(dataDir, 'default-backups-not-used'),
});

// Wait for the go-ahead, so the parent can start the next process while this one waits.
await new Promise<void>((resolve) => {
  process.stdin.once('data', () => resolve());
  process.stdin.once('end', () => process.exit(0));
  process.stdout.write('ready\n');
});

for (;;) {
  const writer = new BackupWriter(headerBytes, dataKey, Date.now());
  const { writeId } = await store.begin(vaultId);
  let pending: Uint8Array[] = [writer.start()];
  let pendingBytes = pending[0]?.length ?? 0;
  const flush = async () => {
    await store.append(writeId, concatBytes(...pending));
    pending = [];
    pendingBytes = 0;
  };
  for (const record of records) {
    const bytes = writer.record(record);
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (pendingBytes >= fixture.chunkBytes) await flush();
  }
  pending.push(writer.finish());
  await flush();
  const entry = await store.commit(writeId);
  process.stdout.write(`committed ${entry.fileName}\n`);
}

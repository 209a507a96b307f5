// `npx tsx scripts/make-demo-backup.ts`: (re)writes the interop fixture, a backup of a small
// demo vault, byte for byte the same on every run:
//
//   tests/fixtures/demo.bwvault        backup file format 1 (docs/vault-format.md, "Backup file")
//   tests/fixtures/demo.passphrase     the passphrase, UTF-8, no trailing newline
//   tests/fixtures/demo.recovery-key   the recovery key text, no trailing newline
//
// The demo vault holds three clients (client record version 2: one active, one paused, one
// discharged) and two goals of the first client, so the backup spans two tables and shows the
// (table, id) order across them. tests/interop/decrypt_backup.py reads these with only the spec
// and PyNaCl. The demo vault is made by the app's own code (createVault, encryptRecord,
// BackupWriter); only its randomness is replaced, in this script alone, by a seeded generator so
// the output never changes. Before anything is written, the backup is read back with the app's
// BackupReader and every record is opened the way the app opens it (openRow) and the way a
// restore indexes it (indexFieldsOfSealed).
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { concatBytes, utf8 } from '../src-shared/crypto/bytes';
import { deriveKeyFromPassphrase, type KdfParams, kdfPolicy } from '../src-shared/crypto/kdf';
import { loadSodium } from '../src-shared/crypto/sodium';
import { CLIENT_SCHEMA_VERSION, type Client, clientSchema } from '../src-shared/domain/client';
import { GOAL_SCHEMA_VERSION, type Goal, goalSchema } from '../src-shared/domain/goal';
import { newRecordId } from '../src-shared/domain/record-id';
import { BackupReader, BackupWriter } from '../src-shared/vault/backup-format';
import {
  createVault,
  type PassphraseKdf,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from '../src-shared/vault/key-slots';
import { decryptRecord, encryptRecord } from '../src-shared/vault/record-codec';
import { indexFieldsOfSealed, openRow } from '../src-renderer/data/encrypted-table';
import { entities } from '../src-renderer/data/entities';

const VAULT_NAME = 'Demo practice';
const PASSPHRASE = 'demo passphrase for interop tests';
const BACKUP_CREATED_AT = Date.UTC(2026, 10, 1);
const SEED_CONTEXT = 'bridgework demo fixture v1';
const CLIENTS: Omit<Client, 'id'>[] = [
  {
    name: 'Ada Example',
    status: 'active',
    privateNotes: 'Demo note: prefers mornings.',
    createdAt: '2026-09-01T09:00:00.000Z',
    statusChangedAt: '2026-09-01T09:00:00.000Z',
  },
  {
    name: 'Jonas Ødegård (demo)',
    status: 'paused',
    privateNotes: '',
    createdAt: '2026-09-15T14:30:00.000Z',
    statusChangedAt: '2026-10-06T10:00:00.000Z',
  },
  {
    name: 'Mika Sample',
    status: 'discharged',
    privateNotes: '',
    createdAt: '2026-10-02T08:15:00.000Z',
    statusChangedAt: '2026-10-20T16:45:00.000Z',
  },
];
/** Goals of the first client ("Ada Example"); `clientId` is filled in with her id. */
const ADA_GOALS: Omit<Goal, 'id' | 'clientId'>[] = [
  {
    clientWords: 'Get back to Sunday football',
    whyItMatters: 'My friends are there and I feel better after a game.',
    status: 'active',
    createdAt: '2026-09-08T09:30:00.000Z',
    updatedAt: '2026-09-08T09:30:00.000Z',
  },
  {
    clientWords: 'Go to bed before midnight on weeknights',
    whyItMatters: '',
    status: 'achieved',
    createdAt: '2026-09-08T09:40:00.000Z',
    updatedAt: '2026-10-13T09:10:00.000Z',
  },
];
const EXPECTED_TABLES = { clients: CLIENTS.length, goals: ADA_GOALS.length };

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures');

const s = await loadSodium();

// Deterministic randomness, for this script only: the n-th request for random bytes gets
// randombytes_buf_deterministic(length, seed), seed = BLAKE2b-256("<context>/<n>"). The data
// key comes from crypto_aead_xchacha20poly1305_ietf_keygen, which calls libsodium's C
// randombytes directly, so it is routed through the same generator.
let draws = 0;
const deterministicBytes = (length: number): Uint8Array =>
  s.randombytes_buf_deterministic(
    length,
    s.crypto_generichash(32, utf8(`${SEED_CONTEXT}/${draws++}`), null),
  );
Object.assign(s, {
  randombytes_buf: deterministicBytes,
  crypto_aead_xchacha20poly1305_ietf_keygen: () =>
    deterministicBytes(s.crypto_aead_xchacha20poly1305_ietf_KEYBYTES),
});

const kdfParams: KdfParams = {
  opsLimit: kdfPolicy.minOpsLimit,
  memLimitBytes: kdfPolicy.minMemLimitBytes,
};
const derive: PassphraseKdf = async (passphrase, salt, params) =>
  deriveKeyFromPassphrase(passphrase, salt, params);

/** The demo vault and its backup, from the start of the deterministic sequence. */
async function build() {
  draws = 0;
  const vault = await createVault({ name: VAULT_NAME, passphrase: PASSPHRASE, kdfParams, derive });
  const seal = (table: string, schemaVersion: number, record: { id: string }) => ({
    table,
    id: record.id,
    sealed: encryptRecord(
      vault.dataKey,
      { vaultId: vault.header.vaultId, table, recordId: record.id },
      schemaVersion,
      utf8(JSON.stringify(record)),
    ),
  });
  const clients = CLIENTS.map((fields) => clientSchema.parse({ id: newRecordId(), ...fields }));
  const ada = clients[0];
  if (!ada) throw new Error('no demo clients');
  const goals = ADA_GOALS.map((fields) =>
    goalSchema.parse({ id: newRecordId(), clientId: ada.id, ...fields }),
  );
  // Backup order: by table name, then by id (both compared as strings, as BackupWriter does).
  const records = [
    ...clients.map((client) => seal('clients', CLIENT_SCHEMA_VERSION, client)),
    ...goals.map((goal) => seal('goals', GOAL_SCHEMA_VERSION, goal)),
  ].sort((a, b) =>
    a.table !== b.table ? (a.table < b.table ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const writer = new BackupWriter(vault.headerBytes, vault.dataKey, BACKUP_CREATED_AT);
  const backup = concatBytes(
    writer.start(),
    ...records.map((record) => writer.record(record)),
    writer.finish(),
  );
  return { vault, adaId: ada.id, records, backup };
}

const { vault, adaId, records, backup } = await build();

// Any randomness the generator does not cover would make a second build differ.
const again = await build();
if (s.to_hex(again.backup) !== s.to_hex(backup) || again.vault.recoveryKey !== vault.recoveryKey)
  throw new Error('the demo backup is not deterministic: some randomness is not seeded');

// Check the result with the app's own reader before writing anything.
const read: { table: string; id: string; sealed: Uint8Array }[] = [];
const reader = new BackupReader((record) => read.push(record), vault.dataKey);
reader.push(backup);
const summary = reader.finish();
if (JSON.stringify(summary.tables) !== JSON.stringify(EXPECTED_TABLES))
  throw new Error(`records per table: ${JSON.stringify(summary.tables)}`);
if (summary.recordCount !== read.length) throw new Error('record count mismatch');
for (const unlocked of [
  await unlockWithPassphrase(summary.headerBytes, PASSPHRASE, derive),
  unlockWithRecoveryKey(summary.headerBytes, vault.recoveryKey),
]) {
  if (!s.memcmp(unlocked.dataKey, vault.dataKey)) throw new Error('data key mismatch');
}
const keys = { vaultId: vault.header.vaultId, dataKey: vault.dataKey };
const opened: Record<string, unknown[]> = {};
for (const record of read) {
  const { schemaVersion, plaintext } = decryptRecord(
    vault.dataKey,
    { vaultId: vault.header.vaultId, table: record.table, recordId: record.id },
    record.sealed,
  );
  const json: unknown = JSON.parse(new TextDecoder().decode(plaintext));
  const row = { id: record.id, sealed: record.sealed };
  // Each record as written must already be valid for its schema, at the current version...
  if (record.table === 'clients') {
    if (schemaVersion !== CLIENT_SCHEMA_VERSION) throw new Error('client schema version');
    clientSchema.parse(json);
    (opened.clients ??= []).push(openRow(entities.clients, keys, row));
  } else if (record.table === 'goals') {
    if (schemaVersion !== GOAL_SCHEMA_VERSION) throw new Error('goal schema version');
    const goal = goalSchema.parse(json);
    if (goal.clientId !== adaId) throw new Error('a goal does not belong to the first client');
    (opened.goals ??= []).push(openRow(entities.goals, keys, row));
    // ...and a restore must find its owner in the plaintext index field.
    if (indexFieldsOfSealed('goals', keys, row).clientId !== adaId)
      throw new Error('restore would not index the goal under its client');
  } else {
    throw new Error(`unexpected table ${record.table}`);
  }
}

await mkdir(fixtures, { recursive: true });
await writeFile(join(fixtures, 'demo.bwvault'), backup);
await writeFile(join(fixtures, 'demo.passphrase'), PASSPHRASE);
await writeFile(join(fixtures, 'demo.recovery-key'), vault.recoveryKey);

console.log(`tests/fixtures/demo.bwvault       ${backup.length} bytes`);
console.log(`  sha256     ${createHash('sha256').update(backup).digest('hex')}`);
console.log(`  vault id   ${s.to_hex(vault.header.vaultId)}`);
console.log(`  data key   ${s.to_hex(vault.dataKey)}`);
console.log(`  records    ${records.map((record) => `${record.table}/${record.id}`).join(', ')}`);
for (const [table, list] of Object.entries(opened))
  for (const record of list) console.log(`  ${table.padEnd(9)}  ${JSON.stringify(record)}`);
console.log(`tests/fixtures/demo.passphrase    ${JSON.stringify(PASSPHRASE)}`);
console.log(`tests/fixtures/demo.recovery-key  ${vault.recoveryKey}`);

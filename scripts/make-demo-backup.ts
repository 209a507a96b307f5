// `npx tsx scripts/make-demo-backup.ts`: (re)writes the interop fixture, a backup of a small
// demo vault, byte for byte the same on every run:
//
//   tests/fixtures/demo.bwvault        backup file format 1 (docs/vault-format.md, "Backup file")
//   tests/fixtures/demo.passphrase     the passphrase, UTF-8, no trailing newline
//   tests/fixtures/demo.recovery-key   the recovery key text, no trailing newline
//
// tests/interop/decrypt_backup.py reads these with only the spec and PyNaCl. The demo vault is
// made by the app's own code (createVault, encryptRecord, BackupWriter); only its randomness is
// replaced, in this script alone, by a seeded generator so the output never changes.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { concatBytes, utf8 } from '../src-shared/crypto/bytes';
import { deriveKeyFromPassphrase, type KdfParams, kdfPolicy } from '../src-shared/crypto/kdf';
import { loadSodium } from '../src-shared/crypto/sodium';
import { CLIENT_SCHEMA_VERSION, type Client, clientSchema } from '../src-shared/domain/client';
import { newRecordId } from '../src-shared/domain/record-id';
import { BackupReader, BackupWriter } from '../src-shared/vault/backup-format';
import {
  createVault,
  type PassphraseKdf,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from '../src-shared/vault/key-slots';
import { decryptRecord, encryptRecord } from '../src-shared/vault/record-codec';

const VAULT_NAME = 'Demo practice';
const PASSPHRASE = 'demo passphrase for interop tests';
const BACKUP_CREATED_AT = Date.UTC(2026, 10, 1);
const SEED_CONTEXT = 'bridgework demo fixture v1';
const CLIENTS: Omit<Client, 'id'>[] = [
  { name: 'Ada Example', createdAt: '2026-09-01T09:00:00.000Z', archivedAt: null },
  { name: 'Jonas Ødegård (demo)', createdAt: '2026-09-15T14:30:00.000Z', archivedAt: null },
  {
    name: 'Mika Sample',
    createdAt: '2026-10-02T08:15:00.000Z',
    archivedAt: '2026-10-20T16:45:00.000Z',
  },
];

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
  const records = CLIENTS.map((fields) => {
    const client = clientSchema.parse({ id: newRecordId(), ...fields });
    const sealed = encryptRecord(
      vault.dataKey,
      { vaultId: vault.header.vaultId, table: 'clients', recordId: client.id },
      CLIENT_SCHEMA_VERSION,
      utf8(JSON.stringify(client)),
    );
    return { table: 'clients', id: client.id, sealed };
  }).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const writer = new BackupWriter(vault.headerBytes, vault.dataKey, BACKUP_CREATED_AT);
  const backup = concatBytes(
    writer.start(),
    ...records.map((record) => writer.record(record)),
    writer.finish(),
  );
  return { vault, records, backup };
}

const { vault, records, backup } = await build();

// Any randomness the generator does not cover would make a second build differ.
const again = await build();
if (s.to_hex(again.backup) !== s.to_hex(backup) || again.vault.recoveryKey !== vault.recoveryKey)
  throw new Error('the demo backup is not deterministic: some randomness is not seeded');

// Check the result with the app's own reader before writing anything.
const read: { table: string; id: string; sealed: Uint8Array }[] = [];
const reader = new BackupReader((record) => read.push(record), vault.dataKey);
reader.push(backup);
const summary = reader.finish();
if (summary.recordCount !== CLIENTS.length) throw new Error('record count mismatch');
for (const unlocked of [
  await unlockWithPassphrase(summary.headerBytes, PASSPHRASE, derive),
  unlockWithRecoveryKey(summary.headerBytes, vault.recoveryKey),
]) {
  if (!s.memcmp(unlocked.dataKey, vault.dataKey)) throw new Error('data key mismatch');
}
for (const record of read) {
  const { plaintext } = decryptRecord(
    vault.dataKey,
    { vaultId: vault.header.vaultId, table: record.table, recordId: record.id },
    record.sealed,
  );
  clientSchema.parse(JSON.parse(new TextDecoder().decode(plaintext)));
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
console.log(`tests/fixtures/demo.passphrase    ${JSON.stringify(PASSPHRASE)}`);
console.log(`tests/fixtures/demo.recovery-key  ${vault.recoveryKey}`);

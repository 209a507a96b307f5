import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault } from '../../tests/fixtures/vaults';
import { concatBytes, utf8 } from '../crypto/bytes';
import { loadSodium } from '../crypto/sodium';
import { BackupReader, type BackupRecord, type BackupSummary, BackupWriter } from './backup-format';
import type { CreatedVault } from './key-slots';
import { encryptRecord } from './record-codec';
import { isVaultError, type VaultErrorCode } from './vault-error';

let vault: CreatedVault;
let records: BackupRecord[];

beforeAll(async () => {
  await loadSodium();
  vault = await buildVault();
  const ids = ['AAAAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBBBB', 'CCCCCCCCCCCCCCCCCCCCCC'];
  records = ['clients', 'goals'].flatMap((table) =>
    ids.map((id) => ({
      table,
      id,
      sealed: encryptRecord(
        vault.dataKey,
        { vaultId: vault.header.vaultId, table, recordId: id },
        1,
        utf8(`{"n":"${table}${id}"}`),
      ),
    })),
  );
});

function writeBackup(list: BackupRecord[], headerBytes = vault.headerBytes): Uint8Array {
  const writer = new BackupWriter(headerBytes, vault.dataKey, Date.UTC(2026, 10, 26));
  return concatBytes(
    writer.start(),
    ...list.map((record) => writer.record(record)),
    writer.finish(),
  );
}

function read(
  bytes: Uint8Array,
  options: { withKey?: boolean; chunk?: number } = {},
): BackupSummary & { seen: BackupRecord[] } {
  const seen: BackupRecord[] = [];
  const reader = new BackupReader(
    (record) => seen.push(record),
    options.withKey ? vault.dataKey : undefined,
  );
  const chunk = options.chunk ?? bytes.length;
  for (let offset = 0; offset < bytes.length; offset += chunk)
    reader.push(bytes.subarray(offset, offset + chunk));
  return { ...reader.finish(), seen };
}

function problem(bytes: Uint8Array, withKey = true): VaultErrorCode | 'accepted' {
  try {
    read(bytes, { withKey });
    return 'accepted';
  } catch (error) {
    if (isVaultError(error)) return error.code;
    throw error;
  }
}

describe('backup file', () => {
  it('round-trips the header and every record, in chunks of any size', () => {
    const bytes = writeBackup(records);
    for (const chunk of [1, 7, 64, bytes.length]) {
      const result = read(bytes, { withKey: true, chunk });
      expect(result.headerBytes).toEqual(vault.headerBytes);
      expect(result.recordCount).toBe(6);
      expect(result.tables).toEqual({ clients: 3, goals: 3 });
      expect(result.createdAt).toBe(Date.UTC(2026, 10, 26));
      expect(result.seen).toEqual(records);
    }
  });

  it('an empty vault backs up too', () => {
    expect(read(writeBackup([]), { withKey: true }).recordCount).toBe(0);
  });

  it('refuses a change at any byte offset', () => {
    const bytes = writeBackup(records.slice(0, 2));
    for (let offset = 0; offset < bytes.length; offset++) {
      const tampered = bytes.slice();
      tampered[offset] = (tampered[offset] ?? 0) ^ 0x20;
      expect(problem(tampered, false), `byte ${offset}`).not.toBe('accepted');
    }
  });

  it('refuses every truncation, an empty file and trailing bytes', () => {
    const bytes = writeBackup(records.slice(0, 2));
    for (let length = 1; length < bytes.length; length++) {
      expect(problem(bytes.subarray(0, length), false), `length ${length}`).not.toBe('accepted');
    }
    expect(problem(new Uint8Array(), false)).toBe('EMPTY_FILE');
    expect(problem(concatBytes(bytes, new Uint8Array([0])), false)).toBe('DAMAGED');
  });

  it('names a file of another kind and a newer format', () => {
    expect(problem(utf8('%PDF-1.7 a handout'), false)).toBe('NOT_A_VAULT');
    const newer = writeBackup(records).slice();
    newer[4] = 2;
    expect(problem(newer, false)).toBe('NEWER_VERSION');
  });

  it('the writer refuses records out of order, and the reader refuses duplicated or reordered ones', () => {
    const [first, second] = records;
    if (!first || !second) throw new Error('fixture');
    const writer = new BackupWriter(vault.headerBytes, vault.dataKey, 0);
    writer.start();
    writer.record(second);
    expect(() => writer.record(first)).toThrow('strictly increasing');

    const forged = (list: BackupRecord[]) => {
      // Bypasses the writer's ordering check, as a hand-made file would.
      const w = new BackupWriter(vault.headerBytes, vault.dataKey, 0);
      const chunks = [w.start()];
      (w as unknown as { previous: null }).previous = null;
      for (const record of list) {
        (w as unknown as { previous: null }).previous = null;
        chunks.push(w.record(record));
      }
      chunks.push(w.finish());
      return concatBytes(...chunks);
    };
    expect(problem(forged([first, first]), false)).toBe('DAMAGED');
    expect(problem(forged([second, first]), false)).toBe('DAMAGED');
  });

  it('with the passphrase, notices a dropped record, a substituted record and a rolled-back header', async () => {
    const original = writeBackup(records);
    expect(problem(original)).toBe('accepted');

    const dropped = writeBackup(records.filter((_, i) => i !== 2));
    const macOf = (bytes: Uint8Array) => bytes.subarray(bytes.length - 64, bytes.length - 32);
    // Splice the original's MAC onto a backup missing one record and fix its checksum.
    const withOldMac = await reseal(dropped, macOf(original));
    expect(problem(withOldMac, false)).toBe('accepted');
    expect(problem(withOldMac)).toBe('BACKUP_TAMPERED');

    const otherVault = await buildVault();
    const rolledBack = await reseal(writeBackup(records, otherVault.headerBytes), macOf(original));
    expect(problem(rolledBack)).toBe('BACKUP_TAMPERED');
  });
});

/** The same bytes with another MAC and a recomputed checksum: an edit made without the key. */
async function reseal(bytes: Uint8Array, mac: Uint8Array): Promise<Uint8Array> {
  const s = await loadSodium();
  const body = concatBytes(bytes.subarray(0, bytes.length - 64), mac);
  return concatBytes(body, s.crypto_generichash(32, body, null));
}

describe('attachments in a backup', () => {
  it('follow the records, in id order, and are covered by the MAC', () => {
    const writer = new BackupWriter(vault.headerBytes, vault.dataKey, 0);
    const first = { id: 'AAAAAAAAAAAAAAAAAAAAAA', stored: new Uint8Array([1, 2, 3]) };
    const second = { id: 'BBBBBBBBBBBBBBBBBBBBBB', stored: new Uint8Array(70_000).fill(7) };
    const bytes = concatBytes(
      writer.start(),
      writer.records(records),
      writer.attachment(first),
      writer.attachment(second),
      writer.finish(),
    );
    const seen: { id: string; stored: Uint8Array }[] = [];
    const reader = new BackupReader(undefined, vault.dataKey, (attachment) =>
      seen.push(attachment),
    );
    for (let offset = 0; offset < bytes.length; offset += 4096)
      reader.push(bytes.subarray(offset, offset + 4096));
    expect(reader.finish()).toMatchObject({ recordCount: records.length, attachmentCount: 2 });
    expect(seen).toEqual([first, second]);

    const late = new BackupWriter(vault.headerBytes, vault.dataKey, 0);
    late.start();
    late.attachment(first);
    expect(() => late.records(records)).toThrow('records must come before attachments');
    expect(() => late.attachment(first)).toThrow('strictly increasing');
  });
});

describe('a large backup', () => {
  it('is refused after a change at any of 1,000 random offsets', () => {
    const many: BackupRecord[] = Array.from({ length: 2_000 }, (_, i) => {
      const id = `R${String(i).padStart(6, '0')}AAAAAAAAAAAAAAA`;
      const sealed = encryptRecord(
        vault.dataKey,
        { vaultId: vault.header.vaultId, table: 'practiceLogs', recordId: id },
        1,
        utf8(`{"i":${i},"note":"a day of practice"}`),
      );
      return { table: 'practiceLogs', id, sealed };
    });
    const bytes = writeBackup(many);
    expect(bytes.length).toBeGreaterThan(150_000);
    // A fixed pseudo-random sequence, so a failure names an offset that can be replayed.
    let seed = 0x2545f491;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) % bytes.length;
    const accepted: number[] = [];
    for (let trial = 0; trial < 1_000; trial++) {
      const offset = next();
      const tampered = bytes.slice();
      tampered[offset] = (tampered[offset] ?? 0) ^ (1 << (trial % 8));
      if (problem(tampered, false) === 'accepted') accepted.push(offset);
    }
    expect(accepted).toEqual([]);
  });
});

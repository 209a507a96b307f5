import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault } from '../../tests/fixtures/vaults';
import {
  expectTypedOutcome,
  mutatedBytes,
  oneByteChanged,
  randomBytesAfter,
} from '../../tests/support/fuzz';
import { concatBytes } from '../crypto/bytes';
import { loadSodium, sodium } from '../crypto/sodium';
import {
  BACKUP_MAGIC,
  type BackupAttachment,
  BackupReader,
  type BackupRecord,
  BackupWriter,
} from './backup-format';
import type { CreatedVault } from './key-slots';
import { isVaultError } from './vault-error';

/**
 * The backup file format against random, damaged, truncated and rearranged files, read in chunks
 * of any size: the reader answers a summary or a VaultError (never another error, never a path),
 * accepts a damaged file never, and with the data key refuses even a deliberate edit whose
 * checksum was recomputed. What the writer writes reads back record for record.
 */

let vault: CreatedVault;

beforeAll(async () => {
  await loadSodium();
  vault = await buildVault();
});

const RUNS = { numRuns: 200 };
const CREATED_AT = Date.UTC(2026, 10, 26);
const TAG_BYTES = 32;

const idArbitrary = fc.stringMatching(/^[A-Za-z0-9_-]{22}$/);

/** Records as a vault holds them: unique (table, id), sealed bytes opaque to the format. */
const recordsArbitrary = fc
  .uniqueArray(
    fc.record({
      table: fc.constantFrom('clients', 'goals', 'sessions', 'assignments', 'practiceLog'),
      id: idArbitrary,
      sealed: fc.uint8Array({ minLength: 1, maxLength: 120 }),
    }),
    { selector: (record) => `${record.table}/${record.id}`, maxLength: 20 },
  )
  .map((records) => records.sort(byAddress));

const attachmentsArbitrary = fc
  .uniqueArray(
    fc.record({ id: idArbitrary, stored: fc.uint8Array({ minLength: 1, maxLength: 200 }) }),
    { selector: (attachment) => attachment.id, maxLength: 4 },
  )
  .map((attachments) => attachments.sort((a, b) => (a.id < b.id ? -1 : 1)));

function byAddress(a: BackupRecord, b: BackupRecord): number {
  if (a.table !== b.table) return a.table < b.table ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A backup's parts, as the writer emits them: opening, one run per entry, closing. */
function writtenParts(records: BackupRecord[], attachments: BackupAttachment[] = []) {
  const writer = new BackupWriter(vault.headerBytes, vault.dataKey, CREATED_AT);
  const start = writer.start();
  const recordParts = records.map((record) => writer.record(record));
  const attachmentParts = attachments.map((attachment) => writer.attachment(attachment));
  return { start, recordParts, attachmentParts, finish: writer.finish() };
}

function written(records: BackupRecord[], attachments: BackupAttachment[] = []): Uint8Array {
  const parts = writtenParts(records, attachments);
  return concatBytes(parts.start, ...parts.recordParts, ...parts.attachmentParts, parts.finish);
}

/** Reads `bytes` pushed `chunk` bytes at a time, with the data key unless told otherwise. */
function readAll(bytes: Uint8Array, chunk: number, withKey = true) {
  const records: BackupRecord[] = [];
  const attachments: BackupAttachment[] = [];
  const reader = new BackupReader(
    (record) => records.push(record),
    withKey ? vault.dataKey : undefined,
    (attachment) => attachments.push(attachment),
  );
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    reader.push(bytes.subarray(offset, offset + chunk));
  }
  return { summary: reader.finish(), records, attachments };
}

/** The reader's outcome for `bytes`: what it read, or undefined after a typed refusal. */
const outcome = (bytes: Uint8Array, chunk: number, withKey = true) =>
  expectTypedOutcome(() => readAll(bytes, chunk, withKey), isVaultError);

/** `bytes` (a backup without its checksum) closed with a recomputed checksum. */
function withChecksum(bytes: Uint8Array): Uint8Array {
  return concatBytes(bytes, sodium().crypto_generichash(TAG_BYTES, bytes, null));
}

const chunkSize = fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 65, max: 5000 }));

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('the backup format, fuzzed', () => {
  const sample: BackupRecord[] = ['clients', 'goals', 'sessions'].flatMap((table) =>
    ['AAAAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBBBB'].map((id, i) => ({
      table,
      id,
      sealed: new Uint8Array(40 + i).fill(table.length + i),
    })),
  );
  const sampleAttachments: BackupAttachment[] = [
    { id: 'AAAAAAAAAAAAAAAAAAAAAA', stored: new Uint8Array(50).fill(9) },
    { id: 'CCCCCCCCCCCCCCCCCCCCCC', stored: new Uint8Array(30).fill(3) },
  ];
  let backup: Uint8Array;
  beforeAll(() => {
    backup = written(sample, sampleAttachments);
  });

  it('reads back every record and attachment it writes, in chunks of any size', () => {
    fc.assert(
      fc.property(
        recordsArbitrary,
        attachmentsArbitrary,
        chunkSize,
        (records, attachments, chunk) => {
          const read = readAll(written(records, attachments), chunk);
          expect(read.records).toEqual(records);
          expect(read.attachments).toEqual(attachments);
          expect(read.summary).toMatchObject({
            createdAt: CREATED_AT,
            recordCount: records.length,
            attachmentCount: attachments.length,
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('answers a summary or a typed error for random bytes, with or without the magic', () => {
    fc.assert(
      fc.property(
        randomBytesAfter(concatBytes(BACKUP_MAGIC, new Uint8Array([1, 0]))),
        chunkSize,
        (bytes, chunk) => {
          expect(outcome(bytes, chunk, false)).toBeUndefined();
        },
      ),
      RUNS,
    );
  });

  it('refuses every damaged copy (flipped, cut, inserted, duplicated or swapped bytes)', () => {
    fc.assert(
      fc.property(
        fc.oneof(mutatedBytes(backup), oneByteChanged(backup)),
        chunkSize,
        fc.boolean(),
        (bytes, chunk, withKey) => {
          if (outcome(bytes, chunk, withKey)) expect(same(bytes, backup)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('with the data key, refuses a deliberate edit whose checksum was recomputed', () => {
    fc.assert(
      fc.property(mutatedBytes(backup.subarray(0, -TAG_BYTES)), chunkSize, (edited, chunk) => {
        const bytes = withChecksum(edited);
        if (outcome(bytes, chunk)) expect(same(bytes, backup)).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses records reordered, dropped or repeated, even with the count and checksum fixed up', () => {
    const parts = writtenParts(sample, sampleAttachments);
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: sample.length - 1 }), { maxLength: sample.length + 2 }),
        chunkSize,
        (order, chunk) => {
          fc.pre(order.some((index, at) => index !== at) || order.length !== sample.length);
          const entries = concatBytes(
            parts.start,
            ...order.map((index) => parts.recordParts[index] ?? new Uint8Array()),
            ...parts.attachmentParts,
          );
          // As a careless tool would: the original count, MAC and checksum.
          expect(outcome(concatBytes(entries, parts.finish), chunk)).toBeUndefined();
          // As a deliberate one would: the count and checksum made to match, the MAC kept.
          const count = new Uint8Array(4);
          new DataView(count.buffer).setUint32(0, order.length, true);
          const mac = parts.finish.subarray(5, 5 + TAG_BYTES);
          const edited = withChecksum(concatBytes(entries, new Uint8Array([0]), count, mac));
          expect(outcome(edited, chunk)).toBeUndefined();
        },
      ),
      RUNS,
    );
  });

  it('refuses the file cut off at any length, saying it is incomplete or empty', () => {
    fc.assert(
      fc.property(fc.nat({ max: backup.length - 1 }), chunkSize, (length, chunk) => {
        expect(() => readAll(backup.subarray(0, length), chunk)).toThrow(
          expect.objectContaining({ code: length === 0 ? 'EMPTY_FILE' : 'TRUNCATED' }),
        );
      }),
      RUNS,
    );
  });
});

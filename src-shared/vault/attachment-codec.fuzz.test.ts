import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectTypedOutcome, mutatedBytes, randomBytesAfter } from '../../tests/support/fuzz';
import { concatBytes } from '../crypto/bytes';
import { loadSodium } from '../crypto/sodium';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_FORMAT_VERSION,
  ATTACHMENT_MAGIC,
  attachmentOpens,
  decryptAttachment,
  encryptAttachment,
} from './attachment-codec';
import { isVaultError } from './vault-error';

/**
 * The worksheet file format (secretstream in 64 KiB chunks) against damaged, truncated,
 * reordered and foreign files: it opens only unchanged, under its own id and key; everything
 * else is RECORD_DAMAGED from `decryptAttachment` and `false` from `attachmentOpens`, never
 * another error.
 */

beforeAll(() => loadSodium());

const RUNS = { numRuns: 150 };

const isDamaged = (error: unknown): error is Error => isVaultError(error, 'RECORD_DAMAGED');

const key = new Uint8Array(32).fill(7);
const id = 'AAAAAAAAAAAAAAAAAAAAAA';
const HEADER_END = 5 + 24;

/** Plaintext of 0 to 3 chunks and a bit, cheap to make: a seed byte repeated with a stride. */
const plaintextArbitrary = fc
  .record({
    length: fc.oneof(
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: ATTACHMENT_CHUNK_BYTES - 2, max: 3 * ATTACHMENT_CHUNK_BYTES + 300 }),
    ),
    seed: fc.nat({ max: 255 }),
  })
  .map(({ length, seed }) => {
    const plaintext = new Uint8Array(length);
    for (let i = 0; i < length; i++) plaintext[i] = (seed + i * 31) & 0xff;
    return plaintext;
  });

/** Byte equality without an element-by-element deep compare (slow on 200 KB). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** The chunks of a stored attachment (length prefix and ciphertext each), after its header. */
function chunksOf(stored: Uint8Array): Uint8Array[] {
  const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  const chunks: Uint8Array[] = [];
  for (let at = HEADER_END; at < stored.length;) {
    const end = at + 4 + view.getUint32(at, true);
    chunks.push(stored.subarray(at, end));
    at = end;
  }
  return chunks;
}

/** Neither reader accepts `bytes` unless they are `stored` itself. */
function expectRefusedUnlessUnchanged(bytes: Uint8Array, stored: Uint8Array, attachmentId = id) {
  const opened = expectTypedOutcome(() => decryptAttachment(key, attachmentId, bytes), isDamaged);
  expect(attachmentOpens(key, attachmentId, bytes)).toBe(opened !== undefined);
  if (opened) expect(same(bytes, stored)).toBe(true);
}

describe('the attachment codec, fuzzed', () => {
  it('opens what it encrypts, whatever its size', () => {
    fc.assert(
      fc.property(plaintextArbitrary, (plaintext) => {
        const stored = encryptAttachment(key, id, plaintext);
        expect(same(decryptAttachment(key, id, stored), plaintext)).toBe(true);
        expect(attachmentOpens(key, id, stored)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a damaged file (flipped, cut, inserted, duplicated or swapped bytes)', () => {
    const small = encryptAttachment(key, id, new Uint8Array(200).fill(1));
    const large = encryptAttachment(key, id, new Uint8Array(2 * ATTACHMENT_CHUNK_BYTES + 10));
    fc.assert(
      fc.property(
        fc.oneof(
          mutatedBytes(small).map((bytes) => ({ bytes, stored: small })),
          mutatedBytes(large).map((bytes) => ({ bytes, stored: large })),
        ),
        ({ bytes, stored }) => expectRefusedUnlessUnchanged(bytes, stored),
      ),
      RUNS,
    );
  });

  it('refuses chunks reordered, dropped or repeated', () => {
    const stored = encryptAttachment(key, id, new Uint8Array(3 * ATTACHMENT_CHUNK_BYTES + 5));
    const chunks = chunksOf(stored);
    expect(chunks).toHaveLength(4);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: chunks.length - 1 }), { maxLength: 6 }), (order) => {
        const bytes = concatBytes(
          stored.subarray(0, HEADER_END),
          ...order.map((index) => chunks[index] ?? new Uint8Array()),
        );
        expectRefusedUnlessUnchanged(bytes, stored);
      }),
      RUNS,
    );
  });

  it('refuses random bytes, with or without the magic and version', () => {
    fc.assert(
      fc.property(
        randomBytesAfter(
          concatBytes(ATTACHMENT_MAGIC, new Uint8Array([ATTACHMENT_FORMAT_VERSION])),
        ),
        (bytes) => expectRefusedUnlessUnchanged(bytes, new Uint8Array()),
      ),
      RUNS,
    );
  });

  it('refuses a file moved to another attachment id', () => {
    const stored = encryptAttachment(key, id, new Uint8Array(100));
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{22}$/).filter((other) => other !== id),
        (other) => expectRefusedUnlessUnchanged(stored, new Uint8Array(), other),
      ),
      RUNS,
    );
  });
});

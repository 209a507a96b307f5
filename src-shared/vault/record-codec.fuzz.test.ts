import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectTypedOutcome, mutatedBytes, randomBytesAfter } from '../../tests/support/fuzz';
import { utf8 } from '../crypto/bytes';
import { loadSodium, sodium } from '../crypto/sodium';
import {
  decryptRecord,
  encryptRecord,
  parseRecordJson,
  type RecordAddress,
  RECORD_FORMAT_VERSION,
} from './record-codec';
import { isVaultError } from './vault-error';

/**
 * The record codec against random and damaged ciphertext: a sealed record opens only unchanged,
 * at its own address, with its own key; anything else is RECORD_DAMAGED (never another error, and
 * never a path). Its JSON reader answers an object or RECORD_DAMAGED for any plaintext.
 */

beforeAll(() => loadSodium());

const RUNS = { numRuns: 300 };

const isDamaged = (error: unknown): error is Error => isVaultError(error, 'RECORD_DAMAGED');

const keyArbitrary = fc.uint8Array({ minLength: 32, maxLength: 32 });

const addressArbitrary: fc.Arbitrary<RecordAddress> = fc.record({
  vaultId: fc.uint8Array({ minLength: 16, maxLength: 16 }),
  table: fc.stringMatching(/^[a-z][a-zA-Z]{0,30}$/),
  recordId: fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
});

const schemaVersion = fc.integer({ min: 0, max: 0xffff });

const sealedArbitrary = fc
  .record({
    key: keyArbitrary,
    address: addressArbitrary,
    schemaVersion,
    plaintext: fc.uint8Array({ maxLength: 300 }),
  })
  .map((input) => ({
    ...input,
    sealed: encryptRecord(input.key, input.address, input.schemaVersion, input.plaintext),
  }));

describe('the record codec, fuzzed', () => {
  it('opens what it seals, with its schema version', () => {
    fc.assert(
      fc.property(sealedArbitrary, ({ key, address, schemaVersion, plaintext, sealed }) => {
        expect(decryptRecord(key, address, sealed)).toEqual({ schemaVersion, plaintext });
      }),
      RUNS,
    );
  });

  it('refuses damaged ciphertext as RECORD_DAMAGED', () => {
    fc.assert(
      fc.property(
        sealedArbitrary.chain((input) =>
          mutatedBytes(input.sealed).map((damaged) => ({ ...input, damaged })),
        ),
        ({ key, address, sealed, damaged }) => {
          const opened = expectTypedOutcome(() => decryptRecord(key, address, damaged), isDamaged);
          if (opened) expect(damaged).toEqual(sealed);
        },
      ),
      RUNS,
    );
  });

  it('refuses random bytes, with or without the format byte', () => {
    fc.assert(
      fc.property(
        keyArbitrary,
        addressArbitrary,
        randomBytesAfter(new Uint8Array([RECORD_FORMAT_VERSION])),
        (key, address, bytes) => {
          expect(
            expectTypedOutcome(() => decryptRecord(key, address, bytes), isDamaged),
          ).toBeUndefined();
        },
      ),
      RUNS,
    );
  });

  it('refuses a record moved to another address or opened with another key', () => {
    fc.assert(
      fc.property(
        sealedArbitrary,
        addressArbitrary,
        keyArbitrary,
        ({ key, address, sealed }, elsewhere, otherKey) => {
          fc.pre(
            elsewhere.table !== address.table ||
              elsewhere.recordId !== address.recordId ||
              !sodium().memcmp(elsewhere.vaultId, address.vaultId),
          );
          expect(() => decryptRecord(key, elsewhere, sealed)).toThrow(
            expect.objectContaining({ code: 'RECORD_DAMAGED' }),
          );
          fc.pre(!sodium().memcmp(otherKey, key));
          expect(() => decryptRecord(otherKey, address, sealed)).toThrow(
            expect.objectContaining({ code: 'RECORD_DAMAGED' }),
          );
        },
      ),
      RUNS,
    );
  });
});

describe("a record's JSON, fuzzed", () => {
  const address: RecordAddress = {
    vaultId: new Uint8Array(16),
    table: 'clients',
    recordId: 'AAAAAAAAAAAAAAAAAAAAAA',
  };

  it('reads back any JSON object as written', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const text = JSON.stringify(record);
        expect(JSON.stringify(parseRecordJson(address, utf8(text)))).toBe(text);
      }),
      RUNS,
    );
  });

  it('answers an object or RECORD_DAMAGED for any bytes, and for damaged JSON', () => {
    const json = utf8(JSON.stringify({ name: 'Ana Souza', notes: ['Sleep', 'é😀'], n: 1.5e3 }));
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 200 }), mutatedBytes(json), fc.json().map(utf8)),
        (bytes) => {
          const record = expectTypedOutcome(() => parseRecordJson(address, bytes), isDamaged);
          if (record) expect(typeof record === 'object' && !Array.isArray(record)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

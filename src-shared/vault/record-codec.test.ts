import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, fromUtf8, utf8 } from '../crypto/bytes';
import { loadSodium, sodium } from '../crypto/sodium';
import {
  decryptRecord,
  encryptRecord,
  parseRecordJson,
  type RecordAddress,
  recordAssociatedData,
  sealedRecordNonce,
} from './record-codec';
import { isVaultError } from './vault-error';

let key: Uint8Array;
let address: RecordAddress;

beforeAll(async () => {
  await loadSodium();
  key = sodium().crypto_aead_xchacha20poly1305_ietf_keygen();
  address = {
    vaultId: sodium().randombytes_buf(16),
    table: 'clients',
    recordId: 'AAAAAAAAAAAAAAAAAAAAAA',
  };
});

function expectDamaged(open: () => unknown) {
  let thrown: unknown;
  try {
    open();
  } catch (error) {
    thrown = error;
  }
  expect(isVaultError(thrown, 'RECORD_DAMAGED')).toBe(true);
}

describe('record codec', () => {
  it('round-trips a record and keeps its schema version', () => {
    const sealed = encryptRecord(key, address, 3, utf8('{"name":"Jonas Ødegård"}'));
    const opened = decryptRecord(key, address, sealed);
    expect(opened.schemaVersion).toBe(3);
    expect(fromUtf8(opened.plaintext)).toBe('{"name":"Jonas Ødegård"}');
  });

  it('never shows the plaintext in the sealed bytes', () => {
    const sealed = encryptRecord(key, address, 1, utf8('Zq-Canary'));
    expect(Buffer.from(sealed).includes(Buffer.from('Zq-Canary'))).toBe(false);
  });

  it('refuses a ciphertext moved to another record id, table or vault', () => {
    const sealed = encryptRecord(key, address, 1, utf8('{}'));
    expectDamaged(() =>
      decryptRecord(key, { ...address, recordId: 'BBBBBBBBBBBBBBBBBBBBBB' }, sealed),
    );
    expectDamaged(() => decryptRecord(key, { ...address, table: 'goals' }, sealed));
    expectDamaged(() => decryptRecord(key, { ...address, vaultId: new Uint8Array(16) }, sealed));
  });

  it('refuses a record whose schema version was changed', () => {
    const sealed = encryptRecord(key, address, 1, utf8('{}'));
    sealed[1] = 2;
    expectDamaged(() => decryptRecord(key, address, sealed));
  });

  it('refuses a record altered at any byte or truncated', () => {
    const sealed = encryptRecord(key, address, 1, utf8('{"a":1}'));
    for (let offset = 0; offset < sealed.length; offset++) {
      const altered = sealed.slice();
      altered[offset] = (altered[offset] ?? 0) ^ 0x01;
      expectDamaged(() => decryptRecord(key, address, altered));
    }
    expectDamaged(() => decryptRecord(key, address, sealed.subarray(0, sealed.length - 1)));
    expectDamaged(() => decryptRecord(key, address, new Uint8Array()));
  });

  it('refuses the wrong key', () => {
    const sealed = encryptRecord(key, address, 1, utf8('{}'));
    expectDamaged(() =>
      decryptRecord(sodium().crypto_aead_xchacha20poly1305_ietf_keygen(), address, sealed),
    );
  });

  it('uses a fresh nonce for each of 10,000 encryptions', () => {
    const nonces = new Set<string>();
    const plaintext = utf8('same plaintext every time');
    for (let i = 0; i < 10_000; i++) {
      const sealed = encryptRecord(key, address, 1, plaintext);
      nonces.add(Buffer.from(sealed.subarray(3, 27)).toString('hex'));
    }
    expect(nonces.size).toBe(10_000);
  });
});

describe('record JSON', () => {
  it('is one JSON object, read as JSON.parse reads it', () => {
    expect(parseRecordJson(address, utf8(' {"a":[1,-0,2.5e3,true,null],"b":"\\u00f8"}\n'))).toEqual(
      {
        a: [1, -0, 2500, true, null],
        b: 'ø',
      },
    );
    // The largest double, and integers past 2^53 (rounded; whether a field may hold one is the
    // schema's business), are still numbers.
    expect(parseRecordJson(address, utf8('{"n":1.7976931348623157e308}')).n).toBe(Number.MAX_VALUE);
    expect(parseRecordJson(address, utf8('{"n":9007199254740993}')).n).toBe(2 ** 53);
    // A key given twice: the last one counts.
    expect(parseRecordJson(address, utf8('{"a":1,"a":2}'))).toEqual({ a: 2 });
  });

  it('refuses anything else as a damaged record', () => {
    const refused: (string | Uint8Array)[] = [
      '\uFEFF{"a":1}',
      '{"a":NaN}',
      '{"a":Infinity}',
      '{"a":-Infinity}',
      '{"a":1e400}',
      '{"a":[-1e309]}',
      `{"a":1${'0'.repeat(309)}}`,
      '[{"a":1}]',
      'null',
      '"{}"',
      '7',
      '',
      '{"a":1,}',
      "{'a':1}",
      '{"a":1} // note',
      '{"a":"line\nbreak"}',
      new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), // {"a":"<ff>"}
      new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]), // overlong
    ];
    for (const plaintext of refused) {
      const bytes = typeof plaintext === 'string' ? utf8(plaintext) : plaintext;
      expectDamaged(() => parseRecordJson(address, bytes));
    }
  });
});

describe('the nonce of a sealed record', () => {
  it('is the 24 bytes after the format and schema version, new for every sealing', async () => {
    await loadSodium();
    const key = sodium().crypto_aead_xchacha20poly1305_ietf_keygen();
    const address = {
      vaultId: new Uint8Array(16),
      table: 'clients',
      recordId: 'AAAAAAAAAAAAAAAAAAAAAA',
    };
    const first = encryptRecord(key, address, 1, utf8('{}'));
    const second = encryptRecord(key, address, 1, utf8('{}'));
    expect(sealedRecordNonce(first)).toHaveLength(24);
    expect(sealedRecordNonce(first)).toEqual(first.subarray(3, 27));
    expect(sealedRecordNonce(first)).not.toEqual(sealedRecordNonce(second));
  });
});

describe('the associated data that binds a record to its place', () => {
  it('is the context, vault id, length-prefixed table and record id, and schema version (4.2)', () => {
    // Section 4.2 spelled out part by part, for any table and id (ids are ASCII in practice).
    const part = (text: string) => concatBytes(new Uint8Array([utf8(text).length]), utf8(text));
    const address = fc.record({
      vaultId: fc.uint8Array({ minLength: 16, maxLength: 16 }),
      table: fc.oneof(fc.constantFrom('clients', 'sessions', 'log'), fc.string({ maxLength: 40 })),
      recordId: fc.oneof(
        fc.base64String({ maxLength: 30 }),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
      ),
    });
    fc.assert(
      fc.property(address, fc.integer({ min: 0, max: 0xffff }), (where, version) => {
        expect(recordAssociatedData(where, version)).toEqual(
          concatBytes(
            utf8('BWREC1'),
            where.vaultId,
            part(where.table),
            part(where.recordId),
            new Uint8Array([version & 0xff, version >>> 8]),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an address part longer than 255 bytes', () => {
    const vaultId = new Uint8Array(16);
    expect(() =>
      recordAssociatedData({ vaultId, table: 'clients', recordId: 'a'.repeat(256) }, 1),
    ).toThrow(RangeError);
    expect(() =>
      recordAssociatedData({ vaultId, table: 'clients', recordId: 'é'.repeat(128) }, 1),
    ).toThrow(RangeError);
    expect(() =>
      recordAssociatedData({ vaultId, table: 't'.repeat(256), recordId: 'a' }, 1),
    ).toThrow(RangeError);
  });
});

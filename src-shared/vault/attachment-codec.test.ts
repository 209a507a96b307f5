import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, sodium } from '../crypto/sodium';
import { attachmentOpens, decryptAttachment, encryptAttachment } from './attachment-codec';
import { isVaultError } from './vault-error';

let key: Uint8Array;
const id = 'AAAAAAAAAAAAAAAAAAAAAA';

beforeAll(async () => {
  await loadSodium();
  key = sodium().crypto_aead_xchacha20poly1305_ietf_keygen();
});

function damaged(open: () => unknown): boolean {
  try {
    open();
    return false;
  } catch (error) {
    return isVaultError(error, 'RECORD_DAMAGED');
  }
}

describe('attachment encryption', () => {
  it('round-trips files of any size, including empty and multi-chunk ones', () => {
    for (const size of [0, 1, 65_536, 65_537, 300_000]) {
      const bytes = sodium().randombytes_buf(size);
      expect(decryptAttachment(key, id, encryptAttachment(key, id, bytes))).toEqual(bytes);
    }
  });

  it('shows nothing of the file in the stored bytes', () => {
    const text = new TextEncoder().encode('%PDF-1.7 Zq-Canary worksheet');
    expect(Buffer.from(encryptAttachment(key, id, text)).includes(Buffer.from('Zq-Canary'))).toBe(
      false,
    );
  });

  it('refuses a changed byte, a dropped last chunk, another id and another key', () => {
    const sealed = encryptAttachment(key, id, sodium().randombytes_buf(150_000));
    for (const offset of [0, 4, 10, 40, 2000, sealed.length - 1]) {
      const altered = sealed.slice();
      altered[offset] = (altered[offset] ?? 0) ^ 1;
      expect(
        damaged(() => decryptAttachment(key, id, altered)),
        `byte ${offset}`,
      ).toBe(true);
    }
    const firstTwoChunks = sealed.subarray(0, 29 + 2 * (4 + 65_536 + 17));
    expect(damaged(() => decryptAttachment(key, id, firstTwoChunks))).toBe(true);
    expect(damaged(() => decryptAttachment(key, 'BBBBBBBBBBBBBBBBBBBBBB', sealed))).toBe(true);
    expect(
      damaged(() =>
        decryptAttachment(sodium().crypto_aead_xchacha20poly1305_ietf_keygen(), id, sealed),
      ),
    ).toBe(true);
  });
});

describe('a stored attachment cut into too-short pieces', () => {
  it('is reported as damaged, not as a crash', () => {
    const sealed = encryptAttachment(key, id, new Uint8Array([1, 2, 3]));
    const tooShort = new Uint8Array([...sealed.subarray(0, 29), 5, 0, 0, 0, 1, 2, 3, 4, 5]);
    expect(damaged(() => decryptAttachment(key, id, tooShort))).toBe(true);
  });
});

describe('checking a stored attachment without keeping its content', () => {
  it('accepts an intact file and refuses a flipped last byte, a file cut after its stream header and a wrong magic', () => {
    const sealed = encryptAttachment(key, id, sodium().randombytes_buf(150_000));
    expect(attachmentOpens(key, id, sealed)).toBe(true);

    const lastByteFlipped = sealed.slice();
    lastByteFlipped[sealed.length - 1] = (lastByteFlipped[sealed.length - 1] ?? 0) ^ 0x80;
    expect(attachmentOpens(key, id, lastByteFlipped)).toBe(false);

    expect(attachmentOpens(key, id, sealed.subarray(0, 29))).toBe(false);

    const wrongMagic = sealed.slice();
    wrongMagic.set(new TextEncoder().encode('BWAX'), 0);
    expect(attachmentOpens(key, id, wrongMagic)).toBe(false);
    expect(attachmentOpens(key, 'BBBBBBBBBBBBBBBBBBBBBB', sealed)).toBe(false);
  });
});

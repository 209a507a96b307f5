import { sodium } from '../crypto/sodium';

/**
 * The recovery key: 20 random bytes (160 bits) shown once as 32 Crockford base32 characters in
 * eight groups of four, e.g. `7K3M-...`. Crockford's alphabet has no I, L, O or U, so it reads
 * aloud and copies by hand without ambiguity; parsing forgives case, spaces and look-alikes.
 */

/** Length of a recovery key in bytes. */
export const RECOVERY_KEY_BYTES = 20;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHARACTERS = (RECOVERY_KEY_BYTES * 8) / 5;

/** A new random recovery key, as bytes and as the text shown to the clinician. */
export function generateRecoveryKey(): { bytes: Uint8Array; text: string } {
  const bytes = sodium().randombytes_buf(RECOVERY_KEY_BYTES);
  return { bytes, text: formatRecoveryKey(bytes) };
}

/** The display form of recovery key bytes: groups of four characters joined by hyphens. */
export function formatRecoveryKey(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{1,4}/g)?.join('-') ?? '';
}

/** The bytes of a typed recovery key, or null when it is not 32 valid characters. */
export function parseRecoveryKey(text: string): Uint8Array | null {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== CHARACTERS) return null;
  const out = new Uint8Array(RECOVERY_KEY_BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of cleaned) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}

import { concatBytes, utf8 } from './bytes';
import { sodium } from './sodium';

/**
 * Stand-ins for a client in a de-identified export: a pseudonym and a shift for their dates,
 * each a keyed BLAKE2b hash (libsodium `crypto_generichash`) of the client's record id under a
 * secret the caller derives from the vault key. The same client gets the same stand-ins in every
 * export from the same vault, so exports can be joined; without the secret, neither says which
 * client it is, and neither is worked out from anything but the id (never the name).
 */

/** Length of the secret, in bytes. */
export const PSEUDONYM_SECRET_BYTES = 32;

/** The most days a client's dates are moved, either way. */
export const MAX_DAY_SHIFT = 30;

/** What a pseudonym starts with, so a reader sees at once what the column holds. */
export const PSEUDONYM_PREFIX = 'Client-';

const PSEUDONYM_CONTEXT = utf8('bridgework/pseudonym/v1');
const DAY_SHIFT_CONTEXT = utf8('bridgework/day-shift/v1');

/**
 * The pseudonym's characters alternate letter, digit: no run of four letters, so it can never
 * spell a word or a name, and no I or O to misread as 1 or 0. Eight of them give about
 * 3.3 × 10⁹ pseudonyms: two clients of one practice share one with odds of about 1 in 6,600 at
 * 1,000 clients.
 */
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '0123456789';
const CODE_LENGTH = 8;

/** 16 bytes of keyed hash of the client id, in one context; throws on a wrong-sized secret. */
function keyedHash(secret: Uint8Array, context: Uint8Array, clientId: string): Uint8Array {
  if (secret.length !== PSEUDONYM_SECRET_BYTES) {
    throw new Error(`the pseudonym secret must be ${PSEUDONYM_SECRET_BYTES} bytes`);
  }
  return sodium().crypto_generichash(16, concatBytes(context, utf8(clientId)), secret);
}

/**
 * The client's pseudonym, e.g. "Client-K4M7Q2X9": `PSEUDONYM_PREFIX` and eight characters of
 * the keyed hash of the record id. `secret` is `PSEUDONYM_SECRET_BYTES` bytes; libsodium must
 * be loaded (`loadSodium`).
 */
export function clientPseudonym(secret: Uint8Array, clientId: string): string {
  const hash = keyedHash(secret, PSEUDONYM_CONTEXT, clientId);
  const view = new DataView(hash.buffer, hash.byteOffset, hash.byteLength);
  const code = Array.from({ length: CODE_LENGTH }, (_, index) => {
    const alphabet = index % 2 === 0 ? LETTERS : DIGITS;
    return alphabet[view.getUint16(index * 2, true) % alphabet.length];
  });
  return `${PSEUDONYM_PREFIX}${code.join('')}`;
}

/**
 * How many days to move all of one client's dates, from −`MAX_DAY_SHIFT` to +`MAX_DAY_SHIFT`
 * and never 0 (no client keeps their real dates): the same for every date of the client, so
 * the days between them are kept. `secret` is `PSEUDONYM_SECRET_BYTES` bytes; libsodium must be
 * loaded (`loadSodium`).
 */
export function clientDayShift(secret: Uint8Array, clientId: string): number {
  const hash = keyedHash(secret, DAY_SHIFT_CONTEXT, clientId);
  const choice =
    new DataView(hash.buffer, hash.byteOffset, 4).getUint32(0, true) % (2 * MAX_DAY_SHIFT);
  return choice < MAX_DAY_SHIFT ? choice - MAX_DAY_SHIFT : choice - MAX_DAY_SHIFT + 1;
}

import { concatBytes, fromUtf8, utf8 } from '../crypto/bytes';
import { sodium } from '../crypto/sodium';
import { VaultError } from './vault-error';

/**
 * Record format version 1: how one record is sealed for IndexedDB (and later backups).
 * Layout: [1 byte format = 1][2 bytes schema version, LE][24-byte nonce][XChaCha20-Poly1305
 * ciphertext of the record's JSON, UTF-8, with its 16-byte tag]. The associated data binds the
 * ciphertext to its vault, table, record id and schema version (docs/vault-format.md).
 */

/** The record format this code writes and reads. */
export const RECORD_FORMAT_VERSION = 1;
const NONCE_BYTES = 24;
const NONCE_OFFSET = 1 + 2;
const PREFIX_BYTES = NONCE_OFFSET + NONCE_BYTES;

/**
 * The nonce of a sealed record (a view, not a copy). Every write draws a new random nonce, so
 * it tells one sealing of a record from another without decrypting it.
 */
export function sealedRecordNonce(sealed: Uint8Array): Uint8Array {
  return sealed.subarray(NONCE_OFFSET, NONCE_OFFSET + NONCE_BYTES);
}
const AAD_CONTEXT = utf8('BWREC1');

/** Where a record lives; sealed into its ciphertext so it cannot be moved unnoticed. */
export type RecordAddress = {
  /** The vault's 16-byte id. */
  vaultId: Uint8Array;
  /** Table name, ASCII, e.g. "clients". */
  table: string;
  /** The record's random id (base64url of 16 random bytes). */
  recordId: string;
};

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  if (bytes.length > 255) throw new RangeError('address part longer than 255 bytes');
  return concatBytes(new Uint8Array([bytes.length]), bytes);
}

function u16(value: number): Uint8Array {
  return new Uint8Array([value & 0xff, (value >>> 8) & 0xff]);
}

/**
 * Each table's name as it goes into associated data (length-prefixed UTF-8), made once. Bounded:
 * the vault has a dozen tables, and a damaged file may name any number of others.
 */
const tableParts = new Map<string, Uint8Array>();
const MAX_TABLE_PARTS = 64;

function tablePart(table: string): Uint8Array {
  const known = tableParts.get(table);
  if (known) return known;
  const part = lengthPrefixed(utf8(table));
  if (tableParts.size < MAX_TABLE_PARTS) tableParts.set(table, part);
  return part;
}

/**
 * The associated data of a record: context, vault id, table, record id and schema version.
 * Made for every record read, so in one allocation, and a record id (base64url, so ASCII) is
 * copied character by character: a TextEncoder call per record cost more than the decryption.
 */
export function recordAssociatedData(address: RecordAddress, schemaVersion: number): Uint8Array {
  const table = tablePart(address.table);
  const { recordId } = address;
  const idBytes = isAscii(recordId) ? null : utf8(recordId);
  const idLength = idBytes?.length ?? recordId.length;
  if (idLength > 255) throw new RangeError('address part longer than 255 bytes');
  const out = new Uint8Array(
    AAD_CONTEXT.length + address.vaultId.length + table.length + 1 + idLength + 2,
  );
  out.set(AAD_CONTEXT);
  let offset = AAD_CONTEXT.length;
  out.set(address.vaultId, offset);
  offset += address.vaultId.length;
  out.set(table, offset);
  offset += table.length;
  out[offset++] = idLength;
  if (idBytes) out.set(idBytes, offset);
  else for (let i = 0; i < idLength; i++) out[offset + i] = recordId.charCodeAt(i);
  offset += idLength;
  out[offset] = schemaVersion & 0xff;
  out[offset + 1] = (schemaVersion >>> 8) & 0xff;
  return out;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Seals a record's plaintext bytes with a fresh random nonce. */
export function encryptRecord(
  dataKey: Uint8Array,
  address: RecordAddress,
  schemaVersion: number,
  plaintext: Uint8Array,
): Uint8Array {
  const s = sodium();
  const nonce = s.randombytes_buf(NONCE_BYTES);
  const ciphertext = s.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    recordAssociatedData(address, schemaVersion),
    null,
    nonce,
    dataKey,
  );
  return concatBytes(
    new Uint8Array([RECORD_FORMAT_VERSION]),
    u16(schemaVersion),
    nonce,
    ciphertext,
  );
}

/** Opens a sealed record; throws RECORD_DAMAGED if it was altered, truncated or moved. */
export function decryptRecord(
  dataKey: Uint8Array,
  address: RecordAddress,
  sealed: Uint8Array,
): { schemaVersion: number; plaintext: Uint8Array } {
  if (sealed.length < PREFIX_BYTES + 16 || sealed[0] !== RECORD_FORMAT_VERSION) {
    throw new VaultError('RECORD_DAMAGED', `${address.table}/${address.recordId}`);
  }
  const schemaVersion = (sealed[1] ?? 0) | ((sealed[2] ?? 0) << 8);
  try {
    const plaintext = sodium().crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sealed.subarray(PREFIX_BYTES),
      recordAssociatedData(address, schemaVersion),
      sealed.subarray(3, PREFIX_BYTES),
      dataKey,
    );
    return { schemaVersion, plaintext };
  } catch {
    throw new VaultError('RECORD_DAMAGED', `${address.table}/${address.recordId}`);
  }
}

const UTF8_BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/**
 * Throws unless every number in a parsed JSON value is finite: JSON.parse reads a literal too
 * large for a double (1e400) as ±Infinity. Walked after parsing rather than with a reviver,
 * which made opening records about three times slower (8,000 reviews: about 90 ms more).
 */
function assertFiniteNumbers(parsed: unknown): void {
  const stack = [parsed];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new RangeError('not finite');
    } else if (typeof value === 'object' && value !== null) {
      for (const key in value) stack.push((value as Record<string, unknown>)[key]);
    }
  }
}

/**
 * A record's plaintext as its JSON object: strict UTF-8 without a byte-order mark, one JSON
 * text as JSON.parse reads it (RFC 8259: no NaN, Infinity, comments or trailing commas), every
 * number finite (a literal such as 1e400, which JSON.parse would read as Infinity, is refused)
 * and an object at the top. Anything else is RECORD_DAMAGED. Whether its fields are right is
 * for the table's schema to say.
 */
export function parseRecordJson(
  address: RecordAddress,
  plaintext: Uint8Array,
): Record<string, unknown> {
  const damaged = (why: string) =>
    new VaultError('RECORD_DAMAGED', `${address.table}/${address.recordId}: ${why}`);
  if (UTF8_BYTE_ORDER_MARK.every((byte, i) => plaintext[i] === byte)) {
    throw damaged('starts with a byte-order mark');
  }
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(plaintext));
    assertFiniteNumbers(value);
  } catch {
    throw damaged('not strict UTF-8 JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw damaged('not a JSON object');
  }
  return value as Record<string, unknown>;
}

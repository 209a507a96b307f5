import { concatBytes, fromUtf8, utf8 } from '../crypto/bytes';
import { kdfPolicy, SALT_BYTES } from '../crypto/kdf';
import { sodium } from '../crypto/sodium';
import { VaultError } from './vault-error';

/**
 * Vault header, format version 1: the vault's id and name and the key slots that wrap its
 * data key. Specified byte for byte in docs/vault-format.md ("Vault header").
 */

/** "BWVH": the first four bytes of every vault header. */
export const HEADER_MAGIC = utf8('BWVH');
/** The header format this code writes and reads. */
export const HEADER_FORMAT_VERSION = 1;
/** Length of a vault id in bytes. */
export const VAULT_ID_BYTES = 16;
/**
 * Longest vault name, in UTF-8 bytes: what the create and rename forms allow, what is written
 * and what is read. A longer name (the length byte allows 255) is DAMAGED.
 */
export const MAX_VAULT_NAME_BYTES = 120;
/** Most key slots a header may hold. */
export const MAX_KEY_SLOTS = 8;
/** Length of the XChaCha20-Poly1305 nonce in a key slot. */
export const SLOT_NONCE_BYTES = 24;
/** Length of a wrapped data key: 32-byte key + 16-byte Poly1305 tag. */
export const WRAPPED_KEY_BYTES = 48;
/** Length of one key slot on disk. */
export const SLOT_BYTES = 1 + 1 + 4 + 4 + SALT_BYTES + SLOT_NONCE_BYTES + WRAPPED_KEY_BYTES;
/** Length of the header MAC and of the checksum that close the header. */
export const HEADER_TAG_BYTES = 32;

const PREFIX_BYTES = HEADER_MAGIC.length + 2 + VAULT_ID_BYTES;

/** Who can open a key slot: the passphrase, or the recovery key shown once at creation. */
export type KeySlotKind = 'passphrase' | 'recovery';
/** How the wrapping key of a slot is derived from its secret. */
export type KeySlotAlgorithm = 'argon2id13' | 'blake2b256';

const kindCodes: Record<KeySlotKind, number> = { passphrase: 1, recovery: 2 };
const algorithmCodes: Record<KeySlotAlgorithm, number> = { argon2id13: 1, blake2b256: 2 };

/** One wrapping of the vault's data key. */
export type KeySlot = {
  kind: KeySlotKind;
  algorithm: KeySlotAlgorithm;
  /** Argon2id passes; 0 for the recovery key, which needs no stretching. */
  opsLimit: number;
  /** Argon2id memory in bytes; 0 for the recovery key. */
  memLimitBytes: number;
  /** 16 random bytes, new for every slot. */
  salt: Uint8Array;
  /** 24 random bytes for XChaCha20-Poly1305, new for every slot. */
  nonce: Uint8Array;
  /** The 32-byte data key encrypted with the slot's wrapping key, plus its 16-byte tag. */
  wrappedKey: Uint8Array;
};

/** A parsed vault header. */
export type VaultHeader = {
  vaultId: Uint8Array;
  /** The vault's name as shown on the start screen, e.g. "Private practice". Not client data. */
  name: string;
  slots: KeySlot[];
  /** BLAKE2b-256 keyed with a key derived from the data key, over everything before it. */
  mac: Uint8Array;
};

/** The header without its MAC: what a MAC is computed over. */
export type UnsignedVaultHeader = Omit<VaultHeader, 'mac'>;

function u16(value: number): Uint8Array {
  const out = new Uint8Array(2);
  new DataView(out.buffer).setUint16(0, value, true);
  return out;
}

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

function headerPrefix(vaultId: Uint8Array): Uint8Array {
  return concatBytes(HEADER_MAGIC, u16(HEADER_FORMAT_VERSION), vaultId);
}

function slotParams(slot: KeySlot): Uint8Array {
  return concatBytes(
    new Uint8Array([kindCodes[slot.kind], algorithmCodes[slot.algorithm]]),
    u32(slot.opsLimit),
    u32(slot.memLimitBytes),
    slot.salt,
  );
}

/**
 * The associated data a slot's wrapped key is sealed with: the header prefix (magic, version,
 * vault id) and the slot's own kind, algorithm, cost and salt. Changing any of them, or moving
 * the slot to another vault, makes the slot fail to open.
 */
export function slotAssociatedData(vaultId: Uint8Array, slot: KeySlot): Uint8Array {
  return concatBytes(headerPrefix(vaultId), slotParams(slot));
}

const UTF8_BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/**
 * Why these bytes are not a vault name, or null if they are one: 1 to 120 bytes, not starting
 * with a UTF-8 byte-order mark. Decoders disagree about a leading mark (some drop it as an
 * encoding signature, some keep it as U+FEFF), so two readers would show and MAC different
 * names; and Bridgework never writes one (it trims names, and U+FEFF is whitespace to
 * JavaScript). A name starting with one is damage or an edit, never the clinician's typing.
 */
function vaultNameProblem(name: Uint8Array): string | null {
  if (name.length < 1 || name.length > MAX_VAULT_NAME_BYTES)
    return `vault name of ${name.length} bytes`;
  if (UTF8_BYTE_ORDER_MARK.every((byte, i) => name[i] === byte))
    return 'vault name starts with a byte-order mark';
  return null;
}

/** The bytes a header MAC covers: everything up to the MAC. Refuses a name it would not read. */
export function serializeUnsignedHeader(header: UnsignedVaultHeader): Uint8Array {
  const name = utf8(header.name);
  const nameProblem = vaultNameProblem(name);
  if (nameProblem) throw new Error(nameProblem);
  if (header.slots.length < 1 || header.slots.length > MAX_KEY_SLOTS)
    throw new Error('key slot count out of range');
  return concatBytes(
    headerPrefix(header.vaultId),
    new Uint8Array([name.length]),
    name,
    new Uint8Array([header.slots.length]),
    ...header.slots.map((slot) => concatBytes(slotParams(slot), slot.nonce, slot.wrappedKey)),
  );
}

function checksum(bytes: Uint8Array): Uint8Array {
  return sodium().crypto_generichash(HEADER_TAG_BYTES, bytes, null);
}

/** The full header file: unsigned header, MAC, then an unkeyed BLAKE2b-256 checksum of both. */
export function encodeHeader(header: VaultHeader): Uint8Array {
  const signed = concatBytes(serializeUnsignedHeader(header), header.mac);
  return concatBytes(signed, checksum(signed));
}

class Reader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}
  take(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length) throw new VaultError('TRUNCATED');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
  u8(): number {
    return this.take(1)[0] ?? 0;
  }
  u16(): number {
    const b = this.take(2);
    return new DataView(b.buffer, b.byteOffset, 2).getUint16(0, true);
  }
  u32(): number {
    const b = this.take(4);
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
  }
  get position(): number {
    return this.offset;
  }
  get remaining(): number {
    return this.bytes.length - this.offset;
  }
}

function decodeCode<T extends string>(codes: Record<T, number>, value: number): T | undefined {
  return (Object.keys(codes) as T[]).find((key) => codes[key] === value);
}

function readSlot(reader: Reader): KeySlot {
  const kindCode = reader.u8();
  const algorithmCode = reader.u8();
  const opsLimit = reader.u32();
  const memLimitBytes = reader.u32();
  const salt = reader.take(SALT_BYTES).slice();
  const nonce = reader.take(SLOT_NONCE_BYTES).slice();
  const wrappedKey = reader.take(WRAPPED_KEY_BYTES).slice();
  const kind = decodeCode(kindCodes, kindCode);
  const algorithm = decodeCode(algorithmCodes, algorithmCode);
  if (!kind || !algorithm)
    throw new VaultError('UNKNOWN_ALGORITHM', `slot kind ${kindCode}, algorithm ${algorithmCode}`);
  return { kind, algorithm, opsLimit, memLimitBytes, salt, nonce, wrappedKey };
}

/**
 * Rejects a slot whose settings Bridgework would not have written: a passphrase slot must use
 * Argon2id within the policy's floor and ceiling; a recovery slot must use BLAKE2b with no cost.
 * Runs before any KDF, so a weakened or hostile file never costs a derivation.
 */
export function assertSlotPolicy(slot: KeySlot): void {
  if (slot.kind === 'recovery') {
    if (slot.algorithm !== 'blake2b256' || slot.opsLimit !== 0 || slot.memLimitBytes !== 0) {
      throw new VaultError('UNKNOWN_ALGORITHM', 'recovery slot settings');
    }
    return;
  }
  if (slot.algorithm !== 'argon2id13')
    throw new VaultError('UNKNOWN_ALGORITHM', 'passphrase slot algorithm');
  if (slot.opsLimit < kdfPolicy.minOpsLimit || slot.memLimitBytes < kdfPolicy.minMemLimitBytes) {
    throw new VaultError('KDF_BELOW_FLOOR');
  }
  if (slot.opsLimit > kdfPolicy.maxOpsLimit || slot.memLimitBytes > kdfPolicy.maxMemLimitBytes) {
    throw new VaultError('KDF_ABOVE_CEILING');
  }
}

/**
 * Parses a header file, refusing anything Bridgework did not write: wrong magic, other
 * versions, truncation, trailing bytes, a checksum mismatch (any changed byte), a name that is
 * not UTF-8, longer than 120 bytes or starting with a byte-order mark, and key slots outside
 * the KDF policy. Does no key derivation; the MAC is checked after unlocking. Every header it
 * accepts re-encodes (`serializeUnsignedHeader`) to exactly its own bytes.
 */
export function parseHeader(bytes: Uint8Array): VaultHeader {
  if (bytes.length < HEADER_MAGIC.length + 2) {
    throw new VaultError('TRUNCATED', `${bytes.length} bytes`);
  }
  const reader = new Reader(bytes);
  const magic = reader.take(HEADER_MAGIC.length);
  if (!magic.every((b, i) => b === HEADER_MAGIC[i])) throw new VaultError('NOT_A_VAULT');
  const version = reader.u16();
  if (version > HEADER_FORMAT_VERSION) throw new VaultError('NEWER_VERSION', `format ${version}`);
  if (version !== HEADER_FORMAT_VERSION)
    throw new VaultError('UNSUPPORTED_VERSION', `format ${version}`);
  const vaultId = reader.take(VAULT_ID_BYTES).slice();
  const nameBytes = reader.take(reader.u8());
  const slotCount = reader.u8();
  reader.take(slotCount * SLOT_BYTES + HEADER_TAG_BYTES * 2);
  if (reader.remaining !== 0)
    throw new VaultError('DAMAGED', 'unexpected bytes after the checksum');

  const checksumStart = bytes.length - HEADER_TAG_BYTES;
  const expected = checksum(bytes.subarray(0, checksumStart));
  if (!sodium().memcmp(expected, bytes.slice(checksumStart)))
    throw new VaultError('DAMAGED', 'checksum mismatch');

  let name: string;
  try {
    name = fromUtf8(nameBytes);
  } catch {
    throw new VaultError('DAMAGED', 'name is not UTF-8');
  }
  const nameProblem = vaultNameProblem(nameBytes);
  if (nameProblem) throw new VaultError('DAMAGED', nameProblem);
  if (slotCount === 0 || slotCount > MAX_KEY_SLOTS) {
    throw new VaultError('DAMAGED', `${slotCount} key slots`);
  }
  const slotReader = new Reader(bytes.subarray(PREFIX_BYTES + 1 + nameBytes.length + 1));
  const slots = Array.from({ length: slotCount }, () => readSlot(slotReader));
  slots.forEach(assertSlotPolicy);
  const mac = slotReader.take(HEADER_TAG_BYTES).slice();
  return { vaultId, name, slots, mac };
}

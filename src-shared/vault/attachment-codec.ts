import { concatBytes, utf8 } from '../crypto/bytes';
import { sodium } from '../crypto/sodium';
import { VaultError } from './vault-error';

/**
 * Attachment format version 1: a therapist's own worksheet (PDF or image), encrypted with
 * libsodium's secretstream (XChaCha20-Poly1305) in 64 KiB chunks so large files never need a
 * second full copy. Layout: "BWAT" · u8 version · 24-byte stream header · chunks, each
 * u32 length (LE) + ciphertext; the last chunk carries TAG_FINAL, so truncation is detected.
 * The key is derived from the data key and the attachment's id, and every chunk's associated
 * data is the id, so a file moved to another attachment does not open.
 */

/** "BWAT": the first four bytes of an encrypted attachment. */
export const ATTACHMENT_MAGIC = utf8('BWAT');
/** The attachment format this code writes and reads. */
export const ATTACHMENT_FORMAT_VERSION = 1;
/** Plaintext bytes per chunk. */
export const ATTACHMENT_CHUNK_BYTES = 64 * 1024;
const KEY_CONTEXT = utf8('bridgework/attachment/v1');

function attachmentKey(dataKey: Uint8Array, attachmentId: string): Uint8Array {
  return sodium().crypto_generichash(32, concatBytes(KEY_CONTEXT, utf8(attachmentId)), dataKey);
}

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

/** Encrypts an attachment's bytes for storage by the main process. */
export function encryptAttachment(
  dataKey: Uint8Array,
  attachmentId: string,
  plaintext: Uint8Array,
): Uint8Array {
  const s = sodium();
  const key = attachmentKey(dataKey, attachmentId);
  const { state, header } = s.crypto_secretstream_xchacha20poly1305_init_push(key);
  s.memzero(key);
  const ad = utf8(attachmentId);
  const parts: Uint8Array[] = [
    ATTACHMENT_MAGIC,
    new Uint8Array([ATTACHMENT_FORMAT_VERSION]),
    header,
  ];
  let offset = 0;
  do {
    const chunk = plaintext.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES);
    offset += chunk.length;
    const last = offset >= plaintext.length;
    const tag = last
      ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL
      : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    const sealed = s.crypto_secretstream_xchacha20poly1305_push(state, chunk, ad, tag);
    parts.push(u32(sealed.length), sealed);
  } while (offset < plaintext.length);
  return concatBytes(...parts);
}

/**
 * Opens a stored attachment chunk by chunk, handing each decrypted chunk to `onChunk` as it
 * comes (the caller may keep or wipe it). Throws RECORD_DAMAGED if the file was altered,
 * truncated, moved to another id or is not an attachment at all.
 */
function openAttachmentChunks(
  dataKey: Uint8Array,
  attachmentId: string,
  stored: Uint8Array,
  onChunk: (message: Uint8Array) => void,
): void {
  const s = sodium();
  const damaged = () => new VaultError('RECORD_DAMAGED', `attachment ${attachmentId}`);
  const headerEnd = 5 + s.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
  if (
    stored.length < headerEnd ||
    !ATTACHMENT_MAGIC.every((b, i) => stored[i] === b) ||
    stored[4] !== ATTACHMENT_FORMAT_VERSION
  ) {
    throw damaged();
  }
  const key = attachmentKey(dataKey, attachmentId);
  let state;
  try {
    state = s.crypto_secretstream_xchacha20poly1305_init_pull(stored.subarray(5, headerEnd), key);
  } catch {
    throw damaged();
  } finally {
    s.memzero(key);
  }
  const ad = utf8(attachmentId);
  const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  let offset = headerEnd;
  let finished = false;
  while (offset < stored.length) {
    if (finished || offset + 4 > stored.length) throw damaged();
    const length = view.getUint32(offset, true);
    offset += 4;
    if (offset + length > stored.length) throw damaged();
    let result;
    try {
      result = s.crypto_secretstream_xchacha20poly1305_pull(
        state,
        stored.subarray(offset, offset + length),
        ad,
      );
    } catch {
      throw damaged();
    }
    if (!result) throw damaged();
    offset += length;
    onChunk(result.message);
    finished = result.tag === s.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  }
  if (!finished) throw damaged();
}

/** Decrypts a stored attachment; throws RECORD_DAMAGED if it was altered, truncated or moved. */
export function decryptAttachment(
  dataKey: Uint8Array,
  attachmentId: string,
  stored: Uint8Array,
): Uint8Array {
  const parts: Uint8Array[] = [];
  openAttachmentChunks(dataKey, attachmentId, stored, (message) => parts.push(message));
  return concatBytes(...parts);
}

/**
 * Whether a stored attachment opens completely with this key and id: every chunk is decrypted
 * and authenticated, one at a time, and wiped at once, so checking a worksheet never holds its
 * whole plaintext. Backups, restores and `vault verify` check each worksheet file with it.
 */
export function attachmentOpens(
  dataKey: Uint8Array,
  attachmentId: string,
  stored: Uint8Array,
): boolean {
  try {
    openAttachmentChunks(dataKey, attachmentId, stored, (message) => sodium().memzero(message));
    return true;
  } catch (error) {
    if (error instanceof VaultError) return false;
    throw error;
  }
}

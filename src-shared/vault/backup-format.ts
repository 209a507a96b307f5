import { concatBytes, utf8 } from '../crypto/bytes';
import { sodium } from '../crypto/sodium';
import { parseHeader, type VaultHeader } from './header';
import { VaultError } from './vault-error';

/**
 * Backup file format version 1 (`.bwvault`): one self-contained file holding a vault's header
 * (key slots) and every sealed record, authenticated as a whole. Records go in as the
 * ciphertext they already are. Specified byte for byte in docs/vault-format.md ("Backup file").
 *
 *   "BWBK" · u16 version · u32 header length · header · u64 created-at (ms)
 *   { 0x01 · u8 table length · table · u8 id length · id · u32 sealed length · sealed }*
 *   { 0x02 · u8 id length · id · u32 length · encrypted attachment file }*
 *   0x00 · u32 record count · 32-byte MAC (keyed BLAKE2b) · 32-byte checksum (BLAKE2b)
 *
 * Records are strictly ordered by (table, id), so a duplicated or reordered record is a
 * structural error; the MAC, keyed from the data key, covers every byte before it, so a
 * dropped, swapped or substituted record or a rolled-back header fails with the passphrase.
 */

/** "BWBK": the first four bytes of every backup file. */
export const BACKUP_MAGIC = utf8('BWBK');
/** The backup format this code writes and reads. */
export const BACKUP_FORMAT_VERSION = 1;
/** Largest vault header a backup may carry. */
export const MAX_BACKUP_HEADER_BYTES = 64 * 1024;
/** Largest single sealed record a backup may carry. */
export const MAX_BACKUP_RECORD_BYTES = 16 * 1024 * 1024;
const TAG_RECORD = 0x01;
const TAG_ATTACHMENT = 0x02;
/** Largest encrypted attachment a backup may carry (20 MB of content plus overhead). */
export const MAX_BACKUP_ATTACHMENT_BYTES = 21 * 1024 * 1024;
const TAG_END = 0x00;
const TAG_BYTES = 32;
const BACKUP_MAC_CONTEXT = utf8('bridgework/backup-mac/v1');

/** One sealed record as stored in a backup. */
export type BackupRecord = { table: string; id: string; sealed: Uint8Array };

/** One encrypted attachment file as stored in a backup (attachment format 1, as the main process keeps it). */
export type BackupAttachment = { id: string; stored: Uint8Array };

/** What a structurally sound backup contains. */
export type BackupSummary = {
  header: VaultHeader;
  headerBytes: Uint8Array;
  /** When the backup was written (ms since the Unix epoch). */
  createdAt: number;
  recordCount: number;
  /** Attachment files in the backup. */
  attachmentCount: number;
  /** Record count per table. */
  tables: Record<string, number>;
  /** The MAC stored in the file; check it with `backupMacMatches` once the data key is known. */
  mac: Uint8Array;
};

function u8(value: number): Uint8Array {
  return new Uint8Array([value]);
}
function u16(value: number): Uint8Array {
  return new Uint8Array([value & 0xff, (value >>> 8) & 0xff]);
}
function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}
function u64(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value), true);
  return out;
}

/** The key the backup MAC is computed with, derived from the data key. */
export function backupMacKey(dataKey: Uint8Array): Uint8Array {
  return sodium().crypto_generichash(32, BACKUP_MAC_CONTEXT, dataKey);
}

function compareRecordOrder(
  a: { table: string; id: string },
  b: { table: string; id: string },
): number {
  if (a.table !== b.table) return a.table < b.table ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/**
 * Writes a backup as a sequence of byte chunks, so a large vault never has to sit in memory
 * whole: `start()` first, then `record()` for each record in (table, id) order, then `finish()`.
 */
export class BackupWriter {
  private readonly mac: ReturnType<ReturnType<typeof sodium>['crypto_generichash_init']>;
  private readonly checksum: ReturnType<ReturnType<typeof sodium>['crypto_generichash_init']>;
  private previous: { table: string; id: string } | null = null;
  private previousAttachment: string | null = null;
  private count = 0;
  private state: 'new' | 'writing' | 'finished' = 'new';

  constructor(
    private readonly headerBytes: Uint8Array,
    dataKey: Uint8Array,
    private readonly createdAt: number,
  ) {
    const s = sodium();
    const macKey = backupMacKey(dataKey);
    this.mac = s.crypto_generichash_init(macKey, TAG_BYTES);
    s.memzero(macKey);
    this.checksum = s.crypto_generichash_init(null, TAG_BYTES);
  }

  private emit(bytes: Uint8Array, includeInMac = true): Uint8Array {
    if (includeInMac) sodium().crypto_generichash_update(this.mac, bytes);
    sodium().crypto_generichash_update(this.checksum, bytes);
    return bytes;
  }

  /** The file's opening bytes: magic, version, header and creation time. */
  start(): Uint8Array {
    if (this.state !== 'new') throw new Error('backup already started');
    if (this.headerBytes.length > MAX_BACKUP_HEADER_BYTES)
      throw new RangeError('vault header too large');
    this.state = 'writing';
    return this.emit(
      concatBytes(
        BACKUP_MAGIC,
        u16(BACKUP_FORMAT_VERSION),
        u32(this.headerBytes.length),
        this.headerBytes,
        u64(this.createdAt),
      ),
    );
  }

  /** The bytes of one record; records must come in strictly increasing (table, id) order. */
  record(record: BackupRecord): Uint8Array {
    return this.records([record]);
  }

  /**
   * The bytes of several records at once (one buffer, hashed once), in strictly increasing
   * (table, id) order; what a large backup uses to stay fast.
   */
  records(list: readonly BackupRecord[]): Uint8Array {
    if (this.state !== 'writing') throw new Error('backup not started or already finished');
    if (this.previousAttachment !== null) throw new Error('records must come before attachments');
    const encoded = list.map((record) => {
      if (this.previous && compareRecordOrder(this.previous, record) >= 0) {
        throw new Error('records must be in strictly increasing (table, id) order');
      }
      if (record.sealed.length > MAX_BACKUP_RECORD_BYTES) throw new RangeError('record too large');
      this.previous = { table: record.table, id: record.id };
      return { table: utf8(record.table), id: utf8(record.id), sealed: record.sealed };
    });
    const total = encoded.reduce(
      (sum, r) => sum + 7 + r.table.length + r.id.length + r.sealed.length,
      0,
    );
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    let at = 0;
    for (const r of encoded) {
      out[at++] = TAG_RECORD;
      out[at++] = r.table.length;
      out.set(r.table, at);
      at += r.table.length;
      out[at++] = r.id.length;
      out.set(r.id, at);
      at += r.id.length;
      view.setUint32(at, r.sealed.length, true);
      at += 4;
      out.set(r.sealed, at);
      at += r.sealed.length;
    }
    this.count += encoded.length;
    return this.emit(out);
  }

  /**
   * The bytes of one attachment file; attachments follow every record, in strictly increasing
   * id order.
   */
  attachment(attachment: BackupAttachment): Uint8Array {
    if (this.state !== 'writing') throw new Error('backup not started or already finished');
    if (this.previousAttachment !== null && this.previousAttachment >= attachment.id) {
      throw new Error('attachments must be in strictly increasing id order');
    }
    if (attachment.stored.length > MAX_BACKUP_ATTACHMENT_BYTES)
      throw new RangeError('attachment too large');
    this.previousAttachment = attachment.id;
    const id = utf8(attachment.id);
    return this.emit(
      concatBytes(
        u8(TAG_ATTACHMENT),
        u8(id.length),
        id,
        u32(attachment.stored.length),
        attachment.stored,
      ),
    );
  }

  /** The closing bytes: end tag, record count, MAC and checksum. */
  finish(): Uint8Array {
    if (this.state !== 'writing') throw new Error('backup not started or already finished');
    this.state = 'finished';
    const s = sodium();
    const end = this.emit(concatBytes(u8(TAG_END), u32(this.count)));
    const mac = this.emit(s.crypto_generichash_final(this.mac, TAG_BYTES), false);
    const checksum = s.crypto_generichash_final(this.checksum, TAG_BYTES);
    return concatBytes(end, mac, checksum);
  }
}

/**
 * Reads a backup from byte chunks of any size, holding at most one record beyond the current
 * chunk. Checks structure as it goes (without any key): magic, version, header, record order
 * and sizes, end marker, count and checksum. Records are handed to `onRecord` as they complete.
 */
/** The text of ASCII bytes, or null when one is not ASCII. */
function asciiText(bytes: Uint8Array): string | null {
  let text = '';
  for (const byte of bytes) {
    if (byte > 0x7f) return null;
    text += String.fromCharCode(byte);
  }
  return text;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class BackupReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private offset = 0;
  /** Bytes of `buffer` before this offset are already in the hashes. */
  private hashedTo = 0;
  private readonly checksum = sodium().crypto_generichash_init(null, TAG_BYTES);
  private readonly macState: ReturnType<
    ReturnType<typeof sodium>['crypto_generichash_init']
  > | null;
  private stage: 'preamble' | 'records' | 'trailer' | 'done' = 'preamble';
  private header: { header: VaultHeader; headerBytes: Uint8Array; createdAt: number } | null = null;
  private previous: { table: string; id: string } | null = null;
  private previousTableBytes: Uint8Array = new Uint8Array(0);
  private readonly tables: Record<string, number> = {};
  private previousAttachment: string | null = null;
  private attachmentCount = 0;
  private count = 0;
  private result: BackupSummary | null = null;
  private macMatches: boolean | null = null;

  /**
   * @param onRecord called with each record, in file order.
   * @param dataKey when given, the MAC is checked too (`finish()` then throws on a mismatch).
   * @param onAttachment called with each attachment file, after every record.
   */
  constructor(
    private readonly onRecord: (record: BackupRecord) => void = () => undefined,
    dataKey?: Uint8Array,
    private readonly onAttachment: (attachment: BackupAttachment) => void = () => undefined,
  ) {
    if (dataKey) {
      const macKey = backupMacKey(dataKey);
      this.macState = sodium().crypto_generichash_init(macKey, TAG_BYTES);
      sodium().memzero(macKey);
    } else {
      this.macState = null;
    }
  }

  /** The backup's vault header and its bytes, as soon as the opening bytes have been read. */
  get opening(): { header: VaultHeader; headerBytes: Uint8Array } | null {
    return this.header;
  }

  private available(): number {
    return this.buffer.length - this.offset;
  }

  private peek(length: number): Uint8Array | null {
    return this.available() >= length
      ? this.buffer.subarray(this.offset, this.offset + length)
      : null;
  }

  /**
   * Takes the next `length` bytes. Bytes covered by both the MAC and the checksum are hashed
   * lazily, a whole run at a time (hashing record by record would dominate large backups).
   */
  private consume(length: number, includeInMac = true): Uint8Array {
    if (!includeInMac) this.flushHashes();
    const bytes = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    if (!includeInMac) {
      if (this.stage !== 'done') sodium().crypto_generichash_update(this.checksum, bytes);
      this.hashedTo = this.offset;
    }
    return bytes;
  }

  private flushHashes(): void {
    if (this.hashedTo >= this.offset) return;
    const run = this.buffer.subarray(this.hashedTo, this.offset);
    if (this.macState) sodium().crypto_generichash_update(this.macState, run);
    sodium().crypto_generichash_update(this.checksum, run);
    this.hashedTo = this.offset;
  }

  private readU32(at: number): number {
    const start = this.offset + at;
    const b = this.buffer;
    return (
      ((b[start] ?? 0) | ((b[start + 1] ?? 0) << 8) | ((b[start + 2] ?? 0) << 16)) +
      (b[start + 3] ?? 0) * 0x1000000
    );
  }

  /** Feeds the next bytes of the file. Throws VaultError (DAMAGED, NOT_A_VAULT, NEWER_VERSION…) on the first problem. */
  push(chunk: Uint8Array): void {
    if (this.stage === 'done') {
      if (chunk.length > 0) throw new VaultError('DAMAGED', 'bytes after the end of the backup');
      return;
    }
    this.flushHashes();
    this.buffer =
      this.available() === 0 ? chunk : concatBytes(this.buffer.subarray(this.offset), chunk);
    this.offset = 0;
    this.hashedTo = 0;
    try {
      while (this.step()) {
        /* keep parsing what is buffered */
      }
    } finally {
      this.flushHashes();
    }
  }

  private step(): boolean {
    if (this.stage === 'preamble') return this.readPreamble();
    if (this.stage === 'records') return this.readRecordOrEnd();
    if (this.stage === 'trailer') return this.readTrailer();
    if (this.available() > 0) throw new VaultError('DAMAGED', 'bytes after the end of the backup');
    return false;
  }

  private readPreamble(): boolean {
    const fixed = this.peek(10);
    if (!fixed) {
      const partial = this.peek(Math.min(this.available(), 4));
      if (partial && !partial.every((byte, i) => byte === BACKUP_MAGIC[i]))
        throw new VaultError('NOT_A_VAULT');
      return false;
    }
    if (!fixed.subarray(0, 4).every((byte, i) => byte === BACKUP_MAGIC[i]))
      throw new VaultError('NOT_A_VAULT');
    const version = (fixed[4] ?? 0) | ((fixed[5] ?? 0) << 8);
    if (version > BACKUP_FORMAT_VERSION)
      throw new VaultError('NEWER_VERSION', `backup format ${version}`);
    if (version !== BACKUP_FORMAT_VERSION)
      throw new VaultError('UNSUPPORTED_VERSION', `backup format ${version}`);
    const headerLength = this.readU32(6);
    if (headerLength > MAX_BACKUP_HEADER_BYTES)
      throw new VaultError('DAMAGED', 'header length out of range');
    if (this.available() < 10 + headerLength + 8) return false;
    this.consume(10);
    const headerBytes = this.consume(headerLength).slice();
    const createdAt = Number(new DataView(this.consume(8).slice().buffer).getBigUint64(0, true));
    this.header = { header: parseHeader(headerBytes), headerBytes, createdAt };
    this.stage = 'records';
    return true;
  }

  private readRecordOrEnd(): boolean {
    const tag = this.peek(1)?.[0];
    if (tag === undefined) return false;
    if (tag === TAG_END) {
      if (this.available() < 5) return false;
      this.consume(1);
      if (this.readU32(0) !== this.count)
        throw new VaultError('DAMAGED', 'record count does not match');
      this.consume(4);
      this.stage = 'trailer';
      return true;
    }
    if (tag === TAG_ATTACHMENT) return this.readAttachment();
    if (tag !== TAG_RECORD) throw new VaultError('DAMAGED', `unknown entry tag ${tag}`);
    if (this.previousAttachment !== null)
      throw new VaultError('DAMAGED', 'a record after the attachments');
    const tableLength = this.peek(2)?.[1];
    if (tableLength === undefined) return false;
    const idLength = this.peek(3 + tableLength)?.[2 + tableLength];
    if (idLength === undefined) return false;
    const prefix = 3 + tableLength + idLength;
    if (this.available() < prefix + 4) return false;
    const sealedLength = this.readU32(prefix);
    if (sealedLength > MAX_BACKUP_RECORD_BYTES)
      throw new VaultError('DAMAGED', 'record length out of range');
    if (this.available() < prefix + 4 + sealedLength) return false;
    const bytes = this.consume(prefix + 4 + sealedLength);
    // Table names and ids are ASCII; most records have the same table as the one before.
    const tableBytes = bytes.subarray(2, 2 + tableLength);
    const sameTable = this.previous !== null && sameBytes(tableBytes, this.previousTableBytes);
    const table = sameTable && this.previous ? this.previous.table : asciiText(tableBytes);
    const id = asciiText(bytes.subarray(3 + tableLength, prefix));
    if (
      table === null ||
      id === null ||
      !/^[a-z][a-zA-Z]{0,63}$/.test(table) ||
      !/^[A-Za-z0-9_-]{1,64}$/.test(id)
    ) {
      throw new VaultError('DAMAGED', 'malformed record address');
    }
    const record: BackupRecord = { table, id, sealed: bytes.slice(prefix + 4) };
    if (!sameTable) this.previousTableBytes = tableBytes.slice();
    if (this.previous && compareRecordOrder(this.previous, record) >= 0) {
      throw new VaultError('DAMAGED', 'records out of order or duplicated');
    }
    this.previous = { table: record.table, id: record.id };
    this.count += 1;
    this.tables[record.table] = (this.tables[record.table] ?? 0) + 1;
    this.onRecord(record);
    return true;
  }

  private readAttachment(): boolean {
    const idLength = this.peek(2)?.[1];
    if (idLength === undefined) return false;
    if (this.available() < 2 + idLength + 4) return false;
    const storedLength = this.readU32(2 + idLength);
    if (storedLength > MAX_BACKUP_ATTACHMENT_BYTES)
      throw new VaultError('DAMAGED', 'attachment length out of range');
    if (this.available() < 2 + idLength + 4 + storedLength) return false;
    const bytes = this.consume(2 + idLength + 4 + storedLength);
    const id = String.fromCharCode(...bytes.subarray(2, 2 + idLength));
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
      throw new VaultError('DAMAGED', 'malformed attachment id');
    if (this.previousAttachment !== null && this.previousAttachment >= id) {
      throw new VaultError('DAMAGED', 'attachments out of order or duplicated');
    }
    this.previousAttachment = id;
    this.attachmentCount += 1;
    this.onAttachment({ id, stored: bytes.slice(2 + idLength + 4) });
    return true;
  }

  private readTrailer(): boolean {
    if (this.available() < TAG_BYTES * 2) return false;
    const mac = this.consume(TAG_BYTES, false).slice();
    const expected = sodium().crypto_generichash_final(this.checksum, TAG_BYTES);
    this.stage = 'done';
    const stored = this.consume(TAG_BYTES, false);
    if (!sodium().memcmp(expected, stored)) throw new VaultError('DAMAGED', 'checksum mismatch');
    if (this.macState)
      this.macMatches = sodium().memcmp(
        sodium().crypto_generichash_final(this.macState, TAG_BYTES),
        mac,
      );
    if (!this.header) throw new VaultError('DAMAGED');
    this.result = {
      ...this.header,
      recordCount: this.count,
      attachmentCount: this.attachmentCount,
      tables: { ...this.tables },
      mac,
    };
    return true;
  }

  /** Call after the last chunk: the summary, or DAMAGED/TRUNCATED (and BACKUP_TAMPERED when a data key was given). */
  finish(): BackupSummary {
    if (this.stage !== 'done' || !this.result) {
      throw new VaultError(
        this.stage === 'preamble' && this.buffer.length === 0 ? 'EMPTY_FILE' : 'TRUNCATED',
      );
    }
    if (this.available() > 0) throw new VaultError('DAMAGED', 'bytes after the end of the backup');
    if (this.macMatches === false) throw new VaultError('BACKUP_TAMPERED');
    return this.result;
  }
}

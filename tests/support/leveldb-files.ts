import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { uncompressSync } from 'snappy';

/**
 * Reads Chromium's LevelDB files the way LevelDB itself would, so a test can search what they
 * hold after decompression. Chromium's IndexedDB compresses large values with Snappy before
 * writing them (Blink's idb_value_wrapping.cc), and LevelDB compresses the blocks of its table
 * files with Snappy; in both cases text inside is no longer findable in the raw file bytes.
 *
 * Formats (LevelDB's doc/log_format.md and doc/table_format.md):
 * - `.log`: 32 KiB blocks of records, each behind a 7-byte header (masked crc32c u32 LE, length
 *   u16 LE, type u8: FULL 1, FIRST 2, MIDDLE 3, LAST 4); fewer than 7 bytes left in a block are
 *   zero padding. A record is a WriteBatch: sequence u64 LE, count u32 LE, then `count` entries,
 *   tag 1 (put: varint key length, key, varint value length, value) or 0 (delete: key).
 * - `.ldb` / `.sst`: data blocks, an index block pointing at them and a 48-byte footer
 *   (metaindex and index block handles as varint offset + size, padding, magic). Every block is
 *   followed by a compression type byte (0 none, 1 Snappy) and a crc32c. A block holds
 *   prefix-compressed entries (shared, non-shared and value lengths as varints, the key's new
 *   bytes, the value) and ends in a restart array (u32 LE offsets, then their count).
 * - A Blink-wrapped IndexedDB value: 0xFF (kVersionTag), 0x11
 *   (kRequiresProcessingSSVPseudoVersion), 0x02 (kCompressedWithSnappy), then one raw Snappy
 *   chunk without framing. In LevelDB the wrapper follows IndexedDB's varint value version; a
 *   value too large to keep inline is moved to a blob file that starts with the wrapper itself.
 *
 * Checksums are not verified: the scan wants every byte that is there, valid or not. Anything
 * that cannot be decoded is reported in `problems`, never skipped silently.
 */

/** What one decoded piece of a LevelDB file is. */
export type LevelDbPart =
  'log record' | 'table block' | 'key' | 'value' | 'Snappy-compressed IndexedDB value';

/** A decoded piece of a LevelDB (or IndexedDB blob) file, decompressed where it was compressed. */
export type LevelDbPayload = { file: string; part: LevelDbPart; bytes: Buffer };

/** A key and, for a put, its value; a deletion has none. Table keys lose their 8-byte tag. */
export type LevelDbEntry = { key: Buffer; value: Buffer | undefined };

/** How much was decoded, so a test can tell a scan that read something from one that read nothing. */
export type LevelDbCounts = {
  logFiles: number;
  tableFiles: number;
  /** Files of an `.indexeddb.blob` folder: IndexedDB values too large to keep in LevelDB. */
  blobFiles: number;
  logRecords: number;
  tableBlocks: number;
  /** Table blocks that were Snappy-compressed on disk. */
  snappyBlocks: number;
  entries: number;
  /** IndexedDB values Blink had Snappy-compressed before storing them. */
  compressedValues: number;
  /** Log files ending in a record still being written (not a problem: LevelDB ignores it too). */
  incompleteLogTails: number;
};

/** Everything read from the LevelDB files under a folder. */
export type LevelDbReading = {
  payloads: LevelDbPayload[];
  counts: LevelDbCounts;
  /** Parts that could not be decoded, as `file: what`; their raw bytes are all that is left. */
  problems: string[];
};

const logBlockSize = 32 * 1024;
const logHeaderSize = 7;
const recordType = { zero: 0, full: 1, first: 2, middle: 3, last: 4 } as const;
const tableFooterSize = 48;
const tableMagic = 0xdb4775248b80fb57n;
const blockTrailerSize = 5;
const blinkSnappyHeader = Buffer.from([0xff, 0x11, 0x02]);

/** Thrown by ByteReader when a length or varint runs past the end. */
class TruncatedError extends Error {}

/** Reads LevelDB's little-endian integers and varints from a buffer, refusing to run past it. */
class ByteReader {
  constructor(
    private readonly bytes: Buffer,
    public offset = 0,
  ) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  u8(): number {
    return this.take(1)[0] ?? 0;
  }

  varint(): number {
    let result = 0;
    for (let shift = 0; shift < 64; shift += 7) {
      const byte = this.u8();
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
    }
    throw new TruncatedError('varint longer than 64 bits');
  }

  take(length: number): Buffer {
    if (length < 0 || this.offset + length > this.bytes.length)
      throw new TruncatedError(`needs ${length} bytes at ${this.offset} of ${this.bytes.length}`);
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The records of a LevelDB log file, fragments joined. A record cut off at the very end is
 * what a writer still at work (or killed) leaves; it is reported as `incompleteTail`, as
 * LevelDB's own reader treats it, and anything else malformed goes to `problems`.
 */
export function readLogRecords(file: Buffer): {
  records: Buffer[];
  problems: string[];
  incompleteTail: boolean;
} {
  const records: Buffer[] = [];
  const problems: string[] = [];
  let pending: Buffer[] | undefined;
  let offset = 0;
  let incompleteTail = false;
  while (offset < file.length) {
    const blockEnd = Math.min(file.length, (Math.floor(offset / logBlockSize) + 1) * logBlockSize);
    if (blockEnd - offset < logHeaderSize) {
      if (blockEnd === file.length && file.subarray(offset).some((byte) => byte !== 0))
        incompleteTail = true;
      offset = blockEnd;
      continue;
    }
    const length = file.readUInt16LE(offset + 4);
    const type = file[offset + 6];
    const start = offset + logHeaderSize;
    if (type === recordType.zero && length === 0) {
      offset = blockEnd; // preallocated space: the rest of the block is unused
      continue;
    }
    if (start + length > blockEnd) {
      if (blockEnd === file.length) incompleteTail = true;
      else problems.push(`record at ${offset} runs past its block`);
      pending = undefined;
      offset = blockEnd;
      continue;
    }
    const fragment = file.subarray(start, start + length);
    offset = start + length;
    if (type === recordType.full || type === recordType.first) {
      if (pending) problems.push(`record before ${offset} was never finished`);
      if (type === recordType.full) records.push(fragment);
      pending = type === recordType.first ? [fragment] : undefined;
    } else if (type === recordType.middle || type === recordType.last) {
      if (!pending) problems.push(`fragment at ${offset - length} continues no record`);
      else if (type === recordType.middle) pending.push(fragment);
      else {
        records.push(Buffer.concat([...pending, fragment]));
        pending = undefined;
      }
    } else problems.push(`record type ${String(type)} at ${offset - length}`);
  }
  if (pending) incompleteTail = true;
  return { records, problems, incompleteTail };
}

/** The puts and deletions of one WriteBatch record of a log file. */
export function readWriteBatch(record: Buffer): LevelDbEntry[] {
  const reader = new ByteReader(record);
  reader.take(8); // sequence number
  const count = reader.take(4).readUInt32LE(0);
  const entries: LevelDbEntry[] = [];
  while (!reader.done) {
    const tag = reader.u8();
    if (tag !== 0 && tag !== 1) throw new Error(`unknown WriteBatch tag ${tag}`);
    const key = reader.take(reader.varint());
    entries.push({ key, value: tag === 1 ? reader.take(reader.varint()) : undefined });
  }
  if (entries.length !== count)
    throw new Error(`WriteBatch says ${count} entries but holds ${entries.length}`);
  return entries;
}

/** The entries of one (decompressed) table block, keys rebuilt from their shared prefixes. */
export function readBlockEntries(block: Buffer): { key: Buffer; value: Buffer }[] {
  if (block.length < 4) throw new TruncatedError('block shorter than its restart count');
  const restarts = block.readUInt32LE(block.length - 4);
  const entriesEnd = block.length - 4 - 4 * restarts;
  if (restarts === 0 || entriesEnd < 0) throw new Error(`block with ${restarts} restarts`);
  const reader = new ByteReader(block.subarray(0, entriesEnd));
  const entries: { key: Buffer; value: Buffer }[] = [];
  let previous = Buffer.alloc(0);
  while (!reader.done) {
    const shared = reader.varint();
    const nonShared = reader.varint();
    const valueLength = reader.varint();
    if (shared > previous.length) throw new Error(`entry shares ${shared} bytes of a shorter key`);
    const key = Buffer.concat([previous.subarray(0, shared), reader.take(nonShared)]);
    entries.push({ key, value: reader.take(valueLength) });
    previous = key;
  }
  return entries;
}

type BlockHandle = { offset: number; size: number };

function readBlockHandle(reader: ByteReader): BlockHandle {
  return { offset: reader.varint(), size: reader.varint() };
}

/** One block of a table file, decompressed. */
function readTableBlock(file: Buffer, handle: BlockHandle): { block: Buffer; snappy: boolean } {
  const end = handle.offset + handle.size;
  if (end + blockTrailerSize > file.length)
    throw new TruncatedError(`block at ${handle.offset} runs past the file`);
  const contents = file.subarray(handle.offset, end);
  const compression = file[end];
  if (compression === 0) return { block: contents, snappy: false };
  if (compression === 1)
    return { block: uncompressSync(contents, { asBuffer: true }) as Buffer, snappy: true };
  throw new Error(`block at ${handle.offset} uses compression type ${String(compression)}`);
}

/**
 * The data blocks (decompressed) and entries of a LevelDB table file. Entry keys are user
 * keys: the 8-byte sequence-and-type tag LevelDB appends is removed.
 */
export function readTable(file: Buffer): {
  blocks: Buffer[];
  entries: LevelDbEntry[];
  snappyBlocks: number;
  problems: string[];
} {
  if (file.length < tableFooterSize) throw new TruncatedError('file shorter than a table footer');
  if (file.readBigUInt64LE(file.length - 8) !== tableMagic) throw new Error('no table magic');
  const footer = new ByteReader(file.subarray(file.length - tableFooterSize));
  readBlockHandle(footer); // metaindex: filter blocks, which hold hashes only
  const index = readTableBlock(file, readBlockHandle(footer));
  const blocks: Buffer[] = [];
  const entries: LevelDbEntry[] = [];
  const problems: string[] = [];
  let snappyBlocks = index.snappy ? 1 : 0;
  for (const { value: handleBytes } of readBlockEntries(index.block)) {
    try {
      const { block, snappy } = readTableBlock(file, readBlockHandle(new ByteReader(handleBytes)));
      blocks.push(block);
      if (snappy) snappyBlocks += 1;
      for (const entry of readBlockEntries(block))
        entries.push({
          key: entry.key.subarray(0, Math.max(0, entry.key.length - 8)),
          value: entry.value,
        });
    } catch (error) {
      problems.push(reason(error));
    }
  }
  return { blocks, entries, snappyBlocks, problems };
}

/**
 * Where a Blink wrapper for a Snappy-compressed IndexedDB value starts in `value`: at 0 in a
 * blob file, after IndexedDB's varint value version in LevelDB; -1 when there is none.
 */
function compressedIdbValueHeader(value: Buffer): number {
  if (value.subarray(0, blinkSnappyHeader.length).equals(blinkSnappyHeader)) return 0;
  let version = 0;
  while (version < value.length && (value[version] ?? 0) >= 0x80) version += 1;
  const at = version + 1;
  return value.subarray(at, at + blinkSnappyHeader.length).equals(blinkSnappyHeader) ? at : -1;
}

/**
 * The serialized value inside a Blink-wrapped, Snappy-compressed IndexedDB value (a LevelDB
 * value or a blob file), or undefined when `value` is not one. Throws when it is one but its
 * Snappy chunk does not decompress.
 */
export function unwrapCompressedIdbValue(value: Buffer): Buffer | undefined {
  const at = compressedIdbValueHeader(value);
  if (at < 0) return undefined;
  return uncompressSync(value.subarray(at + blinkSnappyHeader.length), {
    asBuffer: true,
  }) as Buffer;
}

const emptyCounts = (): LevelDbCounts => ({
  logFiles: 0,
  tableFiles: 0,
  blobFiles: 0,
  logRecords: 0,
  tableBlocks: 0,
  snappyBlocks: 0,
  entries: 0,
  compressedValues: 0,
  incompleteLogTails: 0,
});

/** Collects payloads, counts and problems for the files of one folder tree. */
class LevelDbCollector {
  readonly reading: LevelDbReading = { payloads: [], counts: emptyCounts(), problems: [] };

  add(file: string, part: LevelDbPart, bytes: Buffer): void {
    this.reading.payloads.push({ file, part, bytes });
  }

  problem(file: string, what: string): void {
    this.reading.problems.push(`${file}: ${what}`);
  }

  entries(file: string, entries: LevelDbEntry[]): void {
    this.reading.counts.entries += entries.length;
    for (const { key, value } of entries) {
      this.add(file, 'key', key);
      if (value) this.value(file, value);
    }
  }

  /** A LevelDB value, and what it holds if Blink compressed it. */
  value(file: string, value: Buffer): void {
    this.add(file, 'value', value);
    this.unwrap(file, value);
  }

  /** An IndexedDB value too large for LevelDB, kept in a file of its own. */
  blob(file: string, bytes: Buffer): void {
    this.reading.counts.blobFiles += 1;
    this.unwrap(file, bytes);
  }

  private unwrap(file: string, value: Buffer): void {
    try {
      const unwrapped = unwrapCompressedIdbValue(value);
      if (!unwrapped) return;
      this.reading.counts.compressedValues += 1;
      this.add(file, 'Snappy-compressed IndexedDB value', unwrapped);
    } catch (error) {
      this.problem(file, `compressed IndexedDB value: ${reason(error)}`);
    }
  }

  log(file: string, bytes: Buffer): void {
    const { records, problems, incompleteTail } = readLogRecords(bytes);
    this.reading.counts.logFiles += 1;
    if (incompleteTail) this.reading.counts.incompleteLogTails += 1;
    this.reading.counts.logRecords += records.length;
    for (const what of problems) this.problem(file, what);
    for (const record of records) {
      this.add(file, 'log record', record);
      try {
        this.entries(file, readWriteBatch(record));
      } catch (error) {
        this.problem(file, `WriteBatch: ${reason(error)}`);
      }
    }
  }

  table(file: string, bytes: Buffer): void {
    this.reading.counts.tableFiles += 1;
    try {
      const table = readTable(bytes);
      this.reading.counts.tableBlocks += table.blocks.length;
      this.reading.counts.snappyBlocks += table.snappyBlocks;
      for (const block of table.blocks) this.add(file, 'table block', block);
      this.entries(file, table.entries);
      for (const what of table.problems) this.problem(file, what);
    } catch (error) {
      this.problem(file, `table: ${reason(error)}`);
    }
  }
}

/**
 * Which kind of LevelDB file a path is, by LevelDB's naming (a number and `.log`, `.ldb` or
 * `.sst`) and IndexedDB's (blob files inside an `.indexeddb.blob` folder). MANIFEST files are
 * left to the raw search: they hold file numbers and the smallest and largest key of each table.
 */
export function levelDbFileKind(path: string): 'log' | 'table' | 'blob' | undefined {
  if (/(^|[\\/])\d+\.log$/.test(path)) return 'log';
  if (/(^|[\\/])\d+\.(ldb|sst)$/.test(path)) return 'table';
  if (/\.indexeddb\.blob[\\/]/.test(path)) return 'blob';
  return undefined;
}

/** A file's path and contents. */
export type FileBytes = { path: string; bytes: Buffer };

/**
 * Every record, block, key and value of the LevelDB log and table files among `files`,
 * decompressed, plus the decompressed values of IndexedDB blob files. Other files are ignored.
 */
export function decodeLevelDbFiles(files: FileBytes[]): LevelDbReading {
  const collector = new LevelDbCollector();
  for (const { path, bytes } of files) {
    const kind = levelDbFileKind(path);
    if (kind === 'log') collector.log(path, bytes);
    else if (kind === 'table') collector.table(path, bytes);
    else if (kind === 'blob') collector.blob(path, bytes);
  }
  return collector.reading;
}

/** What `read` gives, or undefined when the file or folder was deleted before it was read. */
async function unlessGone<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Every file under `dir` (recursively) with its contents. A file or folder deleted while it is
 * read (LevelDB deletes a log or table once compacted into another) is left out; any other
 * failure to read throws, so nothing is skipped unnoticed.
 */
export async function readFiles(dir: string): Promise<FileBytes[]> {
  const files: FileBytes[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...((await unlessGone(readFiles(path))) ?? []));
    else if (entry.isFile()) {
      const bytes = await unlessGone(readFile(path));
      if (bytes) files.push({ path, bytes });
    }
  }
  return files;
}

/** What the LevelDB and IndexedDB blob files under `dir` hold, decompressed (see decodeLevelDbFiles). */
export async function readLevelDbPayloads(dir: string): Promise<LevelDbReading> {
  return decodeLevelDbFiles(await readFiles(dir));
}

const databaseNameKeyPrefix = Buffer.from([0, 0, 0, 0, 201]);

/**
 * The IndexedDB database names in the keys read: IndexedDB's DatabaseNameKey is
 * «0, 0, 0, 0, 201, origin, database name», each string a varint count of UTF-16 code units
 * followed by them in UTF-16BE (Chromium's content/browser/indexed_db/docs/leveldb_coding_scheme.md).
 */
export function indexedDbDatabaseNames(reading: LevelDbReading): string[] {
  const names = new Set<string>();
  for (const { part, bytes } of reading.payloads) {
    if (part !== 'key' || !bytes.subarray(0, 5).equals(databaseNameKeyPrefix)) continue;
    try {
      const reader = new ByteReader(bytes, databaseNameKeyPrefix.length);
      reader.take(2 * reader.varint()); // origin
      names.add(
        Buffer.from(reader.take(2 * reader.varint()))
          .swap16()
          .toString('utf16le'),
      );
    } catch {
      // Not a key of IndexedDB's: other LevelDB databases of the profile use other schemes.
    }
  }
  return [...names].sort();
}

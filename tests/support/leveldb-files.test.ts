import { compressSync } from 'snappy';
import { describe, expect, it } from 'vitest';
import {
  decodeLevelDbFiles,
  indexedDbDatabaseNames,
  levelDbFileKind,
  readLogRecords,
  readTable,
  readWriteBatch,
  unwrapCompressedIdbValue,
} from './leveldb-files';

/*
 * The files here are written by small encoders that follow LevelDB's doc/log_format.md and
 * doc/table_format.md, and Blink's idb_value_wrapping.cc. The e2e positive controls
 * (tests/e2e/no-plaintext.spec.ts) read what real Chromium writes.
 */

const blockSize = 32 * 1024;

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
};

type Put = [key: string | Buffer, value: string | Buffer | undefined];
const bytesOf = (value: string | Buffer) =>
  typeof value === 'string' ? Buffer.from(value) : value;

/** A WriteBatch: sequence, count, then puts (tag 1) and deletions (tag 0). */
function writeBatch(entries: Put[], sequence = 7): Buffer {
  const head = Buffer.alloc(12);
  head.writeBigUInt64LE(BigInt(sequence));
  head.writeUInt32LE(entries.length, 8);
  const body = entries.map(([key, value]) =>
    Buffer.concat([
      Buffer.from([value === undefined ? 0 : 1]),
      varint(bytesOf(key).length),
      bytesOf(key),
      ...(value === undefined ? [] : [varint(bytesOf(value).length), bytesOf(value)]),
    ]),
  );
  return Buffer.concat([head, ...body]);
}

/** A log file holding `records`, fragmented across 32 KiB blocks as LevelDB's writer does. */
function logFile(records: Buffer[]): Buffer {
  const out: Buffer[] = [];
  let blockOffset = 0;
  for (const record of records) {
    let rest = record;
    let first = true;
    do {
      if (blockSize - blockOffset < 7) {
        out.push(Buffer.alloc(blockSize - blockOffset)); // trailer
        blockOffset = 0;
      }
      const fragment = rest.subarray(0, blockSize - blockOffset - 7);
      rest = rest.subarray(fragment.length);
      const last = rest.length === 0;
      const type = first && last ? 1 : first ? 2 : last ? 4 : 3;
      const header = Buffer.alloc(7);
      header.writeUInt16LE(fragment.length, 4);
      header[6] = type;
      out.push(header, fragment);
      blockOffset += 7 + fragment.length;
      first = false;
    } while (rest.length > 0);
  }
  return Buffer.concat(out);
}

/** A table block: prefix-compressed entries, a restart every `interval` entries, the restarts. */
function tableBlock(entries: [Buffer, Buffer][], interval = 4): Buffer {
  const parts: Buffer[] = [];
  const restarts: number[] = [];
  let size = 0;
  let previous: Buffer = Buffer.alloc(0);
  entries.forEach(([key, value], index) => {
    let shared = 0;
    if (index % interval === 0) restarts.push(size);
    else while (shared < key.length && key[shared] === previous[shared]) shared += 1;
    const entry = Buffer.concat([
      varint(shared),
      varint(key.length - shared),
      varint(value.length),
      key.subarray(shared),
      value,
    ]);
    parts.push(entry);
    size += entry.length;
    previous = key;
  });
  return Buffer.concat([...parts, ...restarts.map(u32), u32(restarts.length)]);
}

/** A table file of `blocks` (lists of user key → value), each block compressed as asked. */
function tableFile(blocks: Put[][], compression: (block: Buffer) => [number, Buffer]): Buffer {
  const out: Buffer[] = [];
  let size = 0;
  const write = (block: Buffer, type: number) => {
    const handle = Buffer.concat([varint(size), varint(block.length)]);
    out.push(block, Buffer.from([type]), u32(0));
    size += block.length + 5;
    return handle;
  };
  const tag = Buffer.from([1, 9, 0, 0, 0, 0, 0, 0]); // a put, sequence 9
  const index: [Buffer, Buffer][] = [];
  for (const entries of blocks) {
    const keyed = entries.map(([key, value]): [Buffer, Buffer] => [
      Buffer.concat([bytesOf(key), tag]),
      bytesOf(value ?? ''),
    ]);
    const [type, contents] = compression(tableBlock(keyed));
    index.push([keyed[keyed.length - 1]?.[0] ?? Buffer.alloc(0), write(contents, type)]);
  }
  const metaindex = write(tableBlock([]), 0);
  const indexHandle = write(tableBlock(index, 1), 0);
  const footer = Buffer.alloc(48);
  Buffer.concat([metaindex, indexHandle]).copy(footer);
  footer.writeBigUInt64LE(0xdb4775248b80fb57n, 40);
  return Buffer.concat([...out, footer]);
}

const snappyBlocks = (block: Buffer): [number, Buffer] => [1, compressSync(block)];
const plainBlocks = (block: Buffer): [number, Buffer] => [0, block];

/** An IndexedDB value as Blink stores a compressed one: version varint, FF 11 02, Snappy chunk. */
const compressedIdbValue = (serialized: Buffer) =>
  Buffer.concat([Buffer.from([0x02, 0xff, 0x11, 0x02]), compressSync(serialized)]);

const note = 'Zq-Note: she fears the lift at work and takes the stairs to the ninth floor. ';

describe('LevelDB log files', () => {
  it('joins a record fragmented across blocks and reads the puts and deletions of each batch', () => {
    const large = Buffer.from(note.repeat(1200)); // about 90 KiB: FIRST, MIDDLE, MIDDLE, LAST
    const file = logFile([
      writeBatch([['a', 'first value']]),
      writeBatch([
        ['notes/1', large],
        ['notes/0', undefined],
      ]),
    ]);
    expect(file.length).toBeGreaterThan(2 * blockSize);

    const { records, problems, incompleteTail } = readLogRecords(file);
    expect(problems).toEqual([]);
    expect(incompleteTail).toBe(false);
    expect(records).toHaveLength(2);
    const entries = readWriteBatch(records[1] ?? Buffer.alloc(0));
    expect(entries.map(({ key }) => key.toString())).toEqual(['notes/1', 'notes/0']);
    expect(entries[0]?.value?.equals(large)).toBe(true);
    expect(entries[1]?.value).toBeUndefined();
  });

  it('skips the zero padding a block ends with when fewer than 7 bytes are left', () => {
    // 7 header bytes + 18 of batch (head 12, tag, key length, key, 3-byte value length) + value
    // leave 3 bytes of the block: too few for a header, so they are padding.
    const fillsBlock = writeBatch([['k', Buffer.alloc(blockSize - 7 - 18 - 3, 0x61)]]);
    const file = logFile([fillsBlock, writeBatch([['after', 'the trailer']])]);
    expect(file.length).toBeGreaterThan(blockSize);
    expect(file.subarray(blockSize - 3, blockSize)).toEqual(Buffer.alloc(3));

    const { records, problems } = readLogRecords(file);
    expect(problems).toEqual([]);
    expect(readWriteBatch(records[1] ?? Buffer.alloc(0))[0]?.value?.toString()).toBe('the trailer');
  });

  it('treats a record cut off at the end as a writer at work, not as damage', () => {
    const file = logFile([writeBatch([['a', 'whole']]), writeBatch([['b', note.repeat(3)]])]);
    const { records, problems, incompleteTail } = readLogRecords(file.subarray(0, -20));
    expect(records).toHaveLength(1);
    expect(problems).toEqual([]);
    expect(incompleteTail).toBe(true);
  });

  it('reports damaged records and batches instead of passing over them', () => {
    const file = logFile([writeBatch([['a', 'one']]), writeBatch([['b', 'two']])]);
    const damaged = Buffer.from(file);
    damaged[6] = 9; // the first record's type
    expect(readLogRecords(damaged).problems).toEqual(['record type 9 at 7']);

    const miscounted = writeBatch([['a', 'one']]);
    miscounted.writeUInt32LE(2, 8);
    const reading = decodeLevelDbFiles([{ path: '/p/000003.log', bytes: logFile([miscounted]) }]);
    expect(reading.problems).toEqual([
      '/p/000003.log: WriteBatch: WriteBatch says 2 entries but holds 1',
    ]);
  });
});

describe('LevelDB table files', () => {
  const blocks: Put[][] = [
    [
      ['clients/0001', 'Zq-Table first client'],
      ['clients/0002', 'Zq-Table second client'],
      ['clients/0003', note],
      ['clients/0004', note],
      ['clients/0005', 'after a restart'],
    ],
    [['goals/0001', 'Zq-Table a goal']],
  ];

  it('decompresses Snappy blocks and rebuilds prefix-compressed keys without their tags', () => {
    const file = tableFile(blocks, snappyBlocks);
    expect(file.includes(Buffer.from('clients/0002'))).toBe(false);

    const table = readTable(file);
    expect(table.problems).toEqual([]);
    expect(table.snappyBlocks).toBe(2);
    expect(table.entries.map(({ key }) => key.toString())).toEqual([
      'clients/0001',
      'clients/0002',
      'clients/0003',
      'clients/0004',
      'clients/0005',
      'goals/0001',
    ]);
    expect(table.entries[1]?.value?.toString()).toBe('Zq-Table second client');
    expect(table.blocks.some((block) => block.includes(Buffer.from('Zq-Table a goal')))).toBe(true);
  });

  it('reads uncompressed blocks too', () => {
    const table = readTable(tableFile(blocks, plainBlocks));
    expect(table.snappyBlocks).toBe(0);
    expect(table.entries).toHaveLength(6);
  });

  it('reports blocks and files it cannot read', () => {
    const zstd = tableFile(blocks, (block) => [2, block]);
    expect(readTable(zstd).problems).toEqual([
      'block at 0 uses compression type 2',
      expect.stringMatching(/uses compression type 2$/),
    ]);

    const reading = decodeLevelDbFiles([
      { path: '/p/000005.ldb', bytes: Buffer.alloc(100) },
      { path: '/p/000006.ldb', bytes: tableFile(blocks, snappyBlocks).subarray(0, 60) },
    ]);
    expect(reading.problems).toEqual([
      '/p/000005.ldb: table: no table magic',
      '/p/000006.ldb: table: no table magic',
    ]);
    expect(reading.counts.tableFiles).toBe(2);
  });
});

describe('IndexedDB values Blink compressed', () => {
  const serialized = Buffer.concat([
    Buffer.from([0xff, 0x15, 0xff, 0x0f]),
    Buffer.from(note.repeat(50), 'latin1'),
  ]);

  it('unwraps a compressed value after its version varint, or at the start of a blob file', () => {
    const inline = compressedIdbValue(serialized);
    expect(inline.includes(Buffer.from(note))).toBe(false);
    expect(unwrapCompressedIdbValue(inline)?.equals(serialized)).toBe(true);
    expect(unwrapCompressedIdbValue(inline.subarray(1))?.equals(serialized)).toBe(true);
    expect(
      unwrapCompressedIdbValue(Buffer.concat([Buffer.from([0x02]), serialized])),
    ).toBeUndefined();
  });

  it('yields the decompressed value of log entries, table entries and blob files', () => {
    const value = compressedIdbValue(serialized);
    const reading = decodeLevelDbFiles([
      { path: '/idb/a.indexeddb.leveldb/000003.log', bytes: logFile([writeBatch([['k', value]])]) },
      {
        path: '/idb/a.indexeddb.leveldb/000005.ldb',
        bytes: tableFile([[['k', value]]], plainBlocks),
      },
      { path: '/idb/a.indexeddb.blob/1/00/3', bytes: value.subarray(1) },
      { path: '/idb/a.indexeddb.blob/1/00/4', bytes: Buffer.from('not wrapped') },
      { path: '/idb/a.indexeddb.leveldb/LOG', bytes: Buffer.from('text log') },
    ]);
    expect(reading.problems).toEqual([]);
    expect(reading.counts).toMatchObject({
      logFiles: 1,
      tableFiles: 1,
      blobFiles: 2,
      compressedValues: 3,
    });
    const unwrapped = reading.payloads.filter(
      ({ part, bytes }) => part === 'Snappy-compressed IndexedDB value' && bytes.equals(serialized),
    );
    expect(unwrapped.map(({ file }) => file.replace(/^.*\//, ''))).toEqual([
      '000003.log',
      '000005.ldb',
      '3',
    ]);
  });

  it('reports a wrapper whose Snappy chunk is damaged', () => {
    const damaged = Buffer.concat([
      Buffer.from([0xff, 0x11, 0x02]),
      Buffer.from([0xff, 0xff, 0xff, 0x7f, 1]),
    ]);
    const reading = decodeLevelDbFiles([{ path: '/idb/a.indexeddb.blob/1/00/5', bytes: damaged }]);
    expect(reading.problems).toEqual([
      expect.stringMatching(/^\/idb\/a\.indexeddb\.blob\/1\/00\/5: compressed IndexedDB value: /),
    ]);
  });
});

describe('IndexedDB database names', () => {
  const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
  const stringWithLength = (text: string) => Buffer.concat([varint(text.length), utf16be(text)]);

  it('are read from IndexedDB’s database-name keys, written in UTF-16BE', () => {
    const key = Buffer.concat([
      Buffer.from([0, 0, 0, 0, 201]),
      stringWithLength('http_127.0.0.1_41883@1'),
      stringWithLength('bridgework-vault-0a1b-1'),
    ]);
    const reading = decodeLevelDbFiles([
      {
        path: '/idb/000003.log',
        bytes: logFile([
          writeBatch([
            [key, Buffer.from([1])],
            [Buffer.from([0, 0, 0, 0, 201, 0x7f]), 'short'],
          ]),
        ]),
      },
    ]);
    expect(indexedDbDatabaseNames(reading)).toEqual(['bridgework-vault-0a1b-1']);
  });
});

describe('which files are LevelDB files', () => {
  it('goes by LevelDB’s and IndexedDB’s file names, so other logs are left to the raw search', () => {
    const kinds = [
      '/p/Default/IndexedDB/a.indexeddb.leveldb/000003.log',
      '/p/Default/IndexedDB/a.indexeddb.leveldb/000005.ldb',
      '/p/Default/Local Storage/leveldb/000007.sst',
      '/p/Default/IndexedDB/a.indexeddb.blob/1/00/3',
      '/p/Default/IndexedDB/a.indexeddb.leveldb/LOG',
      '/p/Default/IndexedDB/a.indexeddb.leveldb/MANIFEST-000001',
      '/p/chrome_debug.log',
    ].map(levelDbFileKind);
    expect(kinds).toEqual(['log', 'table', 'table', 'blob', undefined, undefined, undefined]);
  });
});

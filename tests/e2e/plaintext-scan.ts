import { expect, type Page } from '@playwright/test';
import {
  decodeLevelDbFiles,
  type FileBytes,
  indexedDbDatabaseNames,
  type LevelDbCounts,
  type LevelDbPart,
  readFiles,
} from '../support/leveldb-files';

/**
 * Looking for client text where it must never be at rest. Chromium stores some strings one
 * byte per character (Latin-1), IndexedDB keys (and database names) in UTF-16BE, and it
 * Snappy-compresses large IndexedDB values and LevelDB table blocks. So every file is searched
 * raw and, for LevelDB files, decoded and decompressed (tests/support/leveldb-files.ts), in
 * UTF-8, UTF-16LE, UTF-16BE and Latin-1; IndexedDB is also read back through its own API.
 */

/** The encodings a text is looked for in. */
export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'latin1';

const encodings: Encoding[] = ['utf8', 'utf16le', 'utf16be', 'latin1'];

function encode(text: string, encoding: Encoding): Buffer {
  return encoding === 'utf16be'
    ? Buffer.from(text, 'utf16le').swap16()
    : Buffer.from(text, encoding);
}

/** Where a text was found: in a file's bytes as stored, or in a decoded part of a LevelDB file. */
export type PlaintextHit = { file: string; in: 'file bytes' | LevelDbPart; encoding: Encoding };

/** The files of some folders as read at one moment, raw and decoded. */
export type FolderScan = {
  /** Every place `text` is, raw or decoded, in any of the encodings. */
  find: (text: string) => PlaintextHit[];
  /** The IndexedDB database names whose metadata the scan decoded. */
  databaseNames: string[];
  /** How much LevelDB the scan decoded, and what it could not. */
  levelDb: { counts: LevelDbCounts; problems: string[] };
};

type Searchable = { file: string; in: PlaintextHit['in']; bytes: Buffer };

/** Reads every file under `dirs` and decodes the LevelDB ones, to search them afterwards. */
export async function scanFolders(dirs: string[]): Promise<FolderScan> {
  const files: FileBytes[] = [];
  for (const dir of dirs) files.push(...(await readFiles(dir)));
  const reading = decodeLevelDbFiles(files);
  const searchable: Searchable[] = [
    ...files.map(({ path, bytes }) => ({ file: path, in: 'file bytes' as const, bytes })),
    ...reading.payloads.map(({ file, part, bytes }) => ({ file, in: part, bytes })),
  ];
  return {
    find: (text) => {
      const needles = encodings.map((encoding) => ({ encoding, bytes: encode(text, encoding) }));
      const hits = new Map<string, PlaintextHit>();
      for (const item of searchable)
        for (const needle of needles)
          if (item.bytes.includes(needle.bytes)) {
            const hit = { file: item.file, in: item.in, encoding: needle.encoding };
            hits.set(JSON.stringify(hit), hit);
          }
      return [...hits.values()];
    },
    databaseNames: indexedDbDatabaseNames(reading),
    levelDb: { counts: reading.counts, problems: reading.problems },
  };
}

/** Every place under `dirs` holding `text`, raw or decoded (see scanFolders). */
export async function findInFiles(dirs: string[], text: string): Promise<PlaintextHit[]> {
  return (await scanFolders(dirs)).find(text);
}

/**
 * Fails, naming `phase`, when any of `texts` (or its first 16 characters) is anywhere under
 * `dirs`, or when the scan proves too little: LevelDB it could not decode, or no sign of the
 * `database` it is meant to cover (so a scan of the wrong folder, or of a profile the app never
 * wrote to, cannot pass).
 */
export async function expectNoPlaintextAtRest(options: {
  dirs: string[];
  texts: string[];
  phase: string;
  database: string;
}): Promise<void> {
  const scan = await scanFolders(options.dirs);
  expect(scan.levelDb.problems, `undecodable LevelDB ${options.phase}`).toEqual([]);
  expect(scan.databaseNames, `IndexedDB databases on disk ${options.phase}`).toContain(
    options.database,
  );
  // The start of each text too: a preview or a truncated copy is a leak as well.
  const needles = new Set(options.texts.flatMap((text) => [text, text.slice(0, 16)]));
  for (const text of needles)
    expect(scan.find(text), `“${text}” at rest ${options.phase}`).toEqual([]);
}

/** The name of the one vault database the page has (known only while the page is open). */
export async function openVaultDatabase(page: Page): Promise<string> {
  const names = await page.evaluate(async () =>
    (await indexedDB.databases())
      .map((info) => info.name ?? '')
      .filter((name) => name.startsWith('bridgework-vault-')),
  );
  expect(names, 'vault databases').toHaveLength(1);
  return names[0] ?? '';
}

/** Every IndexedDB database/store of the page's origin holding `text` in a key or value. */
export function findInIndexedDb(page: Page, text: string): Promise<string[]> {
  return page.evaluate(async (needle) => {
    const latin1 = (bytes: Uint8Array) =>
      Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
    const decoders = [new TextDecoder('utf-8'), new TextDecoder('utf-16le')];
    const holds = (value: unknown, seen = new Set<unknown>()): boolean => {
      if (typeof value === 'string') return value.includes(needle);
      if (value === null || typeof value !== 'object' || seen.has(value)) return false;
      seen.add(value);
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes =
          value instanceof ArrayBuffer
            ? new Uint8Array(value)
            : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        return [...decoders.map((decoder) => decoder.decode(bytes)), latin1(bytes)].some(
          (decoded) => decoded.includes(needle),
        );
      }
      return Object.values(value).some((inner) => holds(inner, seen));
    };
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const hits: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = [await request(store.getAllKeys()), await request(store.getAll())];
        if (holds(keys) || holds(values)) hits.push(`${info.name}/${storeName}`);
      }
      db.close();
    }
    return hits;
  }, text);
}

/**
 * Every field on the page that takes typed text has autocomplete="off". Chromium keeps what was
 * typed into other fields with the page's history state and writes it, unencrypted, to the
 * profile's session files (Sessions/Session_*, Tabs_*) — seen here with a plain textarea,
 * and not with autocomplete="off" — as well as offering it again as autofill.
 */
export async function expectNoFieldKeepsWhatWasTyped(page: Page, where: string): Promise<void> {
  const keeping = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
        'input, textarea, select',
      ),
    )
      .filter((field) => !['checkbox', 'radio', 'file', 'hidden', 'button'].includes(field.type))
      .filter((field) => (field.getAttribute('autocomplete') ?? '') !== 'off')
      .map(
        (field) =>
          field.getAttribute('aria-label') ?? field.labels?.[0]?.textContent ?? field.outerHTML,
      ),
  );
  expect(keeping, `fields that would keep typed text, ${where}`).toEqual([]);
}

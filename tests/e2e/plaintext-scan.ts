import type { Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Looking for client text where it must never be at rest. Chromium stores some strings one
 * byte per character (Latin-1) and compresses larger records, so files are searched in
 * UTF-8, UTF-16LE and Latin-1, and IndexedDB is also read back through its own API.
 */

const encodings = ['utf8', 'utf16le', 'latin1'] as const;

/** Every file under `dirs` (recursively) containing `text` in any of the three encodings. */
export async function findInFiles(dirs: string[], text: string): Promise<string[]> {
  const needles = encodings.map((encoding) => ({ encoding, bytes: Buffer.from(text, encoding) }));
  const hits: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const content = await readFile(path).catch(() => Buffer.alloc(0));
        for (const needle of needles)
          if (content.includes(needle.bytes)) hits.push(`${path} (${needle.encoding})`);
      }
    }
  }
  for (const dir of dirs) await walk(dir);
  return hits;
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

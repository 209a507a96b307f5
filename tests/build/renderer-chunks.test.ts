import { dictionary } from '@zxcvbn-ts/language-common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The start screen loads only what it shows (issue 8, item 9): pdf.js, the passphrase-strength
 * dictionaries, libsodium and the built-in library are built into chunks that load later, when a
 * PDF is shown, a new passphrase is typed, a vault is unlocked. Checked on the built renderer
 * (`npm test` builds before running this): none of them is in the scripts the page loads up
 * front, and each is in a chunk the page can load later, so the check can't pass by finding
 * nothing at all.
 */
const therapistPage = 'out/renderer/index.html';
/** The up-front scripts were one 3.9 MB file before the split; they are about 0.6 MB now. */
const UP_FRONT_LIMIT_BYTES = 1.2 * 1024 * 1024;

const read = (path: string) => readFileSync(path, 'utf8');

/** Every `./chunk.js` a module names in a static import or export, or in an `import(…)`. */
function importsOf(code: string): { static: string[]; dynamic: string[] } {
  const names = (pattern: RegExp) => [...code.matchAll(pattern)].map((match) => match[1] ?? '');
  return {
    static: names(/\b(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g),
    dynamic: names(/\bimport\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g),
  };
}

/** The modules reachable from `start` through static imports, and the dynamic imports they name. */
function staticGraph(start: string[]): { files: Map<string, string>; dynamic: Set<string> } {
  const files = new Map<string, string>();
  const dynamic = new Set<string>();
  const pending = [...start];
  for (let file = pending.pop(); file; file = pending.pop()) {
    if (files.has(file)) continue;
    const code = read(file);
    files.set(file, code);
    const imports = importsOf(code);
    pending.push(...imports.static.map((name) => join(dirname(file), name)));
    for (const name of imports.dynamic) dynamic.add(join(dirname(file), name));
  }
  return { files, dynamic };
}

/** The scripts the page loads before anything runs: its module scripts, preloads and their imports. */
function upFrontScripts(htmlPath: string) {
  const entries = [
    ...read(htmlPath).matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.\/([^"]+\.js)"/g),
  ].map((match) => join(dirname(htmlPath), match[1] ?? ''));
  return staticGraph(entries);
}

/** The chunks loaded later: everything reachable through `import(…)` that isn't loaded up front. */
function laterChunks(upFront: ReturnType<typeof upFrontScripts>): Map<string, string> {
  const later = new Map<string, string>();
  let frontier = [...upFront.dynamic];
  while (frontier.length > 0) {
    const { files, dynamic } = staticGraph(frontier);
    for (const [file, code] of files) if (!upFront.files.has(file)) later.set(file, code);
    frontier = [...dynamic].filter((file) => !later.has(file) && !upFront.files.has(file));
  }
  return later;
}

/** A few entries from the middle of a zxcvbn word list, as the package stores them (comma-joined). */
function wordListSample(list: unknown): string {
  const words = typeof list === 'string' ? list.split(',') : Array.isArray(list) ? list : [];
  const middle = Math.floor(words.length / 2);
  return words.slice(middle, middle + 4).join(',');
}

/** Plain ASCII sentences from three built-in templates (escaping can't change them). */
function libraryText(): string[] {
  const folder = 'resources/library';
  const sentences: string[] = [];
  const collect = (value: unknown): string | undefined => {
    if (typeof value === 'string')
      return /^[A-Za-z][A-Za-z ,.]{40,}$/.test(value) ? value : undefined;
    if (value && typeof value === 'object') {
      for (const inner of Object.values(value)) {
        const found = collect(inner);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const file of readdirSync(folder).sort()) {
    const found = collect(JSON.parse(read(join(folder, file))));
    if (found) sentences.push(found);
    if (sentences.length === 3) break;
  }
  return sentences;
}

const pdfjsVersion = (
  JSON.parse(read('node_modules/pdfjs-dist/package.json')) as { version: string }
).version;

/** What the start screen must not load, each by strings only its own code contains. */
const heavyParts: { name: string; markers: string[] }[] = [
  { name: 'pdf.js', markers: [`\`${pdfjsVersion}\``, 'Setting up fake worker'] },
  {
    name: 'the passphrase-strength dictionaries',
    markers: [wordListSample(dictionary.passwords), wordListSample(dictionary.diceware)],
  },
  // libsodium embeds its WebAssembly as base64, which starts with the "\0asm" magic.
  { name: 'libsodium', markers: ['AGFzbQ'] },
  { name: 'the built-in library', markers: libraryText() },
];

describe('the built renderer’s chunks', () => {
  it('has a therapist’s page with its scripts built', () => {
    expect(existsSync(therapistPage), 'run `npx electron-vite build` first').toBe(true);
    expect(upFrontScripts(therapistPage).files.size).toBeGreaterThan(0);
  });

  it('has markers for every part it looks for', () => {
    for (const part of heavyParts) {
      expect(part.markers.length, part.name).toBeGreaterThan(0);
      for (const marker of part.markers) expect(marker.length, part.name).toBeGreaterThan(5);
    }
  });

  it.each(heavyParts)('loads none of $name up front', ({ markers }) => {
    for (const [file, code] of upFrontScripts(therapistPage).files) {
      for (const marker of markers) {
        expect(code.includes(marker), `${file} contains ${marker}`).toBe(false);
      }
    }
  });

  it.each(heavyParts)('has $name in a chunk it loads later', ({ markers }) => {
    const later = laterChunks(upFrontScripts(therapistPage));
    const holders = [...later].filter(([, code]) =>
      markers.every((marker) => code.includes(marker)),
    );
    expect(holders.map(([file]) => file)).not.toEqual([]);
  });

  it('loads far less script up front than the old single 3.9 MB file', () => {
    const bytes = [...upFrontScripts(therapistPage).files.values()].reduce(
      (sum, code) => sum + Buffer.byteLength(code),
      0,
    );
    expect(bytes).toBeLessThan(UP_FRONT_LIMIT_BYTES);
  });
});

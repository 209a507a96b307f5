import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentChannels } from '../../src-shared/ipc/attachments';
import { backupChannels } from '../../src-shared/ipc/backups';
import { settingsChannels } from '../../src-shared/ipc/settings';
import { templateChannels } from '../../src-shared/ipc/templates';
import { vaultChannels, vaultEvents } from '../../src-shared/ipc/vault';

/**
 * What only a real Electron would reveal, checked on the built files: a sandboxed preload is
 * one CommonJS file whose `require` can load nothing but `electron` (no ESM, no other files,
 * no externalized dependencies) — one for each kind of window. The client view's preload and
 * page must not even contain the vault's channels or data layer. `npm test` builds before
 * running this.
 */
const preloadDir = 'out/preload';
const preloads = ['client-view.cjs', 'index.cjs'];

/** Channel names the client view has no business knowing. */
const therapistOnlyNames = [
  vaultChannels,
  vaultEvents,
  backupChannels,
  attachmentChannels,
  settingsChannels,
  templateChannels,
].flatMap((map) => Object.keys(map));

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

describe('the built preloads', () => {
  it('are one CommonJS file per kind of window, and nothing else', () => {
    expect(existsSync(preloadDir), 'run `npx electron-vite build` first').toBe(true);
    expect(
      readdirSync(preloadDir)
        .filter((file) => /\.(c|m)?js$/.test(file))
        .sort(),
    ).toEqual(preloads);
  });

  it.each(preloads)('%s requires nothing but electron and has no ES module syntax', (file) => {
    const code = read(join(preloadDir, file));
    const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(
      (match) => match[1],
    );
    expect([...new Set(required)]).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s[^(]/m);
    expect(code).not.toMatch(/\bimport\(/);
  });

  it.each(preloads)(
    '%s exposes exactly one object to the page, and never ipcRenderer itself',
    (file) => {
      const code = read(join(preloadDir, file));
      expect(
        [...code.matchAll(/exposeInMainWorld\(\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]),
      ).toEqual(['bridgework']);
      expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    },
  );

  it('gives the client view no vault, backup, attachment, settings or template channel', () => {
    const code = read(join(preloadDir, 'client-view.cjs'));
    expect(therapistOnlyNames.length).toBeGreaterThan(20);
    expect(therapistOnlyNames.filter((name) => code.includes(name))).toEqual([]);
    expect(code).toContain('client-view:ready');
  });

  it('gives the therapist’s window its channels', () => {
    const code = read(join(preloadDir, 'index.cjs'));
    expect(therapistOnlyNames.filter((name) => !code.includes(name))).toEqual([]);
  });
});

describe('the built main process', () => {
  it('points each kind of window at the preload file that is built', () => {
    const main = read('out/main/index.js');
    for (const file of preloads) expect(main).toContain(`../preload/${file}`);
  });
});

/**
 * Every JavaScript file a page can load: its entry scripts and what they import, transitively,
 * statically or on demand (`import("./x.js")`, also with backticks as minified code writes it).
 */
function scriptGraph(htmlPath: string): Map<string, string> {
  const root = dirname(htmlPath);
  const html = read(htmlPath);
  const pending = [
    ...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.\/([^"]+\.js)"/g),
  ].map((match) => join(root, match[1] ?? ''));
  const files = new Map<string, string>();
  for (let file = pending.pop(); file; file = pending.pop()) {
    if (files.has(file)) continue;
    const code = read(file);
    files.set(file, code);
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["'`](\.\/[^"'`]+\.js)["'`]/g)) {
      pending.push(join(dirname(file), match[1] ?? ''));
    }
  }
  return files;
}

describe('the built client view page', () => {
  const page = 'out/renderer/client-view.html';

  it('is built beside the therapist’s page, with no inline script', () => {
    expect(existsSync(page), 'run `npx electron-vite build` first').toBe(true);
    expect(read(page)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('loads no data layer, no crypto and no vault channel', () => {
    const graph = scriptGraph(page);
    expect(graph.size).toBeGreaterThan(0);
    for (const [file, code] of graph) {
      for (const marker of [
        'indexedDB',
        'Dexie',
        'crypto_pwhash',
        'crypto_secretstream',
        ...therapistOnlyNames,
      ]) {
        expect(code.includes(marker), `${file} contains ${marker}`).toBe(false);
      }
    }
  });

  it('finds the data layer in the therapist’s page (so the check above can fail)', () => {
    const therapist = scriptGraph('out/renderer/index.html');
    expect([...therapist.values()].some((code) => code.includes('indexedDB'))).toBe(true);
  });
});

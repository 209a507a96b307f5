import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * What only a real Electron would reveal, checked on the built files: a sandboxed preload is
 * one CommonJS file whose `require` can load nothing but `electron` (no ESM, no other files,
 * no externalized dependencies). `npm test` builds before running this.
 */
const preloadDir = 'out/preload';

describe('the built preload', () => {
  it('is a single CommonJS file', () => {
    expect(existsSync(preloadDir), 'run `npx electron-vite build` first').toBe(true);
    expect(readdirSync(preloadDir).filter((file) => /\.(c|m)?js$/.test(file))).toEqual([
      'index.cjs',
    ]);
  });

  it('requires nothing but electron and has no ES module syntax', () => {
    const code = readFileSync(`${preloadDir}/index.cjs`, 'utf8');
    const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(
      (match) => match[1],
    );
    expect([...new Set(required)]).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s[^(]/m);
    expect(code).not.toMatch(/\bimport\(/);
  });

  it('exposes exactly one object to the page, and never ipcRenderer itself', () => {
    const code = readFileSync(`${preloadDir}/index.cjs`, 'utf8');
    expect(
      [...code.matchAll(/exposeInMainWorld\(\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]),
    ).toEqual(['bridgework']);
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});

describe('the built main process', () => {
  it('points the window at the preload file that is built', () => {
    const main = readFileSync('out/main/index.js', 'utf8');
    expect(main).toContain('../preload/index.cjs');
  });
});

import type { Browser, Page } from '@playwright/test';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import type {
  ReminderImageContent,
  ReminderImageKind,
} from '../../src-shared/domain/reminder-image-layout';
import { NAME_HELPER } from '../harness/browser-app';

/**
 * The reminder images' renderer (src-renderer/documents/reminder-image.ts) in a blank Chromium
 * page of its own: bundled by esbuild and added as a script, so the e2e spec and the benchmark
 * draw real PNGs on a real canvas without the app's build or a vault.
 */

/** The global the bundle sets in the page. */
const GLOBAL = 'bridgeworkReminderImages';

/** The renderer module bundled for a page (an IIFE that sets `GLOBAL`). */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [resolve('src-renderer/documents/reminder-image.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => file.text).join('\n');
}

/** A page with the renderer loaded, and a way to draw one image in it. */
export type ReminderImagePage = {
  page: Page;
  /** One image drawn in the page: its PNG bytes and how long `reminderImagePng` took there. */
  draw: (
    kind: ReminderImageKind,
    content: ReminderImageContent,
  ) => Promise<{ png: Buffer; ms: number }>;
};

/** A new blank page of `browser` with the reminder images' renderer loaded. */
export async function openReminderImagePage(browser: Browser): Promise<ReminderImagePage> {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="en"><head></head><body></body></html>');
  // Functions handed to page.evaluate by tsx carry esbuild's `__name` calls.
  await page.addScriptTag({ content: `${NAME_HELPER}\n${await bundle()}` });
  const draw: ReminderImagePage['draw'] = async (kind, content) => {
    const result = await page.evaluate(
      async ({ kind, content, global }) => {
        type Module = {
          reminderImagePng: (kind: string, content: unknown) => Promise<Uint8Array>;
        };
        const module = (globalThis as unknown as Record<string, Module>)[global];
        if (!module) throw new Error('The reminder image bundle did not load.');
        const started = performance.now();
        const bytes = await module.reminderImagePng(kind, content);
        const ms = performance.now() - started;
        let binary = '';
        for (let at = 0; at < bytes.length; at += 0x8000) {
          binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
        }
        return { base64: btoa(binary), ms };
      },
      { kind, content, global: GLOBAL },
    );
    return { png: Buffer.from(result.base64, 'base64'), ms: result.ms };
  };
  return { page, draw };
}

/** A PNG's chunks in order: each one's type and data length. */
export function pngChunks(png: Uint8Array): { type: string; length: number }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: { type: string; length: number }[] = [];
  for (let offset = 8; offset + 12 <= png.length;) {
    const length = view.getUint32(offset);
    chunks.push({ type: String.fromCharCode(...png.subarray(offset + 4, offset + 8)), length });
    offset += 12 + length;
  }
  return chunks;
}

/** A PNG's size from its IHDR chunk (which always comes first). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

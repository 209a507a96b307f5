// The preview app on one data folder (`npm run preview`, `npm run seed`): the built renderer in
// Chromium through the e2e harness, with a browser profile kept inside the data folder and
// served on the same port every time, so the records a run writes are there for the next one.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensurePrivateDir } from '../src-main/services/atomic-file';
import type { AppDialogs } from '../src-main/services/handlers';
import {
  type AppServer,
  type BrowserApp,
  launchBrowserApp,
  startAppServer,
} from '../tests/harness/browser-app';

/** Where the preview keeps its browser profile (and with it the vaults' records) for `dataDir`. */
export function previewProfileDir(dataDir: string): string {
  return join(dataDir, 'preview-browser-profile');
}

/** The file in the profile that remembers the port its records were written on. */
const PORT_FILE = 'bridgework-preview-port';

async function savedPort(profileDir: string): Promise<number | null> {
  const text = await readFile(join(profileDir, PORT_FILE), 'utf8').catch(() => null);
  const port = Number(text?.trim());
  return Number.isInteger(port) && port > 0 && port < 65_536 ? port : null;
}

/**
 * Serves the built renderer on the port this profile used before, or on a new one it then
 * remembers: IndexedDB is kept per origin, port included, so on another port the vaults would
 * open without their records.
 */
export async function startPreviewServer(profileDir: string): Promise<AppServer> {
  const port = await savedPort(profileDir);
  if (port === null) {
    const server = await startAppServer(resolve('out/renderer'));
    await writeFile(join(profileDir, PORT_FILE), new URL(server.origin).port, { mode: 0o600 });
    return server;
  }
  try {
    return await startAppServer(resolve('out/renderer'), port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new Error(
      `Port ${port}, where this data folder's records are kept, is in use. ` +
        'Is a preview of this folder already open? Close it, or free the port, and try again.',
      { cause: error },
    );
  }
}

/** The preview app running on a data folder. */
export type PreviewApp = { app: BrowserApp; origin: string; close: () => Promise<void> };

/** Opens the app in Chromium on `dataDir`, its profile and its port. */
export async function openPreview(options: {
  dataDir: string;
  backupDir: string;
  dialogs: AppDialogs;
  headless: boolean;
}): Promise<PreviewApp> {
  const profileDir = previewProfileDir(options.dataDir);
  await ensurePrivateDir(profileDir);
  const server = await startPreviewServer(profileDir);
  try {
    const app = await launchBrowserApp({ ...options, origin: server.origin, profileDir });
    return {
      app,
      origin: server.origin,
      async close() {
        await app.close().catch(() => undefined);
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

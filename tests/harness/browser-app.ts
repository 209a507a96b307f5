import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ipcChannels, type IpcEvent } from '../../src-shared/ipc/contract';
import { ipcFailure } from '../../src-shared/ipc/result';
import { serveAppFile } from '../../src-main/services/app-protocol';
import { dispatchIpc } from '../../src-main/services/dispatch';
import { type AppDialogs, createHandlers } from '../../src-main/services/handlers';

/**
 * The app without the Electron binary: the built renderer served on 127.0.0.1 (with the same
 * headers as the app:// scheme) in Debian's Chromium, and `window.bridgework` wired through
 * `exposeBinding` to the real main-process handler map. Only Electron's transport is replaced.
 */

/** Debian's Chromium; Playwright's own browser download is not available here. */
export const CHROMIUM_PATH = process.env.BRIDGEWORK_CHROMIUM ?? '/usr/bin/chromium';
/** Flags that keep Chromium from reaching for the network or Google services. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter',
];

/** The static server for the built renderer. */
export type AppServer = { origin: string; close: () => Promise<void> };

/** Serves `rendererRoot` on an ephemeral port of 127.0.0.1 only. */
export async function startAppServer(rendererRoot: string): Promise<AppServer> {
  const server = createServer((request, response) => {
    void serveAppFile(rendererRoot, `http://127.0.0.1${request.url ?? '/'}`).then(
      async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Runs in the page before any of its scripts: the harness's stand-in for the preload.
function installBridge(channels: string[]): void {
  type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
  const invoke = (window as unknown as { __bridgeworkInvoke: Invoke }).__bridgeworkInvoke;
  const api: Record<string, unknown> = {};
  for (const channel of channels) api[channel] = (request: unknown) => invoke(channel, request);
  api.on = (event: string, listener: () => void) => {
    const name = `bridgework-harness:${event}`;
    window.addEventListener(name, listener);
    return () => window.removeEventListener(name, listener);
  };
  Object.defineProperty(window, 'bridgework', { value: Object.freeze(api), writable: false });
}

/** A running app in Chromium, on its own data folder and browser profile. */
export type BrowserApp = {
  context: BrowserContext;
  page: Page;
  dataDir: string;
  profileDir: string;
  /** Every URL the browser requested, in order. */
  requests: string[];
  /** Sends a main → renderer event, as the app menu or system sleep would. */
  emit: (event: IpcEvent) => Promise<void>;
  /** Closes the browser, leaving its profile and the data folder on disk. */
  close: () => Promise<void>;
  /** Whether the renderer confirmed it had backed up and locked after `app:quit-requested`. */
  quitConfirmed: () => boolean;
};

/** Opens the app in Chromium with the real handlers on `dataDir`. */
export async function launchBrowserApp(options: {
  origin: string;
  dataDir: string;
  profileDir: string;
  backupDir: string;
  dialogs: AppDialogs;
  headless?: boolean;
}): Promise<BrowserApp> {
  const context = await chromium.launchPersistentContext(options.profileDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 820 },
    serviceWorkers: 'block',
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  let quitRequested = false;
  const handlers = createHandlers({
    dataDir: options.dataDir,
    defaultBackupFolder: options.backupDir,
    dialogs: options.dialogs,
    onQuitConfirmed: () => {
      quitRequested = true;
    },
  });
  await context.exposeBinding(
    '__bridgeworkInvoke',
    ({ frame }, channel: unknown, payload: unknown) => {
      // The harness's version of ipc.ts's sender check: only frames of the app's origin.
      if (new URL(frame.url()).origin !== options.origin) {
        return ipcFailure('FORBIDDEN_SENDER', 'This request did not come from Bridgework.');
      }
      return dispatchIpc(handlers, channel, payload);
    },
  );
  await context.addInitScript(installBridge, ipcChannels);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${options.origin}/index.html`);
  return {
    context,
    page,
    dataDir: options.dataDir,
    profileDir: options.profileDir,
    requests,
    emit: (event) =>
      page.evaluate(
        (name) => void window.dispatchEvent(new Event(`bridgework-harness:${name}`)),
        event,
      ),
    close: () => context.close(),
    quitConfirmed: () => quitRequested,
  };
}

/** A new empty folder under the system's temp folder. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `bridgework-${prefix}-`));
}

/** Removes a folder made by makeTempDir. */
export function removeDir(path: string): Promise<void> {
  return rm(path, { recursive: true, force: true });
}

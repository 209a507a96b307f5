import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  channelsFor,
  eventsFor,
  type IpcEvent,
  type IpcEventPayload,
  type WindowRole,
} from '../../src-shared/ipc/contract';
import { serveAppFile, windowPages } from '../../src-main/services/app-protocol';
import { type AppWindows, emitEvent } from '../../src-main/services/app-windows';
import { dispatchIpcFrom } from '../../src-main/services/dispatch';
import { type AppDialogs, createHandlers } from '../../src-main/services/handlers';

/**
 * The app without the Electron binary: the built renderer served on 127.0.0.1 (with the same
 * headers as the app:// scheme) in Debian's Chromium, and `window.bridgework` wired through
 * `exposeBinding` to the real main-process handler map. Each page plays one window role, as a
 * BrowserWindow does in the app: the harness records which page is which, installs only that
 * role's API on it, checks every call's sender by that record (never by what the page says),
 * and delivers events to the pages of the roles the contract names. Only Electron's transport
 * is replaced.
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

/**
 * Serves `rendererRoot` on 127.0.0.1 only, on `port` (0: an ephemeral one). IndexedDB belongs to
 * the origin, port included, so a browser profile finds its vaults' records only on its port.
 */
export async function startAppServer(rendererRoot: string, port = 0): Promise<AppServer> {
  const server = createServer((request, response) => {
    void serveAppFile(rendererRoot, `http://127.0.0.1${request.url ?? '/'}`).then(
      async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * tsx (the benchmarks, `npm run preview`) compiles with esbuild's keepNames, which wraps named
 * functions inside functions handed to a page (`addInitScript`, `page.evaluate`) in calls to its
 * `__name` helper; pages get a stand-in first, or the bridge below fails when the app calls `on`.
 */
export const NAME_HELPER = 'globalThis.__name ??= (target) => target;';

/** The DOM event a harness page hears a main → renderer event as. */
const EVENT_PREFIX = 'bridgework-harness:';

// Runs in the page before any of its scripts: the harness's stand-in for one role's preload.
function installBridge(bridge: { channels: string[]; events: string[]; prefix: string }): void {
  type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
  const invoke = (window as unknown as { __bridgeworkInvoke: Invoke }).__bridgeworkInvoke;
  const api: Record<string, unknown> = {};
  for (const channel of bridge.channels) {
    api[channel] = (request: unknown) => invoke(channel, request);
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!bridge.events.includes(event)) throw new Error('unknown event');
    const name = `${bridge.prefix}${event}`;
    const wrapped = (domEvent: Event) => listener((domEvent as CustomEvent<unknown>).detail);
    window.addEventListener(name, wrapped);
    return () => window.removeEventListener(name, wrapped);
  };
  Object.defineProperty(window, 'bridgework', { value: Object.freeze(api), writable: false });
}

// Runs in a page: delivers one main → renderer event to the listeners `on` installed.
function deliverEvent(delivery: { name: string; payload: unknown }): void {
  window.dispatchEvent(new CustomEvent(delivery.name, { detail: delivery.payload }));
}

/**
 * The harness's windows: one Playwright page per role, in one browser context. It is the
 * handlers' window port (what `src-main/windows.ts` is in the app) and the record the sender
 * check asks.
 */
function createPageWindows(context: BrowserContext, origin: string) {
  const roleByPage = new Map<Page, WindowRole>();

  function pageOf(role: WindowRole): Page | undefined {
    for (const [page, pageRole] of roleByPage)
      if (pageRole === role && !page.isClosed()) return page;
    return undefined;
  }

  /** Makes `page` the window of `role`: records it, installs the role's API, loads its page. */
  async function openAs(page: Page, role: WindowRole): Promise<void> {
    roleByPage.set(page, role);
    page.once('close', () => roleByPage.delete(page));
    await page.addInitScript({ content: NAME_HELPER });
    await page.addInitScript(installBridge, {
      channels: channelsFor(role),
      events: eventsFor(role),
      prefix: EVENT_PREFIX,
    });
    await page.goto(`${origin}/${windowPages[role]}`);
  }

  const port: AppWindows = {
    async openClientView() {
      const open = pageOf('client-view');
      if (open) return open.bringToFront();
      await openAs(await context.newPage(), 'client-view');
    },
    async closeClientView() {
      await pageOf('client-view')?.close();
    },
    async sendToRole(role, event, payload) {
      const page = pageOf(role);
      if (!page) return;
      // A page that is closing or still loading misses the event, as a window would; the
      // client view asks for the current state once it has loaded.
      await page
        .evaluate(deliverEvent, { name: `${EVENT_PREFIX}${event}`, payload })
        .catch(() => undefined);
    },
  };
  return { ...port, openAs, pageOf, roleOf: (page: Page) => roleByPage.get(page) };
}

/** A running app in Chromium, on its own data folder and browser profile. */
export type BrowserApp = {
  context: BrowserContext;
  /** The therapist's window. */
  page: Page;
  dataDir: string;
  profileDir: string;
  /** Every URL the browser requested, in order. */
  requests: string[];
  /**
   * Sends a main → renderer event, as the app menu or system sleep would: through main's event
   * routing, to the windows of the roles the contract names for it.
   */
  emit: <E extends IpcEvent>(event: E, payload?: IpcEventPayload<E>) => Promise<void>;
  /**
   * Opens the client view as the therapist's window does, through the real `client-view:open`
   * channel, and returns its page (a second page of the same browser context).
   */
  openClientView: () => Promise<Page>;
  /** The client view's page while it is open. */
  clientView: () => Page | undefined;
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
  /**
   * Runs on the new browser context before the therapist's page first loads, e.g. to add an
   * init script that a benchmark times the first load with.
   */
  beforeLoad?: (context: BrowserContext) => Promise<void>;
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
  const windows = createPageWindows(context, options.origin);
  const handlers = createHandlers({
    dataDir: options.dataDir,
    defaultBackupFolder: options.backupDir,
    dialogs: options.dialogs,
    windows,
    onQuitConfirmed: () => {
      quitRequested = true;
    },
  });
  await context.exposeBinding(
    '__bridgeworkInvoke',
    ({ frame, page }, channel: unknown, payload: unknown) => {
      // The harness's version of ipc.ts's sender check: the top frame of a page of the app's
      // origin, whose role is the one the harness gave that page.
      const trusted = frame === page.mainFrame() && new URL(frame.url()).origin === options.origin;
      const role = trusted ? (windows.roleOf(page) ?? null) : null;
      return dispatchIpcFrom(role, handlers, channel, payload);
    },
  );
  await options.beforeLoad?.(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await windows.openAs(page, 'therapist');
  return {
    context,
    page,
    dataDir: options.dataDir,
    profileDir: options.profileDir,
    requests,
    // Payload-less events may leave the payload out; emitEvent checks it against the schema.
    emit: (event, payload) =>
      emitEvent(windows, event, payload ?? ({} as IpcEventPayload<typeof event>)),
    async openClientView() {
      const result = await page.evaluate(() => window.bridgework['client-view:open']({}));
      if (!result.ok) throw new Error(`client-view:open failed: ${result.error.message}`);
      const clientView = windows.pageOf('client-view');
      if (!clientView) throw new Error('client-view:open answered, but no client view opened');
      return clientView;
    },
    clientView: () => windows.pageOf('client-view'),
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

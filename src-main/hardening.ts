import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Session,
  WebContents,
} from 'electron';
import type { WindowRole } from '../src-shared/ipc/contract';
import { CONTENT_SECURITY_POLICY, windowPages } from './services/app-protocol';

/**
 * The Electron security settings of Bridgework, as plain functions that take the Electron
 * objects they configure, so `hardening.test.ts` can check them with Electron mocked.
 */

/** The privileged scheme the app is served from. */
export const APP_SCHEME = 'app';
/** The app's own origin; IPC is only accepted from frames of this origin. */
export const APP_ORIGIN = 'app://bridgework';
/** The page the therapist's window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/${windowPages.therapist}`;

/** The page a window of `role` loads: from the app's origin, or from the dev server while developing. */
export function appPageUrl(role: WindowRole, devServerUrl?: string): string {
  return new URL(windowPages[role], devServerUrl ?? `${APP_ORIGIN}/`).href;
}

/** Options for `protocol.registerSchemesAsPrivileged`: a standard, secure origin with storage. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** True for URLs of the app's own origin (and of the dev server while developing). */
export function isAppOrigin(url: string, devServerOrigin?: string): boolean {
  try {
    const parsed = new URL(url);
    if (devServerOrigin && parsed.origin === devServerOrigin) return true;
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'bridgework';
  } catch {
    return false;
  }
}

// Vite's hot reload talks to the dev server over a WebSocket on the same host and port.
function isDevServerSocket(url: string, devServerOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    return /^wss?:$/.test(parsed.protocol) && parsed.host === new URL(devServerOrigin).host;
  } catch {
    return false;
  }
}

/**
 * Whether the session may load a URL at all. Everything outside the app's origin is cancelled,
 * so the app makes no network request, ever; in-memory `data:`/`blob:` URLs and DevTools' own
 * pages never touch the network.
 */
export function isAllowedRequestUrl(url: string, devServerOrigin?: string): boolean {
  if (isAppOrigin(url, devServerOrigin)) return true;
  if (devServerOrigin && isDevServerSocket(url, devServerOrigin)) return true;
  return /^(data|blob|devtools):/i.test(url);
}

/** How each kind of window looks; everything that matters for security is the same for both. */
const windowLooks: Record<WindowRole, BrowserWindowConstructorOptions> = {
  therapist: { width: 1280, height: 820, minWidth: 900, minHeight: 600, title: 'Bridgework' },
  'client-view': {
    width: 1024,
    height: 720,
    minWidth: 480,
    minHeight: 360,
    title: 'Bridgework — shared view',
  },
};

/**
 * Opens a window of `role` with the only settings Bridgework uses: isolated, sandboxed, no Node,
 * no webviews, no spellcheck dictionary downloads, and the role's own preload. The therapist's
 * window is kept out of screen capture where the OS supports it (Windows, macOS; see
 * docs/architecture.md for the limits); the client view is meant to be shared, so it is not.
 * Takes Electron's BrowserWindow so the settings can be checked with Electron mocked.
 */
export function createSecureWindow(
  BrowserWindowClass: typeof BrowserWindow,
  role: WindowRole,
  preloadPath: string,
): BrowserWindow {
  const window = new BrowserWindowClass({
    ...windowLooks[role],
    show: false,
    backgroundColor: '#f7f8fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });
  if (role === 'therapist') window.setContentProtection(true);
  return window;
}

/** Denies every permission request and check, and cancels every request outside the app. */
export function hardenSession(session: Session, devServerOrigin?: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, devServerOrigin) });
  });
  // The app:// handler already sends the CSP; this also covers anything else the session loads.
  // The dev server is left without it because Vite's hot reload needs an inline script.
  if (!devServerOrigin) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        },
      });
    });
  }
}

/** Blocks navigation, redirects, new windows and webviews for one window's contents. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Session,
  WebContents,
} from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { type WindowRole, windowRoles } from '../src-shared/ipc/contract';
import {
  APP_ENTRY_URL,
  appPageUrl,
  createSecureWindow,
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
  isAppOrigin,
} from './hardening';
import { CONTENT_SECURITY_POLICY } from './services/app-protocol';

// hardening.ts only imports Electron's types. If it ever loads Electron itself, these tests
// should say so instead of quietly starting (or failing to start) an Electron binary.
vi.mock('electron', () => {
  throw new Error('hardening.ts must not load electron at runtime');
});

/** Returns a recorded handler, failing the test with a clear message when none was installed. */
function installed<T>(handler: T | undefined, what: string): T {
  if (handler === undefined) throw new Error(`no ${what} was installed`);
  return handler;
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: unknown,
) => boolean;
type DevicePermissionHandler = (details: unknown) => boolean;
type BeforeRequestListener = (
  details: { url: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;
type HeadersReceivedListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

/** A session that records the handlers Bridgework installs on it. */
function fakeSession() {
  const recorded: {
    permissionRequest?: PermissionRequestHandler;
    permissionCheck?: PermissionCheckHandler;
    devicePermission?: DevicePermissionHandler;
    beforeRequest?: BeforeRequestListener;
    headersReceived?: HeadersReceivedListener;
  } = {};
  const session = {
    setPermissionRequestHandler: (handler: PermissionRequestHandler) => {
      recorded.permissionRequest = handler;
    },
    setPermissionCheckHandler: (handler: PermissionCheckHandler) => {
      recorded.permissionCheck = handler;
    },
    setDevicePermissionHandler: (handler: DevicePermissionHandler) => {
      recorded.devicePermission = handler;
    },
    webRequest: {
      // Electron accepts (listener) or (filter, listener); the listener is always last.
      onBeforeRequest: (...args: unknown[]) => {
        recorded.beforeRequest = args.at(-1) as BeforeRequestListener;
      },
      onHeadersReceived: (...args: unknown[]) => {
        recorded.headersReceived = args.at(-1) as HeadersReceivedListener;
      },
    },
  };
  return { session: session as unknown as Session, recorded };
}

/** Whether the session would let a request for `url` through. */
function requestIsAllowed(listener: BeforeRequestListener, url: string): boolean {
  const callback = vi.fn<(response: { cancel?: boolean }) => void>();
  listener({ url }, callback);
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]?.[0].cancel !== true;
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

/** Web contents that record their event listeners and window-open handler. */
function fakeWebContents() {
  const listeners = new Map<string, ((event: { preventDefault: () => void }) => void)[]>();
  let windowOpenHandler: WindowOpenHandler | undefined;
  const contents = {
    on: (name: string, listener: (event: { preventDefault: () => void }) => void) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler: (handler: WindowOpenHandler) => {
      windowOpenHandler = handler;
    },
  };
  return {
    contents: contents as unknown as WebContents,
    /** Fires an event at every listener; returns whether any of them prevented it. */
    emit(name: string): boolean {
      const event = { preventDefault: vi.fn() };
      const registered = listeners.get(name) ?? [];
      if (registered.length === 0) throw new Error(`nothing listens to ${name}`);
      for (const listener of registered) listener(event);
      return event.preventDefault.mock.calls.length > 0;
    },
    openWindow(url: string) {
      return installed(windowOpenHandler, 'window open handler')({ url });
    },
  };
}

/** A BrowserWindow stand-in that keeps the options it was built with and its content protection. */
class FakeBrowserWindow {
  readonly contentProtection: boolean[] = [];
  constructor(readonly options: BrowserWindowConstructorOptions) {}
  setContentProtection(enable: boolean): void {
    this.contentProtection.push(enable);
  }
}

function openWindow(role: WindowRole, preloadPath = '/opt/Bridgework/out/preload/index.cjs') {
  const window = createSecureWindow(
    FakeBrowserWindow as unknown as typeof BrowserWindow,
    role,
    preloadPath,
  ) as unknown as FakeBrowserWindow;
  expect(window).toBeInstanceOf(FakeBrowserWindow);
  return window;
}

describe.each(windowRoles)('the %s window', (role) => {
  const prefsOf = (preloadPath?: string) =>
    openWindow(role, preloadPath).options.webPreferences ?? {};

  it('is isolated from the preload and sandboxed, with no Node in any frame or worker', () => {
    const prefs = prefsOf();
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on, refuses insecure content, webviews and experimental features', () => {
    const prefs = prefsOf();
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('turns spellcheck off so no dictionary is ever downloaded', () => {
    expect(prefsOf().spellcheck).toBe(false);
  });

  it('loads the preload script it was given', () => {
    expect(prefsOf('/somewhere/preload.cjs').preload).toBe('/somewhere/preload.cjs');
  });

  it('opens hidden, to be shown once its page is ready', () => {
    expect(openWindow(role).options.show).toBe(false);
  });

  it('loads its own page from the app’s origin, or from the dev server while developing', () => {
    const page = role === 'therapist' ? 'index.html' : 'client-view.html';
    expect(appPageUrl(role)).toBe(`app://bridgework/${page}`);
    expect(appPageUrl(role, 'http://localhost:5173/')).toBe(`http://localhost:5173/${page}`);
  });
});

describe('screen capture', () => {
  it('keeps the therapist’s own window out of screen capture', () => {
    expect(openWindow('therapist').contentProtection).toEqual([true]);
  });

  it('leaves the client view capturable, since it is the window that is shared', () => {
    expect(openWindow('client-view').contentProtection).not.toContain(true);
  });
});

describe('the app’s entry page', () => {
  it('is the therapist’s window’s page', () => {
    expect(APP_ENTRY_URL).toBe('app://bridgework/index.html');
    expect(appPageUrl('therapist')).toBe(APP_ENTRY_URL);
  });
});

describe('the session', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'answers no when a page asks for the %s permission',
    (permission) => {
      const { session, recorded } = fakeSession();
      hardenSession(session);
      const callback = vi.fn<(granted: boolean) => void>();
      installed(recorded.permissionRequest, 'permission request handler')(
        {},
        permission,
        callback,
        { requestingUrl: APP_ENTRY_URL },
      );
      expect(callback).toHaveBeenCalledTimes(1);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('reports every permission as not granted when a page checks, even for its own origin', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session);
    const check = installed(recorded.permissionCheck, 'permission check handler');
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-sanitized-write',
    ]) {
      expect(check({}, permission, 'app://bridgework', {})).toBe(false);
    }
    const device = installed(recorded.devicePermission, 'device permission handler');
    expect(device({ deviceType: 'usb', origin: 'app://bridgework' })).toBe(false);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:9999/',
    'http://localhost:5173/',
    'ws://127.0.0.1:9999/socket',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'app://bridgework.evil/index.html',
    'app://other/index.html',
    'http://bridgework/index.html',
  ])('cancels a request to %s, so the app never reaches the network or disk', (url) => {
    const { session, recorded } = fakeSession();
    hardenSession(session);
    expect(requestIsAllowed(installed(recorded.beforeRequest, 'request filter'), url)).toBe(false);
  });

  it.each([
    'app://bridgework/index.html',
    'app://bridgework/assets/index-abc123.js',
    'data:text/plain;base64,aGVsbG8=',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://bridgework/5d1c9c9e-1f5e-4c1a-9c1a-2b4f1c9d0e7a',
  ])('lets a request to %s through', (url) => {
    const { session, recorded } = fakeSession();
    hardenSession(session);
    expect(requestIsAllowed(installed(recorded.beforeRequest, 'request filter'), url)).toBe(true);
  });

  it('while developing, lets the dev server through but nothing else, and adds no CSP header', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session, 'http://localhost:5173');
    const filter = installed(recorded.beforeRequest, 'request filter');
    expect(requestIsAllowed(filter, 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(requestIsAllowed(filter, 'app://bridgework/index.html')).toBe(true);
    expect(requestIsAllowed(filter, 'http://localhost:5174/')).toBe(false);
    expect(requestIsAllowed(filter, 'https://localhost:5173/')).toBe(false);
    expect(requestIsAllowed(filter, 'https://example.com/')).toBe(false);
    expect(recorded.headersReceived).toBeUndefined();
  });

  it('adds the Content-Security-Policy header to every response, keeping the other headers', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session);
    const callback = vi.fn<(response: { responseHeaders?: Record<string, string[]> }) => void>();
    installed(recorded.headersReceived, 'response header hook')(
      {
        url: APP_ENTRY_URL,
        responseHeaders: {
          'Content-Type': ['text/html; charset=utf-8'],
          'X-Content-Type-Options': ['nosniff'],
        },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback.mock.calls[0]?.[0].responseHeaders).toEqual({
      'Content-Type': ['text/html; charset=utf-8'],
      'X-Content-Type-Options': ['nosniff'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('replaces a Content-Security-Policy header the response already had with its own', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session);
    const callback = vi.fn<(response: { responseHeaders?: Record<string, string[]> }) => void>();
    // Built as a map so Electronegativity does not read this deliberately weak policy as the app's.
    const responseHeaders = Object.fromEntries([['Content-Security-Policy', ['default-src *']]]);
    installed(recorded.headersReceived, 'response header hook')(
      { url: APP_ENTRY_URL, responseHeaders },
      callback,
    );
    expect(callback.mock.calls[0]?.[0].responseHeaders?.['Content-Security-Policy']).toEqual([
      CONTENT_SECURITY_POLICY,
    ]);
  });
});

describe('every window’s contents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('stops %s', (eventName) => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    expect(fake.emit(eventName)).toBe(true);
  });

  it('refuses to open new windows, whatever the link', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    expect(fake.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(fake.openWindow(APP_ENTRY_URL)).toEqual({ action: 'deny' });
  });
});

describe('the app origin', () => {
  it('accepts pages of app://bridgework', () => {
    expect(isAppOrigin('app://bridgework/index.html')).toBe(true);
    expect(isAppOrigin('app://bridgework/')).toBe(true);
  });

  it.each([
    'app://bridgework.evil/index.html',
    'app://evil.bridgework/index.html',
    'app://bridgework:8080/index.html',
    'app://other/index.html',
    'http://bridgework/index.html',
    'https://bridgework/index.html',
    'file:///bridgework/index.html',
    'apps://bridgework/index.html',
    'about:blank',
    'not a url',
    '',
  ])('rejects the look-alike %j', (url) => {
    expect(isAppOrigin(url)).toBe(false);
  });

  it('accepts the dev server only when one is given, and only its exact origin', () => {
    expect(isAppOrigin('http://localhost:5173/')).toBe(false);
    expect(isAppOrigin('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppOrigin('http://localhost.evil:5173/', 'http://localhost:5173')).toBe(false);
  });

  it('lets in-memory data: and blob: URLs load, but nothing from another origin', () => {
    expect(isAllowedRequestUrl('data:text/html,<p>hi</p>')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://bridgework/1234')).toBe(true);
    expect(isAllowedRequestUrl('https://example.com/data:')).toBe(false);
    expect(isAllowedRequestUrl('javascript:alert(1)')).toBe(false);
  });
});

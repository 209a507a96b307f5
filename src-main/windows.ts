import type { BrowserWindow } from 'electron';
import type { IpcEvent, WindowRole } from '../src-shared/ipc/contract';
import type { AppWindows } from './services/app-windows';

/** Opens a new window of `role`: hardened, with the role's own preload, loading its page. */
export type OpenWindow = (role: WindowRole) => BrowserWindow;

/**
 * The app's windows by role: at most one of each. Main records the role of every window's
 * webContents when it creates it, and the IPC sender check asks this record, not the page, who
 * is calling. Events are sent to one role's window, never broadcast. Takes the window opener as
 * a parameter so `windows.test.ts` runs with Electron mocked.
 */
export function createWindowRegistry(openWindow: OpenWindow) {
  const windowByRole = new Map<WindowRole, BrowserWindow>();
  const roleByContentsId = new Map<number, WindowRole>();

  function get(role: WindowRole): BrowserWindow | undefined {
    const window = windowByRole.get(role);
    return window && !window.isDestroyed() ? window : undefined;
  }

  function focus(role: WindowRole): void {
    const window = get(role);
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  function close(role: WindowRole): void {
    get(role)?.close();
  }

  /** Opens the window of `role`, or brings the open one forward. */
  function open(role: WindowRole): BrowserWindow {
    const existing = get(role);
    if (existing) {
      focus(role);
      return existing;
    }
    const window = openWindow(role);
    // Read once: a closed window's webContents can no longer be asked for its id.
    const contentsId = window.webContents.id;
    windowByRole.set(role, window);
    roleByContentsId.set(contentsId, role);
    window.once('closed', () => {
      roleByContentsId.delete(contentsId);
      if (windowByRole.get(role) === window) windowByRole.delete(role);
      // The client view shows what the therapist's window sends; it never outlives it.
      if (role === 'therapist') close('client-view');
    });
    return window;
  }

  function send(role: WindowRole, event: IpcEvent, payload: unknown): void {
    const contents = get(role)?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(event, payload);
  }

  /** The port the handlers use (services/app-windows.ts). */
  const appWindows: AppWindows = {
    openClientView: async () => void open('client-view'),
    closeClientView: async () => close('client-view'),
    sendToRole: async (role, event, payload) => send(role, event, payload),
  };

  return {
    ...appWindows,
    open,
    get,
    focus,
    /** The role main gave the window whose webContents this is; undefined for any other. */
    roleOf: (contents: { readonly id: number }): WindowRole | undefined =>
      roleByContentsId.get(contents.id),
  };
}

/** The app's windows by role. */
export type WindowRegistry = ReturnType<typeof createWindowRegistry>;

import type { BrowserWindow } from 'electron';
import type { IpcEvent, WindowRole } from '../src-shared/ipc/contract';
import type { AppWindows } from './services/app-windows';

/** Opens a new window of `role`: hardened, with the role's own preload, loading its page. */
export type OpenWindow = (role: WindowRole) => BrowserWindow;

/**
 * The app's windows by role: at most one of each. Main records the role of every window's
 * webContents when it creates it, and the IPC sender check asks this record, not the page, who
 * is calling. Events are sent to one role's window, never broadcast. It also keeps the
 * therapist's window's screen-capture protection as the settings say (on until told otherwise).
 * Takes the window opener as a parameter so `windows.test.ts` runs with Electron mocked.
 */
export function createWindowRegistry(openWindow: OpenWindow) {
  const windowByRole = new Map<WindowRole, BrowserWindow>();
  const roleByContentsId = new Map<number, WindowRole>();
  const closedListeners = new Set<(role: WindowRole) => void>();
  let protectTherapist = true;

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
    if (role === 'therapist') window.setContentProtection(protectTherapist);
    // Read once: a closed window's webContents can no longer be asked for its id.
    const contentsId = window.webContents.id;
    windowByRole.set(role, window);
    roleByContentsId.set(contentsId, role);
    window.once('closed', () => {
      roleByContentsId.delete(contentsId);
      if (windowByRole.get(role) === window) windowByRole.delete(role);
      // The client view shows what the therapist's window sends; it never outlives it.
      if (role === 'therapist') close('client-view');
      for (const listener of closedListeners) listener(role);
    });
    return window;
  }

  function send(role: WindowRole, event: IpcEvent, payload: unknown): void {
    const contents = get(role)?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(event, payload);
  }

  /** The port the handlers use (services/app-windows.ts). */
  const appWindows = {
    openClientView: async () => void open('client-view'),
    closeClientView: async () => close('client-view'),
    sendToRole: async (role, event, payload) => send(role, event, payload),
    setClientViewFullScreen: async (on) => get('client-view')?.setFullScreen(on),
    protectTherapistWindow: async (on) => {
      protectTherapist = on;
      get('therapist')?.setContentProtection(on);
    },
  } satisfies AppWindows;

  return {
    ...appWindows,
    open,
    get,
    focus,
    /** The role main gave the window whose webContents this is; undefined for any other. */
    roleOf: (contents: { readonly id: number }): WindowRole | undefined =>
      roleByContentsId.get(contents.id),
    /**
     * Calls `listener` with the role of every window that closes, however it closed (its own
     * close button too); returns the removal.
     */
    onClosed(listener: (role: WindowRole) => void): () => void {
      closedListeners.add(listener);
      return () => closedListeners.delete(listener);
    },
  };
}

/** The app's windows by role. */
export type WindowRegistry = ReturnType<typeof createWindowRegistry>;

import {
  type IpcEvent,
  type IpcEventPayload,
  ipcEvents,
  type WindowRole,
} from '../../src-shared/ipc/contract';
import { HandlerError } from './handler-error';

/**
 * The windows the handlers can reach, as a port: Electron's BrowserWindows in the app
 * (`src-main/windows.ts`), Playwright pages in the e2e harness. Handlers never touch a window
 * themselves, so they stay plain Node and run the same in tests.
 */
export type AppWindows = {
  /** Opens the client view, or brings it forward if it is already open. */
  openClientView: () => Promise<void>;
  /** Closes the client view if it is open. */
  closeClientView: () => Promise<void>;
  /**
   * Delivers an event to the open window of `role`, if there is one. The payload has already
   * been checked against the event's schema (`emitEvent`); a window that is gone is skipped.
   */
  sendToRole: (role: WindowRole, event: IpcEvent, payload: unknown) => Promise<void>;
  /**
   * Keeps the therapist's window out of screen capture, or lets it be captured (the setting
   * "Keep this window out of screen sharing"), now and for a therapist's window opened later.
   * Absent where there is no OS window to protect (the e2e harness, Node tests).
   */
  protectTherapistWindow?: (on: boolean) => Promise<void>;
  /**
   * Fills the display the client view is on with it, or puts it back in a window. Absent where
   * there is no OS window (the e2e harness, Node tests): then nothing happens.
   */
  setClientViewFullScreen?: (on: boolean) => Promise<void>;
};

/** No windows at all (Node tests of the handlers): nothing is delivered, nothing can open. */
export const noWindows: AppWindows = {
  openClientView: async () => {
    throw new HandlerError('INTERNAL', 'There is no screen to open the client view on.');
  },
  closeClientView: async () => undefined,
  sendToRole: async () => undefined,
};

/**
 * Sends an event to the windows whose roles the contract names for it, and to no other window.
 * The payload is parsed with the event's schema first, so only its declared fields ever leave
 * main (a payload that does not fit throws: it is a bug in main, not input from a renderer).
 */
export async function emitEvent<E extends IpcEvent>(
  windows: AppWindows,
  event: E,
  payload: IpcEventPayload<E>,
): Promise<void> {
  const spec = ipcEvents[event];
  const parsed: unknown = spec.payload.parse(payload);
  await Promise.all(spec.roles.map((role) => windows.sendToRole(role, event, parsed)));
}

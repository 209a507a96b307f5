import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannels, type WindowRole } from '../src-shared/ipc/contract';
import type { IpcResult } from '../src-shared/ipc/result';
import { isAppOrigin } from './hardening';
import { dispatchIpcFrom } from './services/dispatch';
import type { IpcHandlers } from './services/handlers';

/** How main tells who sent an IPC call. */
export type SenderCheck = {
  /** The role main recorded for a webContents it created (src-main/windows.ts). */
  roleOf: (sender: { readonly id: number }) => WindowRole | undefined;
  /** The dev server's origin while developing; never set in a packaged app. */
  devServerOrigin?: string;
};

type SenderFrame = { readonly url: string; readonly parent: unknown } | null;

/** Whether a frame is the top frame of a page of the app's own origin (never an injected or foreign frame). */
export function isTrustedFrame(frame: SenderFrame, devServerOrigin?: string): boolean {
  return frame !== null && frame.parent === null && isAppOrigin(frame.url, devServerOrigin);
}

/**
 * The role of the window that sent an IPC call, or null when main does not trust the sender:
 * its frame is gone, is a subframe, or is not of the app's origin, or its webContents is not one
 * main created. The role comes from main's own record, never from anything the page says.
 */
export function senderRole(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  check: SenderCheck,
): WindowRole | null {
  if (!isTrustedFrame(event.senderFrame, check.devServerOrigin)) return null;
  return check.roleOf(event.sender) ?? null;
}

/**
 * Registers a handler for every channel of the contract. Each call is checked for its sender's
 * origin and window role (a channel the role may not call answers FORBIDDEN_SENDER) and parsed
 * by `dispatchIpc`, so an invalid payload gets a typed error, never a crash.
 */
export function registerIpcHandlers(
  ipcMain: IpcMain,
  handlers: IpcHandlers,
  check: SenderCheck,
): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, payload: unknown): Promise<IpcResult<unknown>> =>
      dispatchIpcFrom(senderRole(event, check), handlers, channel, payload),
    );
  }
}

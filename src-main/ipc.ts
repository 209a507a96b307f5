import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '../src-shared/ipc/contract';
import { ipcFailure, type IpcResult } from '../src-shared/ipc/result';
import { isAppOrigin } from './hardening';
import { dispatchIpc } from './services/dispatch';
import type { IpcHandlers } from './services/handlers';

/** Whether an IPC call comes from a frame of the app's own origin (never an injected or foreign frame). */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  devServerOrigin?: string,
): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppOrigin(frame.url, devServerOrigin);
}

/**
 * Registers a handler for every channel of the contract. Each call is checked for its sender's
 * origin and parsed by `dispatchIpc`, so an invalid payload gets a typed error, never a crash.
 */
export function registerIpcHandlers(
  ipcMain: IpcMain,
  handlers: IpcHandlers,
  devServerOrigin?: string,
): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event, devServerOrigin)) {
        return ipcFailure('FORBIDDEN_SENDER', 'This request did not come from Bridgework.');
      }
      return dispatchIpc(handlers, channel, payload);
    });
  }
}

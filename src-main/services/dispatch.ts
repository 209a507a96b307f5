import type { z } from 'zod';
import {
  ipcContract,
  type IpcChannel,
  mayCall,
  type WindowRole,
} from '../../src-shared/ipc/contract';
import { ipcFailure, type IpcResult } from '../../src-shared/ipc/result';
import { HandlerError } from './handler-error';
import type { IpcHandlers } from './handlers';

function isChannel(channel: unknown): channel is IpcChannel {
  return typeof channel === 'string' && Object.hasOwn(ipcContract, channel);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
    .join('; ');
}

/**
 * Runs one IPC call from untrusted input: checks the channel, parses the payload with the
 * contract, calls the handler and answers a result value. Nothing thrown escapes; unexpected
 * errors become INTERNAL without their details, which could carry file paths.
 */
export async function dispatchIpc(
  handlers: IpcHandlers,
  channel: unknown,
  payload: unknown,
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) return ipcFailure('UNKNOWN_CHANNEL', 'There is no such channel.');
  const request = ipcContract[channel].request.safeParse(payload);
  if (!request.success) return ipcFailure('INVALID_REQUEST', describeIssues(request.error));
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    const value = ipcContract[channel].response.parse(await handler(request.data));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof HandlerError) return ipcFailure(error.code, error.message);
    const systemCode = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof systemCode === 'string' && /^E[A-Z]+$/.test(systemCode)) {
      return ipcFailure(
        'STORAGE_FAILED',
        `Bridgework couldn't read or write its files (${systemCode}). Nothing was changed.`,
      );
    }
    return ipcFailure('INTERNAL', 'Something unexpected went wrong. Nothing was changed.');
  }
}

/**
 * Runs one IPC call from a window of `role` (null: a sender main does not know, or one whose
 * frame failed the origin check). A channel the role may not call answers FORBIDDEN_SENDER
 * before its payload is even parsed; everything else goes on to `dispatchIpc`. The app
 * (`src-main/ipc.ts`) and the e2e harness both decide the role, then call this.
 */
export async function dispatchIpcFrom(
  role: WindowRole | null,
  handlers: IpcHandlers,
  channel: unknown,
  payload: unknown,
): Promise<IpcResult<unknown>> {
  if (role === null) {
    return ipcFailure('FORBIDDEN_SENDER', 'This request did not come from Bridgework.');
  }
  if (isChannel(channel) && !mayCall(role, channel)) {
    return ipcFailure('FORBIDDEN_SENDER', 'This window may not make this request.');
  }
  return dispatchIpc(handlers, channel, payload);
}

import type { IpcRequest, IpcResponse, TherapistChannel } from '../../src-shared/ipc/contract';
import type { IpcErrorCode, IpcResult } from '../../src-shared/ipc/result';

/** A call to the main process that answered with an error; `message` is safe to show. */
export class MainProcessError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MainProcessError';
  }
}

/** Calls a channel of the IPC contract and returns its value, or throws MainProcessError. */
export async function callMain<C extends TherapistChannel>(
  channel: C,
  request: IpcRequest<C>,
): Promise<IpcResponse<C>> {
  // TypeScript cannot narrow a mapped function type by a generic key; the contract guarantees the pairing.
  const invoke = window.bridgework[channel] as unknown as (
    request: IpcRequest<C>,
  ) => Promise<IpcResult<IpcResponse<C>>>;
  const result = await invoke(request);
  if (!result.ok) throw new MainProcessError(result.error.code, result.error.message);
  return result.value;
}

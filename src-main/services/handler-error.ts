import type { IpcErrorCode } from '../../src-shared/ipc/result';

/** An expected failure of a handler; the dispatcher turns it into `{ ok: false, error }`. */
export class HandlerError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

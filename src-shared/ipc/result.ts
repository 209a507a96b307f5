import { z } from 'zod';

/** Why an IPC call failed; the renderer maps each code to a friendly sentence. */
export const ipcErrorCodeSchema = z.enum([
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'INVALID_HEADER',
  'BACKUP_DAMAGED',
  'BACKUP_FOLDER_MISSING',
  'LOCKED',
  'STORAGE_FAILED',
  'INTERNAL',
]);

/** An IPC error code. */
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

/** The error half of an IPC result: a code, and a message that names what was wrong. */
export const ipcErrorSchema = z.object({ code: ipcErrorCodeSchema, message: z.string() });

/** An IPC error. */
export type IpcError = z.infer<typeof ipcErrorSchema>;

/** What every IPC call answers: the value, or an error as a value (never a thrown crash). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Shorthand for a failed result. */
export function ipcFailure(code: IpcErrorCode, message: string): { ok: false; error: IpcError } {
  return { ok: false, error: { code, message } };
}

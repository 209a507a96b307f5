import { z } from 'zod';

/** Schemas that several IPC domains share. */

/** Standard base64 text: whole groups of four characters, padded with `=` at the end. */
export const base64Schema = z
  .string()
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'not base64 text');

/** A vault id: 32 lower-case hex characters (16 random bytes). */
export const vaultIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a vault id');

/** A request that carries nothing. */
export const emptyRequestSchema = z.object({}).strict();

/** A response that carries nothing. */
export const emptyResponseSchema = z.object({});

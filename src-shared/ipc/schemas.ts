import { z } from 'zod';
import { isBase64 } from '../crypto/bytes';

/** Schemas that several IPC domains share. */

/** Standard base64 text: whole groups of four characters, padded with `=` at the end. */
export const base64Schema = z.string().refine(isBase64, 'not base64 text');

/** A vault id: 32 lower-case hex characters (16 random bytes). */
export const vaultIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a vault id');

/** A request that carries nothing. */
export const emptyRequestSchema = z.object({}).strict();

/** A response that carries nothing. */
export const emptyResponseSchema = z.object({});

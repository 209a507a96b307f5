import { z } from 'zod';

/** Schemas that several IPC domains share. */

/** Standard base64 text: whole groups of four characters, padded with `=` at the end. */
export const base64Schema = z.string().refine(isBase64, 'not base64 text');

/**
 * Standard padded base64, checked in one linear pass: a pattern with a repeated group overflows
 * the regular-expression stack on a worksheet of a few megabytes.
 */
function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

/** A vault id: 32 lower-case hex characters (16 random bytes). */
export const vaultIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a vault id');

/** A request that carries nothing. */
export const emptyRequestSchema = z.object({}).strict();

/** A response that carries nothing. */
export const emptyResponseSchema = z.object({});

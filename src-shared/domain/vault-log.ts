import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine } from './text';

/** Version of the vault log record's shape. */
export const VAULT_LOG_SCHEMA_VERSION = 1;

/**
 * The vault's own log of what left it or was removed from it: every plaintext export the
 * clinician asked for (the ExportLog of PRODUCT.md) and every deletion of a client's records.
 */
export const vaultLogEntrySchema = z.discriminatedUnion('kind', [
  z
    .object({
      id: recordIdSchema,
      kind: z.literal('export'),
      at: z.iso.datetime(),
      /** What was exported, e.g. "Handout PDF", "Template pack". */
      what: plainLine().max(200),
      format: z.enum(['pdf', 'ics', 'png', 'csv', 'template-pack']),
      /** The client it concerned, if any (an id; the client may since have been deleted). */
      clientId: recordIdSchema.nullable(),
    })
    .strict(),
  z
    .object({
      id: recordIdSchema,
      kind: z.literal('client-deleted'),
      at: z.iso.datetime(),
      /** How many records were removed with the client. */
      recordsRemoved: z.number().int().min(0),
    })
    .strict(),
]);

/** A vault log entry. */
export type VaultLogEntry = z.infer<typeof vaultLogEntrySchema>;

/** The vault log record's one-line text fields, for repairing text stored before the rules (`repairStoredText`). */
export const vaultLogSingleLineFields = ['what'];

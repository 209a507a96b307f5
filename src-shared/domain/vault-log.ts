import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine } from './text';

/**
 * Version of the vault log record's shape.
 * 1 still: the export formats that name what was made (`handout-pdf`, …) were added to the
 * enum without a new version, like an attachment's `damagedAt`: every record written before
 * them is valid as it is, and a Bridgework from before them finds an entry that has one
 * damaged, as it would find one sealed at a newer version (docs/vault-format.md §4.7, §6).
 */
export const VAULT_LOG_SCHEMA_VERSION = 1;

/**
 * What an export made, as its log entry records it. `pdf`, `ics` and `png` are the file types
 * alone, from before the kinds were named (still read, no longer written by the take-away
 * outputs); the rest say what was made.
 */
export const exportFormats = [
  'pdf',
  'ics',
  'png',
  'csv',
  'template-pack',
  'handout-pdf',
  'tracker-pdf',
  'session-summary-pdf',
  'recovery-sheet-pdf',
  'calendar-ics',
  'reminder-png',
] as const;

/** What an export made. */
export type ExportFormat = (typeof exportFormats)[number];

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
      format: z.enum(exportFormats),
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

import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine } from './text';

/**
 * Version of the attachment record's shape.
 * 1: a worksheet file of a custom template (`lineageId`).
 * 2: a `kind`, and a second kind of attachment: a returned tracker kept with a client's records
 *    (`clientId`, `assignmentId`, `reviewId`). Shape-1 records are template worksheets
 *    (`upgradeAttachmentV1`).
 */
export const ATTACHMENT_SCHEMA_VERSION = 2;

/** Largest attachment accepted: 20 MB. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Largest encrypted attachment file: the content plus secretstream's overhead (21 bytes a 64 KiB chunk, with room to spare). */
export const MAX_STORED_ATTACHMENT_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

/** The file types a therapist's own worksheets may have. */
export const attachmentMediaTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** What every attachment's description holds, whatever it belongs to. */
const attachmentFileFields = {
  id: recordIdSchema,
  /** The file's name as the therapist chose it (shown, never used as a path). */
  fileName: plainLine().trim().min(1).max(200),
  mediaType: z.enum(attachmentMediaTypes),
  sizeBytes: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  createdAt: z.iso.datetime(),
  /**
   * When a backup or a restore found this attachment's encrypted file damaged or missing. The
   * file can't be opened any more; the clinician removes it and attaches it again from their
   * own copy. Backups leave a damaged file out instead of failing.
   */
  damagedAt: z.iso.datetime().optional(),
};

/**
 * A worksheet file (a PDF or image) the therapist attached to a custom template; every version
 * of the template shares it.
 */
export const templateWorksheetSchema = z
  .object({
    ...attachmentFileFields,
    kind: z.literal('template-worksheet'),
    /** The custom template lineage it belongs to. */
    lineageId: recordIdSchema,
  })
  .strict();

/**
 * A tracker PDF a client filled in and sent back, kept with their records because the therapist
 * chose to when reading it into a review. It belongs to the client, the practice it tracks and
 * the review it was read into, and is deleted with the client.
 */
export const returnedTrackerFileSchema = z
  .object({
    ...attachmentFileFields,
    kind: z.literal('returned-tracker'),
    mediaType: z.literal('application/pdf'),
    clientId: recordIdSchema,
    assignmentId: recordIdSchema,
    reviewId: recordIdSchema,
  })
  .strict();

/**
 * The description of a file kept with the vault. The file's bytes are encrypted separately
 * (libsodium secretstream) and kept by the main process. Each belongs to exactly one owner: a
 * template lineage or a client (the strict shapes refuse a record naming both or neither).
 */
export const attachmentSchema = z.discriminatedUnion('kind', [
  templateWorksheetSchema,
  returnedTrackerFileSchema,
]);

/** An attachment. */
export type Attachment = z.infer<typeof attachmentSchema>;

/** A worksheet file of a custom template. */
export type TemplateWorksheet = z.infer<typeof templateWorksheetSchema>;

/** A returned tracker kept with a client's records. */
export type ReturnedTrackerFile = z.infer<typeof returnedTrackerFileSchema>;

/** An attachment record of shape 1 as shape 2: every shape-1 attachment is a template worksheet. */
export function upgradeAttachmentV1(old: Record<string, unknown>): Record<string, unknown> {
  return { ...old, kind: 'template-worksheet' };
}

/** A file's real type from its first bytes (never from its name), or null if it is not a PDF, PNG or JPEG. */
export function sniffMediaType(bytes: Uint8Array): (typeof attachmentMediaTypes)[number] | null {
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

/** The attachment record's one-line text fields, for repairing text stored before the rules (`repairStoredText`). */
export const attachmentSingleLineFields = ['fileName'];

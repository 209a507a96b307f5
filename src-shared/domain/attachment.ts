import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine } from './text';

/** Version of the attachment record's shape. */
export const ATTACHMENT_SCHEMA_VERSION = 1;

/** Largest attachment accepted: 20 MB. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Largest encrypted attachment file: the content plus secretstream's overhead (21 bytes a 64 KiB chunk, with room to spare). */
export const MAX_STORED_ATTACHMENT_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

/** The file types a therapist's own worksheets may have. */
export const attachmentMediaTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/**
 * The description of a worksheet file (a PDF or image) attached to a custom template. The
 * file's bytes are encrypted separately (libsodium secretstream) and kept by the main process.
 */
export const attachmentSchema = z
  .object({
    id: recordIdSchema,
    /** The custom template lineage it belongs to (all versions share the worksheets). */
    lineageId: recordIdSchema,
    /** The file's name as the therapist chose it (shown, never used as a path). */
    fileName: plainLine().trim().min(1).max(200),
    mediaType: z.enum(attachmentMediaTypes),
    sizeBytes: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
    createdAt: z.iso.datetime(),
    /**
     * When a backup or a restore found this worksheet's encrypted file damaged or missing. The
     * file can't be opened any more; the clinician removes the worksheet and attaches it again
     * from their own copy. Backups leave a damaged file out instead of failing.
     */
    damagedAt: z.iso.datetime().optional(),
  })
  .strict();

/** An attachment. */
export type Attachment = z.infer<typeof attachmentSchema>;

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

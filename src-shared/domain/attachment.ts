import { z } from 'zod';
import { recordIdSchema } from './record-id';

/** Version of the attachment record's shape. */
export const ATTACHMENT_SCHEMA_VERSION = 1;

/** Largest attachment accepted: 20 MB. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The file types a therapist's own worksheets may have. */
export const attachmentMediaTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/**
 * The description of a worksheet file (a PDF or image) attached to a custom template. The
 * file's bytes are encrypted separately (libsodium secretstream) and kept by the main process.
 */
export const attachmentSchema = z
  .object({
    id: recordIdSchema,
    /** The custom template lineage it belongs to. */
    lineageId: recordIdSchema,
    /** The file's name as the therapist chose it (shown, never used as a path). */
    fileName: z.string().trim().min(1).max(200),
    mediaType: z.enum(attachmentMediaTypes),
    sizeBytes: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
    createdAt: z.iso.datetime(),
  })
  .strict();

/** An attachment. */
export type Attachment = z.infer<typeof attachmentSchema>;

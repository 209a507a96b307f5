import { z } from 'zod';
import { isBase64 } from '../crypto/bytes';
import type { ChannelMap } from './channel';

/**
 * Export channels: the take-away files made in the renderer (handouts, trackers, session
 * summaries, the recovery sheet as PDFs; calendar reminders as .ics; reminder images as PNG;
 * reviews as CSV),
 * saved where the clinician chooses in main's save dialog. The renderer makes the bytes and
 * records the export in the vault's log once main says the file was saved whole.
 */

/** The kinds of file an export saves, each with its own extension and dialog filter. */
export const exportFileKinds = ['pdf', 'ics', 'png', 'csv'] as const;

/** A kind of exported file. */
export type ExportFileKind = (typeof exportFileKinds)[number];

/**
 * The largest file an export saves: 64 MiB (a handout with the template's worksheets appended,
 * each up to 20 MiB, stays well inside it; sent as base64, about 85 million characters).
 */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

/** Standard base64 text of 1 to MAX_EXPORT_BYTES bytes, its length checked before its text. */
const exportBytesSchema = z
  .string()
  .min(1, 'empty file')
  .max(Math.ceil(MAX_EXPORT_BYTES / 3) * 4, 'file too large')
  .refine(isBase64, 'not base64 text');

/** The export channels, for the therapist's window only (they open a dialog parented to it). */
export const exportChannels = {
  /**
   * Saves a file where the clinician chooses: main's save dialog (filtered by kind, suggesting
   * `suggestedName` made safe, with the kind's extension), then an atomic owner-only write, so
   * there is the whole file or none. `saved: false` when the dialog was cancelled; a write that
   * fails (folder gone, no permission, disk full) is STORAGE_FAILED with a sentence saying so.
   */
  'exports:save-file': {
    request: z
      .object({
        suggestedName: z.string().max(200),
        kind: z.enum(exportFileKinds),
        bytes: exportBytesSchema,
      })
      .strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
    roles: ['therapist'],
  },
} as const satisfies ChannelMap<'exports'>;

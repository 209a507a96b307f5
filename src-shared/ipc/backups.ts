import { z } from 'zod';
import type { ChannelMap } from './channel';
import { base64Schema, emptyRequestSchema, emptyResponseSchema, vaultIdSchema } from './schemas';

/** Backup channels: writing, listing and reading back `.bwvault` files. */

/** One backup file as listed in Settings. */
export const backupEntrySchema = z.object({
  fileName: z.string(),
  /** When the backup was written (ms since the Unix epoch). */
  createdAt: z.number(),
  sizeBytes: z.number().int().nonnegative(),
  /** 'verified': structure and checksum are intact; 'damaged': it cannot be restored. */
  status: z.enum(['verified', 'damaged']),
  /** Why a damaged backup cannot be used, in words for the clinician. */
  problem: z.string().optional(),
  recordCount: z.number().int().nonnegative(),
});

/** A backup file as listed in Settings. */
export type BackupEntry = z.infer<typeof backupEntrySchema>;

/** Where a restore reads from: a backup in the backup folder, or a file picked in a dialog. */
export const backupSourceSchema = z.union([
  z.object({ fileName: z.string().max(200) }).strict(),
  z.object({ token: z.string().regex(/^[0-9a-f]{32}$/) }).strict(),
]);

/** A backup source. */
export type BackupSource = z.infer<typeof backupSourceSchema>;

const writeIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a backup write id');
/** Largest base64 chunk of backup bytes in one call (4 MiB of bytes). */
const chunkSchema = base64Schema.max(Math.ceil((4 * 1024 * 1024) / 3) * 4);

/** The backup channels, for the therapist's window only. */
export const backupChannels = {
  'backup:begin': {
    request: z.object({ vaultId: vaultIdSchema }).strict(),
    response: z.object({ writeId: writeIdSchema }),
    roles: ['therapist'],
  },
  'backup:append': {
    request: z.object({ writeId: writeIdSchema, chunk: chunkSchema }).strict(),
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
  'backup:commit': {
    request: z.object({ writeId: writeIdSchema }).strict(),
    response: backupEntrySchema,
    roles: ['therapist'],
  },
  'backup:abort': {
    request: z.object({ writeId: writeIdSchema }).strict(),
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
  'backup:list': {
    request: z.object({ vaultId: vaultIdSchema }).strict(),
    response: z.object({
      folder: z.string(),
      /** The chosen backup folder can't be found (moved, renamed, or on a drive not connected). */
      folderMissing: z.boolean(),
      entries: z.array(backupEntrySchema),
    }),
    roles: ['therapist'],
  },
  /** Opens a file picker for a `.bwvault` file; null when cancelled. */
  'backup:choose-file': {
    request: emptyRequestSchema,
    response: z.object({ token: z.string(), fileName: z.string() }).nullable(),
    roles: ['therapist'],
  },
  /** Streams a backup to the renderer for a restore, one chunk at a time. */
  'backup:read': {
    request: z
      .object({
        source: backupSourceSchema,
        offset: z.number().int().nonnegative(),
        length: z
          .number()
          .int()
          .positive()
          .max(4 * 1024 * 1024),
      })
      .strict(),
    response: z.object({ chunk: base64Schema.max(6 * 1024 * 1024), done: z.boolean() }),
    roles: ['therapist'],
  },
} as const satisfies ChannelMap<'backup'>;

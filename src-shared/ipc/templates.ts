import { z } from 'zod';
import type { ChannelMap } from './channel';
import { emptyRequestSchema } from './schemas';

/** Template channels: template packs saved and opened through native dialogs. */

/** The template channels, for the therapist's window only (they open dialogs parented to it). */
export const templateChannels = {
  /** Saves a template pack (template content only, no client data) where the clinician chooses. */
  'templates:save-pack': {
    request: z
      .object({ suggestedName: z.string().max(120), contents: z.string().max(6 * 1024 * 1024) })
      .strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
    roles: ['therapist'],
  },
  /** Opens a template pack the clinician picks (at most 5 MB); null when cancelled. */
  'templates:open-pack': {
    request: emptyRequestSchema,
    response: z.object({ fileName: z.string(), contents: z.string() }).nullable(),
    roles: ['therapist'],
  },
} as const satisfies ChannelMap<'templates'>;

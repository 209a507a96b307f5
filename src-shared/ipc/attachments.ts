import { z } from 'zod';
import { MAX_STORED_ATTACHMENT_BYTES } from '../domain/attachment';
import type { ChannelMap } from './channel';
import { base64Schema, emptyResponseSchema, vaultIdSchema } from './schemas';

/** Attachment channels: the encrypted worksheet files main keeps beside a vault. */

const recordIdLike = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not an attachment id');
/** An encrypted attachment in base64: at most about 20 MB of content. */
const attachmentDataSchema = base64Schema.max(Math.ceil(MAX_STORED_ATTACHMENT_BYTES / 3) * 4);

/** The attachment channels, for the therapist's window only. */
export const attachmentChannels = {
  /** Stores an encrypted worksheet file (a therapist's own PDF or image). */
  'attachment:save': {
    request: z
      .object({ vaultId: vaultIdSchema, attachmentId: recordIdLike, data: attachmentDataSchema })
      .strict(),
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
  /** Reads an encrypted worksheet file back. */
  'attachment:read': {
    request: z.object({ vaultId: vaultIdSchema, attachmentId: recordIdLike }).strict(),
    response: z.object({ data: attachmentDataSchema }),
    roles: ['therapist'],
  },
  'attachment:delete': {
    request: z.object({ vaultId: vaultIdSchema, attachmentId: recordIdLike }).strict(),
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
} as const satisfies ChannelMap<'attachment'>;

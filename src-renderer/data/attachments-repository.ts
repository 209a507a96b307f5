import {
  type Attachment,
  attachmentSchema,
  MAX_ATTACHMENT_BYTES,
  sniffMediaType,
} from '../../src-shared/domain/attachment';
import { fromBase64, toBase64 } from '../../src-shared/crypto/bytes';
import { newRecordId } from '../../src-shared/domain/record-id';
import { decryptAttachment, encryptAttachment } from '../../src-shared/vault/attachment-codec';
import { callMain } from '../main-process';
import {
  EncryptedTable,
  type ReadAll,
  type VaultKeys,
  untracked,
  type WriteTracker,
} from './encrypted-table';
import { entities } from './entities';
import type { VaultDatabase } from './vault-database';

/** Why a file cannot be attached, in words for the clinician. */
export class AttachmentRejected extends Error {}

/**
 * The therapist's own worksheets on custom templates: the description is an encrypted record
 * here, the file is encrypted (secretstream) and kept by the main process.
 */
export function createAttachmentsRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  vaultIdHex: string,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<Attachment>(db, keys, entities.attachments, writes);

  return {
    /** The worksheets of a custom template (all its versions share them), oldest first. */
    async forTemplate(lineageId: string): Promise<ReadAll<Attachment>> {
      const result = await table.where('lineageId', lineageId);
      result.records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return result;
    },

    /** Attaches a PDF, PNG or JPEG of at most 20 MB; its type is read from the file itself. */
    async add(lineageId: string, file: { name: string; bytes: Uint8Array }): Promise<Attachment> {
      if (file.bytes.length === 0) throw new AttachmentRejected('This file is empty.');
      if (file.bytes.length > MAX_ATTACHMENT_BYTES)
        throw new AttachmentRejected('Worksheets can be up to 20 MB.');
      const mediaType = sniffMediaType(file.bytes);
      if (!mediaType)
        throw new AttachmentRejected('Only PDFs and PNG or JPEG images can be attached.');
      const attachment = attachmentSchema.parse({
        id: newRecordId(),
        lineageId,
        fileName: file.name.trim().slice(0, 200) || 'Worksheet',
        mediaType,
        sizeBytes: file.bytes.length,
        createdAt: new Date().toISOString(),
      });
      // The file first, so a description never points at a file that was not stored.
      const stored = encryptAttachment(keys.dataKey, attachment.id, file.bytes);
      await callMain('attachment:save', {
        vaultId: vaultIdHex,
        attachmentId: attachment.id,
        data: toBase64(stored),
      });
      await table.put(attachment);
      return attachment;
    },

    /** The decrypted bytes of a worksheet, for viewing. */
    async open(attachment: Attachment): Promise<Uint8Array> {
      const { data } = await callMain('attachment:read', {
        vaultId: vaultIdHex,
        attachmentId: attachment.id,
      });
      return decryptAttachment(keys.dataKey, attachment.id, fromBase64(data));
    },

    /** Removes a worksheet: its description, then its file. */
    async remove(attachmentId: string): Promise<void> {
      await table.delete(attachmentId);
      await callMain('attachment:delete', { vaultId: vaultIdHex, attachmentId });
    },
  };
}

/** The attachments repository. */
export type AttachmentsRepository = ReturnType<typeof createAttachmentsRepository>;

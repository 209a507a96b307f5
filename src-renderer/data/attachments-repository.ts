import {
  type Attachment,
  MAX_ATTACHMENT_BYTES,
  type ReturnedTrackerFile,
  returnedTrackerFileSchema,
  sniffMediaType,
  type TemplateWorksheet,
  templateWorksheetSchema,
} from '../../src-shared/domain/attachment';
import { fromBase64, toBase64 } from '../../src-shared/crypto/bytes';
import { newRecordId } from '../../src-shared/domain/record-id';
import { repairStoredText } from '../../src-shared/domain/text';
import { decryptAttachment, encryptAttachment } from '../../src-shared/vault/attachment-codec';
import { callMain } from './ipc-client';
import {
  EncryptedTable,
  type ReadAll,
  type VaultKeys,
  untracked,
  type WriteTracker,
} from './encrypted-table';
import { entities } from './entities';
import type { VaultDatabase } from './vault-database';

/** Why a file cannot be attached or opened, in words for the clinician. */
export class AttachmentRejected extends Error {}

/** What the clinician can do about a worksheet whose file is damaged. */
export const DAMAGED_WORKSHEET_ADVICE =
  'This worksheet’s file was damaged on this computer, so it can’t be opened or backed up. Please remove it and attach it again from your own copy.';

/** Of the records read, those of one kind, oldest first. */
function ofKind<Kind extends Attachment['kind']>(
  result: ReadAll<Attachment>,
  kind: Kind,
): ReadAll<Extract<Attachment, { kind: Kind }>> {
  const records = result.records
    .filter((record): record is Extract<Attachment, { kind: Kind }> => record.kind === kind)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { records, damagedIds: result.damagedIds };
}

/**
 * A file name from the file system as a description keeps it: hidden control characters are
 * shown as � rather than refusing the file (the clinician can't easily retype it).
 */
function keptFileName(name: string, fallback: string): string {
  const { fileName } = repairStoredText({ fileName: name }, ['fileName']) as { fileName: string };
  return fileName.trim().slice(0, 200) || fallback;
}

/**
 * Files kept with the vault: the therapist's own worksheets on custom templates, and returned
 * trackers kept with a client's records. The description is an encrypted record here, the file
 * is encrypted (secretstream) and kept by the main process.
 */
export function createAttachmentsRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  vaultIdHex: string,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<Attachment>(db, keys, entities.attachments, writes);

  /** Stores the file first, so a description never points at a file that was not stored. */
  async function store(attachment: Attachment, bytes: Uint8Array): Promise<void> {
    const stored = encryptAttachment(keys.dataKey, attachment.id, bytes);
    await callMain('attachment:save', {
      vaultId: vaultIdHex,
      attachmentId: attachment.id,
      data: toBase64(stored),
    });
    await table.put(attachment);
  }

  return {
    /** The worksheets of a custom template (all its versions share them), oldest first. */
    async forTemplate(lineageId: string): Promise<ReadAll<TemplateWorksheet>> {
      return ofKind(await table.where('lineageId', lineageId), 'template-worksheet');
    },

    /** The returned trackers kept with a client's records, oldest first. */
    async forClient(clientId: string): Promise<ReadAll<ReturnedTrackerFile>> {
      return ofKind(await table.where('clientId', clientId), 'returned-tracker');
    },

    /** Attaches a PDF, PNG or JPEG of at most 20 MB; its type is read from the file itself. */
    async add(
      lineageId: string,
      file: { name: string; bytes: Uint8Array },
    ): Promise<TemplateWorksheet> {
      if (file.bytes.length === 0) throw new AttachmentRejected('This file is empty.');
      if (file.bytes.length > MAX_ATTACHMENT_BYTES)
        throw new AttachmentRejected('Worksheets can be up to 20 MB.');
      const mediaType = sniffMediaType(file.bytes);
      if (!mediaType)
        throw new AttachmentRejected('Only PDFs and PNG or JPEG images can be attached.');
      const attachment = templateWorksheetSchema.parse({
        id: newRecordId(),
        kind: 'template-worksheet',
        lineageId,
        fileName: keptFileName(file.name, 'Worksheet'),
        mediaType,
        sizeBytes: file.bytes.length,
        createdAt: new Date().toISOString(),
      });
      await store(attachment, file.bytes);
      return attachment;
    },

    /**
     * Keeps a returned tracker PDF with a client's records, encrypted like any worksheet, for
     * the practice it tracks and the review it was read into.
     */
    async keepReturnedTracker(
      owner: Pick<ReturnedTrackerFile, 'clientId' | 'assignmentId' | 'reviewId'>,
      file: { name: string; bytes: Uint8Array },
    ): Promise<ReturnedTrackerFile> {
      if (file.bytes.length === 0) throw new AttachmentRejected('This file is empty.');
      if (file.bytes.length > MAX_ATTACHMENT_BYTES)
        throw new AttachmentRejected('A kept tracker can be up to 20 MB.');
      if (sniffMediaType(file.bytes) !== 'application/pdf')
        throw new AttachmentRejected('Only a tracker PDF can be kept with the client’s records.');
      const attachment = returnedTrackerFileSchema.parse({
        id: newRecordId(),
        kind: 'returned-tracker',
        ...owner,
        fileName: keptFileName(file.name, 'Returned tracker'),
        mediaType: 'application/pdf',
        sizeBytes: file.bytes.length,
        createdAt: new Date().toISOString(),
      });
      await store(attachment, file.bytes);
      return attachment;
    },

    /** The decrypted bytes of a worksheet, for viewing. */
    async open(attachment: Attachment): Promise<Uint8Array> {
      if (attachment.damagedAt) throw new AttachmentRejected(DAMAGED_WORKSHEET_ADVICE);
      const { data } = await callMain('attachment:read', {
        vaultId: vaultIdHex,
        attachmentId: attachment.id,
      });
      return decryptAttachment(keys.dataKey, attachment.id, fromBase64(data));
    },

    /** Every worksheet description of the vault (backups check their files). */
    all: (): Promise<ReadAll<Attachment>> => table.all(),

    /**
     * Notes that these worksheets' files were found damaged or missing, so the library can say
     * so and backups stop looking for them. Already-marked ones are left as they are.
     */
    async markDamaged(attachmentIds: readonly string[]): Promise<void> {
      const damagedAt = new Date().toISOString();
      for (const id of attachmentIds) {
        const current = await table.get(id).catch(() => undefined);
        if (current && !current.damagedAt) await table.put({ ...current, damagedAt });
      }
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

import { fromBase64 } from '../../src-shared/crypto/bytes';
import { attachmentOpens } from '../../src-shared/vault/attachment-codec';
import { callMain } from './ipc-client';
import type { AttachmentsRepository } from './attachments-repository';
import type { TemplatesRepository } from './templates-repository';

/** A worksheet whose encrypted file a backup or a restore could not carry, named for the clinician. */
export type DamagedWorksheet = {
  attachmentId: string;
  /** The worksheet's file name as the clinician attached it. */
  fileName: string;
  /** The title of the custom template it belongs to. */
  templateTitle: string;
};

/**
 * The encrypted file main keeps for a worksheet, if it is there and opens completely with the
 * vault's key (checked chunk by chunk; nothing of the content is kept); null otherwise.
 */
export async function readIntactWorksheetFile(
  vaultIdHex: string,
  dataKey: Uint8Array,
  attachmentId: string,
): Promise<Uint8Array | null> {
  const stored = await readWorksheetFile(vaultIdHex, attachmentId);
  return stored && attachmentOpens(dataKey, attachmentId, stored) ? stored : null;
}

/** The encrypted file main keeps for a worksheet, unchecked, or null when it is missing. */
export async function readWorksheetFile(
  vaultIdHex: string,
  attachmentId: string,
): Promise<Uint8Array | null> {
  const file = await callMain('attachment:read', { vaultId: vaultIdHex, attachmentId }).catch(
    () => null,
  );
  return file ? fromBase64(file.data) : null;
}

/** Names worksheets by file and by the title of their template, in the order given. */
export async function nameWorksheets(
  repositories: { attachments: AttachmentsRepository; templates: TemplatesRepository },
  attachmentIds: readonly string[],
): Promise<DamagedWorksheet[]> {
  if (attachmentIds.length === 0) return [];
  const { records } = await repositories.attachments.all();
  const { templates } = await repositories.templates.latest();
  return attachmentIds.map((attachmentId) => {
    const attachment = records.find((record) => record.id === attachmentId);
    if (attachment?.kind === 'returned-tracker')
      return {
        attachmentId,
        fileName: attachment.fileName,
        templateTitle: 'a client’s kept trackers',
      };
    const template = templates.find((t) => t.lineageId === attachment?.lineageId);
    return {
      attachmentId,
      fileName: attachment?.fileName ?? 'A worksheet',
      templateTitle: template?.title ?? 'a template that was deleted',
    };
  });
}

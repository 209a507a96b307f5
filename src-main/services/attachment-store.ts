import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_STORED_ATTACHMENT_BYTES } from '../../src-shared/domain/attachment';
import { ensurePrivateDir, writeFileAtomic } from './atomic-file';
import { HandlerError } from './handler-error';

/**
 * The therapist's own worksheets, as the encrypted files the renderer hands over:
 * `<dataDir>/vaults/<vault id>/attachments/<attachment id>.bwatt`, 0600, written atomically.
 * The main process never holds their key.
 */
export function createAttachmentStore(dataDir: string) {
  const folder = (vaultId: string) => join(dataDir, 'vaults', vaultId, 'attachments');
  const path = (vaultId: string, attachmentId: string) =>
    join(folder(vaultId), `${attachmentId}.bwatt`);

  return {
    async save(vaultId: string, attachmentId: string, bytes: Uint8Array): Promise<void> {
      if (bytes.length > MAX_STORED_ATTACHMENT_BYTES) {
        throw new HandlerError('INVALID_REQUEST', 'Worksheets can be up to 20 MB.');
      }
      await ensurePrivateDir(folder(vaultId));
      await writeFileAtomic(path(vaultId, attachmentId), bytes);
    },
    async read(vaultId: string, attachmentId: string): Promise<Uint8Array> {
      try {
        return new Uint8Array(await readFile(path(vaultId, attachmentId)));
      } catch {
        throw new HandlerError(
          'NOT_FOUND',
          "This worksheet's file is missing. Restoring a backup can bring it back.",
        );
      }
    },
    remove: (vaultId: string, attachmentId: string): Promise<void> =>
      rm(path(vaultId, attachmentId), { force: true }),
  };
}

/** The encrypted worksheet files of every vault. */
export type AttachmentStore = ReturnType<typeof createAttachmentStore>;

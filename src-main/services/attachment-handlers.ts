import { fromBase64, toBase64 } from '../../src-shared/crypto/bytes';
import type { attachmentChannels } from '../../src-shared/ipc/attachments';
import type { HandlerContext, HandlersOf } from './handler-context';

/** The attachment channels: encrypted worksheet files of the open vault. */
export function createAttachmentHandlers({
  attachments,
  openVault,
}: HandlerContext): HandlersOf<typeof attachmentChannels> {
  return {
    'attachment:save': async ({ vaultId, attachmentId, data }) => {
      openVault.require(vaultId);
      await attachments.save(vaultId, attachmentId, fromBase64(data));
      return {};
    },
    'attachment:read': async ({ vaultId, attachmentId }) => {
      openVault.require(vaultId);
      return { data: toBase64(await attachments.read(vaultId, attachmentId)) };
    },
    'attachment:delete': async ({ vaultId, attachmentId }) => {
      openVault.require(vaultId);
      await attachments.remove(vaultId, attachmentId);
      return {};
    },
  };
}

import { basename } from 'node:path';
import { fromBase64, toBase64 } from '../../src-shared/crypto/bytes';
import type { backupChannels } from '../../src-shared/ipc/backups';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlersOf } from './handler-context';

/** The backup channels: a backup of the open vault is written in chunks, then checked. */
export function createBackupHandlers({
  backups,
  openVault,
  dialogs,
}: HandlerContext): HandlersOf<typeof backupChannels> {
  /** Which vault each backup being written belongs to. */
  const writeOwners = new Map<string, string>();

  function requireOwnWrite(writeId: string): void {
    const vaultId = writeOwners.get(writeId);
    if (!vaultId)
      throw new HandlerError(
        'NOT_FOUND',
        'This backup is no longer being written. Please start it again.',
      );
    openVault.require(vaultId);
  }

  return {
    'backup:begin': async ({ vaultId }) => {
      openVault.require(vaultId);
      const started = await backups.begin(vaultId);
      writeOwners.set(started.writeId, vaultId);
      return started;
    },
    'backup:append': async ({ writeId, chunk }) => {
      requireOwnWrite(writeId);
      await backups.append(writeId, fromBase64(chunk));
      return {};
    },
    'backup:commit': async ({ writeId }) => {
      requireOwnWrite(writeId);
      writeOwners.delete(writeId);
      return backups.commit(writeId);
    },
    'backup:abort': async ({ writeId }) => {
      writeOwners.delete(writeId);
      await backups.abort(writeId);
      return {};
    },
    'backup:list': async ({ vaultId }) => {
      openVault.require(vaultId);
      return {
        folder: await backups.folder(),
        folderMissing: await backups.folderMissing(),
        entries: await backups.list(vaultId),
      };
    },
    'backup:choose-file': async () => {
      const path = await dialogs.chooseBackupFile();
      return path ? { token: backups.rememberChosenFile(path), fileName: basename(path) } : null;
    },
    'backup:read': async ({ source, offset, length }) => {
      const { bytes, done } = await backups.read(source, offset, length);
      return { chunk: toBase64(bytes), done };
    },
  };
}

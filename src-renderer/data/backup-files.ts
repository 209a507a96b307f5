import type { IpcResponse } from '../../src-shared/ipc/contract';
import { callMain, MainProcessError } from './ipc-client';

/** The vault's backups as main lists them, and whether the chosen backup folder has gone. */
export type BackupListing = IpcResponse<'backup:list'>;

/** The backups of an open vault in the backup folder, newest first. */
export const listBackups = (vaultIdHex: string): Promise<BackupListing> =>
  callMain('backup:list', { vaultId: vaultIdHex });

/** Asks main to show its file picker for a `.bwvault` file; null when cancelled. */
export const chooseBackupFileToImport = (): Promise<IpcResponse<'backup:choose-file'>> =>
  callMain('backup:choose-file', {});

/** Whether an error says the chosen backup folder can't be found (moved, renamed, unplugged). */
export function isBackupFolderMissing(error: unknown): error is MainProcessError {
  return error instanceof MainProcessError && error.code === 'BACKUP_FOLDER_MISSING';
}

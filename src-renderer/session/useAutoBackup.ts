import { type RefObject, useEffect } from 'react';
import { isBackupFolderMissing } from '../data/backup-files';
import type { VaultSession } from '../data/vault-session';
import { damagedWorksheetsNotice } from '../formatting/describe-worksheets';

/** Quiet time after the last change before an automatic backup is written. */
export const AUTO_BACKUP_DELAY_MS = 10_000;

/**
 * Backs the vault up a few seconds after the last change. A backup that had to leave out a
 * newly damaged worksheet, or found the chosen backup folder gone, tells the clinician through
 * `onNotice`; other failures are retried by the next backup.
 */
export function useAutoBackup(
  session: VaultSession | null,
  current: RefObject<VaultSession | null>,
  onNotice: (notice: string) => void,
): void {
  useEffect(() => {
    if (!session) return undefined;
    let timer: number | undefined;
    const unsubscribe = session.onChange(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (current.current !== session) return;
        import('../data/vault-backup')
          .then(({ backUpVault }) => backUpVault(session))
          .then(
            ({ newlyFound }) => {
              if (newlyFound.length > 0) onNotice(damagedWorksheetsNotice(newlyFound));
            },
            (error: unknown) => {
              if (isBackupFolderMissing(error))
                onNotice(`${error.message} You’ll find the backup folder in Settings.`);
            },
          );
      }, AUTO_BACKUP_DELAY_MS);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [session, current, onNotice]);
}

import { useHotkeys, useIdle } from '@mantine/hooks';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../../src-shared/domain/settings';
import type { UnlockedVault } from '../../../src-shared/vault/key-slots';
import { deleteOtherGenerations } from '../../data/store-registry';
import { backUpVault } from '../../data/vault-backup';
import { openVaultSession, type VaultSession } from '../../data/vault-session';
import { listWorksheets } from '../../data/worksheet-files';
import { callMain, MainProcessError } from '../../main-process';

/** Quiet time after the last change before an automatic backup is written. */
export const AUTO_BACKUP_DELAY_MS = 10_000;

type VaultSessionContextValue = {
  /** The unlocked vault, or null on the start screen. */
  session: VaultSession | null;
  /** Starts working in an unlocked vault. */
  enter: (unlocked: UnlockedVault) => Promise<void>;
  /** Backs up unsaved changes, wipes the key and decrypted state and returns to the start screen. */
  lock: () => Promise<void>;
  /** Swaps in a session on the same vault (after a restore or a key change). */
  replace: (next: VaultSession) => void;
  /** Removes the open vault from this computer (optionally after a final backup) and returns to the start screen. */
  removeOpenVault: (options: { finalBackup: boolean }) => Promise<void>;
  /** A message for the start screen after locking (e.g. a backup that failed while locking). */
  notice: string | null;
  /** What an automatic backup needs the clinician to know (a missing folder, a damaged worksheet). */
  backupNotice: string | null;
  dismissBackupNotice: () => void;
  /** Minutes of inactivity before the vault locks itself. */
  autoLockMinutes: number;
  setAutoLockMinutes: (minutes: number) => void;
};

const VaultSessionContext = createContext<VaultSessionContextValue | null>(null);

async function closeSession(session: VaultSession): Promise<string | null> {
  let problem: string | null = null;
  try {
    await session.writesSettled();
    if (session.changesSinceBackup() > 0) await backUpVault(session);
  } catch (error) {
    problem = `The backup made while locking didn’t finish (${error instanceof Error ? error.message : 'unknown reason'}). Your data is safe in the vault; a backup will be made next time.`;
  } finally {
    session.close();
    await callMain('vault:closed', {}).catch(() => undefined);
  }
  return problem;
}

/** What the clinician reads when a backup had to leave out worksheets whose files are damaged. */
export function damagedWorksheetsNotice(worksheets: Parameters<typeof listWorksheets>[0]): string {
  return `The backup is safe, but it had to leave out ${worksheets.length === 1 ? 'a worksheet whose file is' : 'worksheets whose files are'} damaged on this computer: ${listWorksheets(worksheets)}. Everything else is backed up. In the Library, remove ${worksheets.length === 1 ? 'it' : 'them'} and attach ${worksheets.length === 1 ? 'it' : 'them'} again from your own copy.`;
}

/**
 * Holds the one unlocked vault. Locking (button, Ctrl/Cmd+L, the app menu, system sleep,
 * inactivity, quitting) closes the session: screens showing decrypted data unmount with it,
 * and the data key is wiped once any unsaved changes are in a backup.
 */
export function VaultSessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<VaultSession | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [backupNotice, setBackupNotice] = useState<string | null>(null);
  const dismissBackupNotice = useCallback(() => setBackupNotice(null), []);
  const [autoLockMinutes, setAutoLockMinutes] = useState(DEFAULT_AUTO_LOCK_MINUTES);
  const current = useRef<VaultSession | null>(null);

  const lock = useCallback(async () => {
    const closing = current.current;
    if (!closing) return;
    current.current = null;
    setSession(null);
    setBackupNotice(null);
    setNotice(await closeSession(closing));
  }, []);

  const enter = useCallback(async (unlocked: UnlockedVault) => {
    const opened = await openVaultSession(unlocked);
    await callMain('vault:opened', { vaultId: opened.vaultIdHex });
    const settings = await callMain('settings:get', {}).catch(() => null);
    if (settings) setAutoLockMinutes(settings.autoLockMinutes);
    current.current = opened;
    setNotice(null);
    setSession(opened);
  }, []);

  const replace = useCallback((next: VaultSession) => {
    current.current = next;
    setSession(next);
  }, []);

  const removeOpenVault = useCallback(async ({ finalBackup }: { finalBackup: boolean }) => {
    const removing = current.current;
    if (!removing) return;
    await removing.writesSettled();
    if (finalBackup) await backUpVault(removing);
    current.current = null;
    removing.close();
    await callMain('vault:closed', {});
    await callMain('vault:remove', { vaultId: removing.vaultIdHex });
    await deleteOtherGenerations(removing.vaultIdHex, null);
    setNotice(`${removing.name} was removed from this computer.`);
    setSession(null);
  }, []);

  useHotkeys([['mod+L', () => void lock()]], []);
  useEffect(() => window.bridgework.on('vault:lock-requested', () => void lock()), [lock]);
  useEffect(
    () =>
      window.bridgework.on('app:quit-requested', () => {
        void lock().finally(() => callMain('app:quit', {}));
      }),
    [lock],
  );

  const idle = useIdle(autoLockMinutes * 60_000, { initialState: false });
  useEffect(() => {
    if (idle && session) void lock();
  }, [idle, session, lock]);

  useEffect(() => {
    if (!session) return undefined;
    let timer: number | undefined;
    const unsubscribe = session.onChange(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (current.current !== session) return;
        backUpVault(session).then(
          ({ newlyFound }) => {
            if (newlyFound.length > 0) setBackupNotice(damagedWorksheetsNotice(newlyFound));
          },
          (error: unknown) => {
            // Other failures are retried by the next backup; a folder that has gone needs the clinician.
            if (error instanceof MainProcessError && error.code === 'BACKUP_FOLDER_MISSING')
              setBackupNotice(`${error.message} You’ll find the backup folder in Settings.`);
          },
        );
      }, AUTO_BACKUP_DELAY_MS);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [session]);

  const value = useMemo(
    () => ({
      session,
      enter,
      lock,
      replace,
      removeOpenVault,
      notice,
      backupNotice,
      dismissBackupNotice,
      autoLockMinutes,
      setAutoLockMinutes,
    }),
    [
      session,
      enter,
      lock,
      replace,
      removeOpenVault,
      notice,
      backupNotice,
      dismissBackupNotice,
      autoLockMinutes,
    ],
  );
  return <VaultSessionContext.Provider value={value}>{children}</VaultSessionContext.Provider>;
}

/** The vault session context; only inside VaultSessionProvider. */
export function useVaultSession(): VaultSessionContextValue {
  const value = useContext(VaultSessionContext);
  if (!value) throw new Error('useVaultSession outside VaultSessionProvider');
  return value;
}

/** The unlocked session; only on screens shown while a vault is open. */
export function useOpenVault(): VaultSession {
  const { session } = useVaultSession();
  if (!session) throw new Error('useOpenVault while locked');
  return session;
}

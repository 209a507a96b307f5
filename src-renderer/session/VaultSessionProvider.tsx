import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from 'react';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../src-shared/domain/auto-lock';
import { closeSharedView } from '../data/shared-view';
import type { UnlockedVault } from '../data/vault-access';
// The vault's store, repositories and schemas load when a vault is opened, not with the start
// screen (docs/benchmarks.md: start_screen_ms).
const lifecycle = () => import('../data/vault-lifecycle');
import type { VaultSession } from '../data/vault-session';
import { createPendingSaves, type PendingSave } from './pending-saves';
import { SharedViewProvider } from './shared-view';
import { useAutoBackup } from './useAutoBackup';
import { useLockTriggers } from './useLockTriggers';

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
  /** Adds a field's pending save, which locking (and so quitting) runs first; returns its removal. */
  registerPendingSave: (save: PendingSave) => () => void;
};

const VaultSessionContext = createContext<VaultSessionContextValue | null>(null);

/**
 * The layer every feature stands on: holds the one unlocked vault. Locking (button,
 * Ctrl/Cmd+L, the app menu, system sleep, inactivity, quitting) closes the session: screens
 * showing decrypted data unmount with it, text still waiting to autosave is saved, and the data
 * key is wiped once any unsaved changes are in a backup.
 */
export function VaultSessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<VaultSession | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [backupNotice, setBackupNotice] = useState<string | null>(null);
  const [autoLockMinutes, setAutoLockMinutes] = useState(DEFAULT_AUTO_LOCK_MINUTES);
  const current = useRef<VaultSession | null>(null);
  const [pendingSaves] = useState(createPendingSaves);

  const lock = useCallback(async () => {
    const closing = current.current;
    if (!closing) return;
    current.current = null;
    // The shared view shows client data: it goes before anything else.
    void closeSharedView().catch(() => undefined);
    // Text typed but not yet saved is written first, while the session is still open; the
    // screens go at once all the same.
    const saved = pendingSaves.saveAll();
    setSession(null);
    setBackupNotice(null);
    const unsaved = (await saved)
      ? null
      : 'Something you typed just before locking couldn’t be saved.';
    const problem = await (await lifecycle()).lockVault(closing);
    setNotice([unsaved, problem].filter(Boolean).join(' ') || null);
  }, [pendingSaves]);

  const enter = useCallback(async (unlocked: UnlockedVault) => {
    const opened = await (await lifecycle()).enterVault(unlocked);
    if (opened.autoLockMinutes !== null) setAutoLockMinutes(opened.autoLockMinutes);
    current.current = opened.session;
    setNotice(null);
    setSession(opened.session);
  }, []);

  const replace = useCallback((next: VaultSession) => {
    current.current = next;
    setSession(next);
  }, []);

  const removeOpenVault = useCallback(
    async ({ finalBackup }: { finalBackup: boolean }) => {
      const removing = current.current;
      if (!removing) return;
      void closeSharedView().catch(() => undefined);
      await pendingSaves.saveAll();
      await (await lifecycle()).removeVaultFromThisComputer(removing, { finalBackup });
      current.current = null;
      setNotice(`${removing.name} was removed from this computer.`);
      setSession(null);
    },
    [pendingSaves],
  );

  const dismissBackupNotice = useCallback(() => setBackupNotice(null), []);
  useAutoBackup(session, current, setBackupNotice);
  useLockTriggers({ isOpen: session !== null, autoLockMinutes, lock });

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
      registerPendingSave: pendingSaves.register,
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
      pendingSaves,
    ],
  );
  return (
    <VaultSessionContext.Provider value={value}>
      <SharedViewProvider vaultOpen={session !== null}>{children}</SharedViewProvider>
    </VaultSessionContext.Provider>
  );
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

import { useHotkeys } from '@mantine/hooks';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { UnlockedVault } from '../../../src-shared/vault/key-slots';
import { openVaultSession, type VaultSession } from '../../data/vault-session';

type VaultSessionContextValue = {
  /** The unlocked vault, or null on the start screen. */
  session: VaultSession | null;
  /** Starts working in an unlocked vault. */
  enter: (unlocked: UnlockedVault) => void;
  /** Wipes the key and decrypted state and returns to the start screen. */
  lock: () => void;
};

const VaultSessionContext = createContext<VaultSessionContextValue | null>(null);

/**
 * Holds the one unlocked vault. Locking (button, Ctrl/Cmd+L, the app menu, system sleep)
 * closes the session; screens showing decrypted data unmount with it, dropping what they held.
 */
export function VaultSessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<VaultSession | null>(null);

  const lock = useCallback(() => {
    setSession((current) => {
      current?.close();
      return null;
    });
  }, []);

  const enter = useCallback((unlocked: UnlockedVault) => {
    setSession((current) => {
      current?.close();
      return openVaultSession(unlocked);
    });
  }, []);

  useHotkeys([['mod+L', lock]], []);
  useEffect(() => window.bridgework.on('vault:lock-requested', lock), [lock]);

  const value = useMemo(() => ({ session, enter, lock }), [session, enter, lock]);
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

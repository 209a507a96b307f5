import { useHotkeys, useIdle } from '@mantine/hooks';
import { useEffect } from 'react';
import { onMainEvent } from '../data/main-events';

/**
 * Everything that locks the vault besides the Lock button: Ctrl/Cmd+L, main's lock request
 * (the menu, system sleep, screen lock), inactivity for `autoLockMinutes`, and quitting (lock,
 * which backs up, then tell main it may quit).
 */
export function useLockTriggers(options: {
  isOpen: boolean;
  autoLockMinutes: number;
  lock: () => Promise<void>;
}): void {
  const { isOpen, autoLockMinutes, lock } = options;
  useHotkeys([['mod+L', () => void lock()]], []);
  useEffect(() => onMainEvent('vault:lock-requested', () => void lock()), [lock]);
  useEffect(
    () =>
      onMainEvent('app:quit-requested', () => {
        void lock().finally(async () => (await import('../data/vault-lifecycle')).confirmQuit());
      }),
    [lock],
  );
  const idle = useIdle(autoLockMinutes * 60_000, { initialState: false });
  useEffect(() => {
    if (idle && isOpen) void lock();
  }, [idle, isOpen, lock]);
}

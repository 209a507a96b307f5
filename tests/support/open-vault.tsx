import { act, type RenderResult } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { type ReactElement, useEffect } from 'react';
import { vi } from 'vitest';
import type { UnlockedVault } from '../../src-renderer/data/vault-access';
import { enterVault, lockVault } from '../../src-renderer/data/vault-lifecycle';
import type { VaultSession } from '../../src-renderer/data/vault-session';
import {
  useVaultSession,
  VaultSessionProvider,
} from '../../src-renderer/session/VaultSessionProvider';
import { type FakeRepositories, fakeVaultSession } from '../fixtures/vault-session';
import { renderWithMantine } from './render';

/** Lets what has started finish: promises, React's rendering and timers already due. */
export const settle = (): Promise<void> =>
  act(async () => {
    if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
    else await new Promise((resolve) => setTimeout(resolve, 0));
  });

/**
 * Renders a screen inside the real VaultSessionProvider with a fake vault open (see
 * `fakeVaultSession`), for component tests of screens and session hooks. The test file mocks
 * the data layer's use cases at the module boundary first, as the session tests do:
 *
 *   vi.mock('…/data/vault-lifecycle', () => ({ enterVault: vi.fn(), lockVault: vi.fn(),
 *     removeVaultFromThisComputer: vi.fn(), confirmQuit: vi.fn() }));
 *   vi.mock('…/data/vault-backup', () => ({ backUpVault: vi.fn() }));
 *   vi.mock('…/data/main-events', () => ({ onMainEvent: () => () => undefined }));
 *
 * `lock()` locks as the Lock button does; once locked, the screen is replaced by "Locked" and
 * the start screen's notice, if any.
 */
export async function renderInOpenVault(
  ui: ReactElement,
  options: { repositories?: FakeRepositories; fakeTimers?: boolean } = {},
): Promise<RenderResult & { user: UserEvent; session: VaultSession; lock: () => Promise<void> }> {
  if (!vi.isMockFunction(enterVault))
    throw new Error('Mock data/vault-lifecycle in the test file (see renderInOpenVault).');
  const { session } = fakeVaultSession(options.repositories);
  vi.mocked(enterVault).mockResolvedValue({ session, autoLockMinutes: 60 });
  vi.mocked(lockVault).mockResolvedValue(null);
  const controls = { lock: (): Promise<void> => Promise.resolve() };

  function OpenVault() {
    const { session: open, enter, lock, notice } = useVaultSession();
    controls.lock = lock;
    useEffect(() => {
      void enter({} as UnlockedVault);
    }, [enter]);
    return open ? ui : <p>Locked{notice && `: ${notice}`}</p>;
  }

  const rendered = renderWithMantine(
    <VaultSessionProvider>
      <OpenVault />
    </VaultSessionProvider>,
    { fakeTimers: options.fakeTimers },
  );
  await settle();
  return {
    ...rendered,
    session,
    lock: () => act(() => controls.lock()),
  };
}

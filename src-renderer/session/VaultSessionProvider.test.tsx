import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupEntry } from '../../src-shared/ipc/contract';
import type { UnlockedVault } from '../data/vault-access';
import { fakeVaultSession } from '../../tests/fixtures/vault-session';
import { renderWithMantine } from '../../tests/support/render';
import { AUTO_BACKUP_DELAY_MS } from './useAutoBackup';
import { useOpenVault, useVaultSession, VaultSessionProvider } from './VaultSessionProvider';

/**
 * The session layer's rules, with the data layer's use cases mocked at the module boundary:
 * what locks the vault, when automatic backups run, and that locking takes decrypted screens
 * away. The use cases themselves are tested against the real store in tests/integration.
 */

const mainEvents = vi.hoisted(() => new Map<string, Set<() => void>>());

vi.mock('../data/backup-files', () => ({ isBackupFolderMissing: vi.fn(() => false) }));
vi.mock('../data/main-events', () => ({
  onMainEvent: (event: string, listener: () => void) => {
    const listeners = mainEvents.get(event) ?? new Set();
    mainEvents.set(event, listeners);
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
}));

const { enterVault, lockVault, confirmQuit } = await import('../data/vault-lifecycle');
const { backUpVault } = await import('../data/vault-backup');
const { isBackupFolderMissing } = await import('../data/backup-files');

/** Main sends the therapist's window an event. */
function emitFromMain(event: string) {
  for (const listener of mainEvents.get(event) ?? []) listener();
}

/** A screen that shows decrypted data: it reads the open vault. */
function ClientNotes() {
  const vault = useOpenVault();
  return <p>Notes in {vault.name}</p>;
}

/** The app's two branches, as App.tsx has them, with a way in and a Lock button. */
function Screens() {
  const { session, enter, lock, notice, backupNotice } = useVaultSession();
  return session ? (
    <>
      <ClientNotes />
      {backupNotice && <p role="status">{backupNotice}</p>}
      <button onClick={() => void lock()}>Lock</button>
    </>
  ) : (
    <>
      <h1>Start screen</h1>
      {notice && <p>{notice}</p>}
      <button onClick={() => void enter({} as UnlockedVault)}>Unlock</button>
    </>
  );
}

/** Renders the provider and unlocks a fake vault whose idle lock is `autoLockMinutes`. */
async function unlock(options: { autoLockMinutes?: number } = {}) {
  const vault = fakeVaultSession();
  vi.mocked(enterVault).mockResolvedValue({
    session: vault.session,
    autoLockMinutes: options.autoLockMinutes ?? 10,
  });
  const { user } = renderWithMantine(
    <VaultSessionProvider>
      <Screens />
    </VaultSessionProvider>,
    { fakeTimers: true },
  );
  await user.click(screen.getByRole('button', { name: 'Unlock' }));
  await settle();
  expect(screen.getByText('Notes in Private practice')).toBeTruthy();
  return { ...vault, user };
}

const minutes = (count: number) => count * 60_000;
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
/** Lets what an action started (a mocked use case resolving, React rendering) finish. */
const settle = () => advance(0);
const isLocked = () => screen.queryByRole('heading', { name: 'Start screen' }) !== null;

beforeEach(() => {
  vi.useFakeTimers();
  mainEvents.clear();
  vi.mocked(lockVault).mockResolvedValue(null);
  vi.mocked(confirmQuit).mockResolvedValue(undefined);
  // The session reads only which worksheets a backup newly found damaged.
  vi.mocked(backUpVault).mockResolvedValue({
    entry: {} as BackupEntry,
    leftOut: [],
    newlyFound: [],
  });
});

afterEach(() => {
  vi.clearAllMocks();
  vi.useRealTimers();
});

describe('locking', () => {
  it('takes the screens showing decrypted data away at once, before the closing backup ends', async () => {
    const { session, user } = await unlock();
    let finishLocking: (notice: string | null) => void = () => undefined;
    vi.mocked(lockVault).mockReturnValue(new Promise((resolve) => (finishLocking = resolve)));

    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await settle();

    expect(screen.queryByText('Notes in Private practice')).toBeNull();
    expect(isLocked()).toBe(true);
    expect(lockVault).toHaveBeenCalledWith(session);
    finishLocking('The backup made while locking didn’t finish.');
    await settle();
    expect(screen.getByText('The backup made while locking didn’t finish.')).toBeTruthy();
  });

  it('locks when main asks (the menu, system sleep, the screen locking)', async () => {
    const { session } = await unlock();
    emitFromMain('vault:lock-requested');
    await settle();
    expect(isLocked()).toBe(true);
    expect(lockVault).toHaveBeenCalledWith(session);
  });

  it('locks on Ctrl+L', async () => {
    const { user } = await unlock();
    await user.keyboard('{Control>}l{/Control}');
    await settle();
    expect(isLocked()).toBe(true);
  });

  it('on quitting, locks (with its backup) before telling main it may quit', async () => {
    await unlock();
    let finishLocking: (notice: string | null) => void = () => undefined;
    vi.mocked(lockVault).mockReturnValue(new Promise((resolve) => (finishLocking = resolve)));
    emitFromMain('app:quit-requested');
    await settle();
    expect(isLocked()).toBe(true);
    expect(confirmQuit).not.toHaveBeenCalled();
    finishLocking(null);
    await settle();
    expect(confirmQuit).toHaveBeenCalledOnce();
  });
});

describe('the idle lock', () => {
  it('locks after the chosen minutes without activity', async () => {
    const { session } = await unlock({ autoLockMinutes: 2 });
    await advance(minutes(2) - 1_000);
    expect(isLocked()).toBe(false);
    await advance(1_000);
    expect(isLocked()).toBe(true);
    expect(lockVault).toHaveBeenCalledWith(session);
  });

  it('does not lock while the clinician is active', async () => {
    const { user } = await unlock({ autoLockMinutes: 2 });
    for (let minute = 0; minute < 10; minute += 1) {
      await advance(minutes(1));
      await user.pointer({ coords: { x: minute, y: 10 } });
      await user.keyboard('a');
    }
    expect(isLocked()).toBe(false);
    expect(lockVault).not.toHaveBeenCalled();
    await advance(minutes(2));
    expect(isLocked()).toBe(true);
  });
});

describe('automatic backups', () => {
  it('back up once, a quiet moment after the last of several changes', async () => {
    const { session, change } = await unlock({ autoLockMinutes: 60 });
    change();
    await advance(AUTO_BACKUP_DELAY_MS - 1_000);
    change();
    await advance(AUTO_BACKUP_DELAY_MS - 1_000);
    expect(backUpVault).not.toHaveBeenCalled();
    await advance(1_000);
    expect(backUpVault).toHaveBeenCalledOnce();
    expect(backUpVault).toHaveBeenCalledWith(session);
  });

  it('do not run when nothing changed', async () => {
    await unlock({ autoLockMinutes: 60 });
    await advance(minutes(30));
    expect(backUpVault).not.toHaveBeenCalled();
  });

  it('do not run for a vault that was locked in the meantime', async () => {
    const { change, user } = await unlock({ autoLockMinutes: 60 });
    change();
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await settle();
    await advance(AUTO_BACKUP_DELAY_MS * 2);
    expect(backUpVault).not.toHaveBeenCalled();
  });

  it('tell the clinician when the backup folder has gone', async () => {
    vi.mocked(backUpVault).mockRejectedValue(new Error('The backup folder can’t be found.'));
    vi.mocked(isBackupFolderMissing).mockReturnValue(true);
    const { change } = await unlock({ autoLockMinutes: 60 });
    change();
    await advance(AUTO_BACKUP_DELAY_MS);
    expect(screen.getByRole('status').textContent).toBe(
      'The backup folder can’t be found. You’ll find the backup folder in Settings.',
    );
  });
});

import { callMain } from './ipc-client';
import { readAppSettings } from './app-settings';
import { deleteOtherGenerations } from './store-registry';
import { backUpVault } from './vault-backup';
import type { UnlockedVault } from './vault-access';
import { closeVaultSession, openVaultSession, type VaultSession } from './vault-session';

/**
 * Opening and closing an unlocked vault: the steps the session layer runs when the clinician
 * unlocks, locks (button, shortcut, sleep, idle, quit) or removes a vault from this computer.
 */

/** Opens the vault's live store and tells main which vault's channels are open; also returns the idle-lock minutes. */
export async function enterVault(
  unlocked: UnlockedVault,
): Promise<{ session: VaultSession; autoLockMinutes: number | null }> {
  const session = await openVaultSession(unlocked);
  await callMain('vault:opened', { vaultId: session.vaultIdHex });
  const settings = await readAppSettings().catch(() => null);
  return { session, autoLockMinutes: settings?.autoLockMinutes ?? null };
}

/**
 * Locks: waits for saves in flight, backs up what changed since the last backup, then wipes
 * the key and closes the store whatever happened. Returns a sentence for the start screen when
 * the backup didn't finish (the data is safe in the vault either way), else null.
 */
export async function lockVault(session: VaultSession): Promise<string | null> {
  let problem: string | null = null;
  try {
    await session.writesSettled();
    if (session.changesSinceBackup() > 0) await backUpVault(session);
  } catch (error) {
    problem = `The backup made while locking didn’t finish (${error instanceof Error ? error.message : 'unknown reason'}). Your data is safe in the vault; a backup will be made next time.`;
  } finally {
    closeVaultSession(session);
    await callMain('vault:closed', {}).catch(() => undefined);
  }
  return problem;
}

/**
 * Removes the open vault from this computer: its key file, its worksheets and every store
 * generation, after a final backup when asked. Backups in the backup folder stay.
 */
export async function removeVaultFromThisComputer(
  session: VaultSession,
  options: { finalBackup: boolean },
): Promise<void> {
  await session.writesSettled();
  if (options.finalBackup) await backUpVault(session);
  closeVaultSession(session);
  await callMain('vault:closed', {});
  await callMain('vault:remove', { vaultId: session.vaultIdHex });
  await deleteOtherGenerations(session.vaultIdHex, null);
}

/** Tells main the renderer has backed up and locked after a quit request; the app may quit. */
export const confirmQuit = (): Promise<unknown> => callMain('app:quit', {});

import { toBase64 } from '../../src-shared/crypto/bytes';
import {
  changePassphrase,
  regenerateRecoveryKey,
  renameVault,
  type UnlockedVault,
} from '../../src-shared/vault/key-slots';
import { VaultError } from '../../src-shared/vault/vault-error';
import { callMain } from './ipc-client';
import { type VaultKdf, workerKdf } from './kdf/kdf-client';
import { backUpVault } from './vault-backup';
import { unlockHeader, vaultNameProblem } from './vault-access';
import { internalsOf, type VaultSession, withHeader } from './vault-session';

/**
 * Changes to the vault's key file: a new passphrase, a new recovery key, a new name. Each wraps
 * the same data key (no record is re-encrypted), stores the new key file atomically through
 * main, and returns the session on the new header; the two key changes also back up, so the
 * newest backup opens with the new secret.
 */

async function storeHeader(
  session: VaultSession,
  unlocked: UnlockedVault & { headerBytes: Uint8Array },
): Promise<VaultSession> {
  await callMain('vault:replace-header', {
    vaultId: session.vaultIdHex,
    header: toBase64(unlocked.headerBytes),
  });
  return withHeader(session, unlocked);
}

/** Why a passphrase change was refused: the current passphrase given was not the vault's. */
export class CurrentPassphraseWrong extends Error {}

/**
 * A new passphrase, after checking the current one. The old passphrase stops working; the
 * recovery key still works. Throws CurrentPassphraseWrong when `current` doesn't open the vault.
 */
export async function changeVaultPassphrase(
  session: VaultSession,
  current: string,
  next: string,
  kdf: VaultKdf = workerKdf,
): Promise<VaultSession> {
  const { headerBytes, unlocked } = internalsOf(session);
  try {
    await unlockHeader(headerBytes, { kind: 'passphrase', passphrase: current }, kdf);
  } catch (error) {
    if (error instanceof VaultError && error.code === 'WRONG_PASSPHRASE')
      throw new CurrentPassphraseWrong("Your current passphrase doesn't open this vault.");
    throw error;
  }
  const changed = await changePassphrase(unlocked, next, await kdf.calibrate(), kdf.derive);
  const updated = await storeHeader(session, changed);
  await backUpVault(updated).catch(() => undefined);
  return updated;
}

/** A new recovery key (shown once by the caller); the old one stops working at once. */
export async function makeNewRecoveryKey(
  session: VaultSession,
): Promise<{ session: VaultSession; recoveryKey: string }> {
  const regenerated = regenerateRecoveryKey(internalsOf(session).unlocked);
  const updated = await storeHeader(session, regenerated);
  await backUpVault(updated).catch(() => undefined);
  return { session: updated, recoveryKey: regenerated.recoveryKey };
}

/** Why a vault name can't be used, in words for the clinician. */
export class VaultNameRejected extends Error {}

/** A new name for the vault (what the start screen shows), trimmed. */
export async function renameOpenVault(session: VaultSession, name: string): Promise<VaultSession> {
  const problem = vaultNameProblem(name);
  if (problem) throw new VaultNameRejected(problem);
  return storeHeader(session, renameVault(internalsOf(session).unlocked, name.trim()));
}

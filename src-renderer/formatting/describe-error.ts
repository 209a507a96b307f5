import {
  describeBackupProblem,
  isVaultError,
  type VaultErrorCode,
  vaultErrorMessages,
} from '../../src-shared/vault/vault-error';
import { MainProcessError } from '../data/ipc-client';

/** The sentence to show for an error from creating or unlocking a vault. */
export function describeVaultError(error: unknown): string {
  if (isVaultError(error)) return vaultErrorMessages[error.code];
  if (error instanceof MainProcessError) return error.message;
  return 'Something unexpected went wrong. Nothing was changed; please try again.';
}

/**
 * True when a save was refused because what it would replace changed meanwhile (another window
 * saved it, or it was deleted): the screen stops saving and says so, rather than retrying.
 */
export function isSaveConflict(error: unknown): boolean {
  return isVaultError(error, 'EDIT_CONFLICT') || isVaultError(error, 'RECORD_GONE');
}

/** The sentence to show for an error from reading, restoring or importing a backup. */
export function describeBackupError(error: unknown): string {
  return isVaultError(error) ? describeBackupProblem(error.code) : describeVaultError(error);
}

/** Why a vault on this computer can't be opened, from the problem code main reported. */
export function describeUnreadableVault(problem: string): string {
  return problem in vaultErrorMessages
    ? vaultErrorMessages[problem as VaultErrorCode]
    : vaultErrorMessages.DAMAGED;
}

import { isVaultError, vaultErrorMessages } from '../../../src-shared/vault/vault-error';
import { MainProcessError } from '../../main-process';

/** The sentence to show for an error from creating or unlocking a vault. */
export function describeVaultError(error: unknown): string {
  if (isVaultError(error)) return vaultErrorMessages[error.code];
  if (error instanceof MainProcessError) return error.message;
  return 'Something unexpected went wrong. Nothing was changed; please try again.';
}

import { fromBase64, toBase64 } from '../../../src-shared/crypto/bytes';
import { loadSodium } from '../../../src-shared/crypto/sodium';
import {
  createVault,
  type CreatedVault,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type UnlockedVault,
} from '../../../src-shared/vault/key-slots';
import { callMain } from '../../main-process';
import { calibrateKdfInWorker, deriveKeyInWorker } from './kdf-client';

/** Creates a vault and stores its header with the main process; the caller shows the recovery key once. */
export async function createAndStoreVault(name: string, passphrase: string): Promise<CreatedVault> {
  await loadSodium();
  const kdfParams = await calibrateKdfInWorker();
  const created = await createVault({ name, passphrase, kdfParams, derive: deriveKeyInWorker });
  await callMain('vault:create', { header: toBase64(created.headerBytes) });
  return created;
}

/** How the clinician proves who they are. */
export type UnlockSecret =
  { kind: 'passphrase'; passphrase: string } | { kind: 'recovery'; recoveryKey: string };

/** Opens a vault header with a secret; throws VaultError with a code for every reason it cannot. */
export async function unlockHeader(
  headerBytes: Uint8Array,
  secret: UnlockSecret,
): Promise<UnlockedVault> {
  await loadSodium();
  return secret.kind === 'passphrase'
    ? unlockWithPassphrase(headerBytes, secret.passphrase, deriveKeyInWorker)
    : unlockWithRecoveryKey(headerBytes, secret.recoveryKey);
}

/** Opens a vault on this computer; throws VaultError with a code for every reason it cannot. */
export async function unlockVault(vaultId: string, secret: UnlockSecret): Promise<UnlockedVault> {
  const { header } = await callMain('vault:read-header', { vaultId });
  return unlockHeader(fromBase64(header), secret);
}

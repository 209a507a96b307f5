import { fromBase64 } from '../../../src-shared/crypto/bytes';
import { deriveKeyFromPassphrase } from '../../../src-shared/crypto/kdf';
import { loadSodium } from '../../../src-shared/crypto/sodium';
import { parseHeader } from '../../../src-shared/vault/header';
import { unlockWithPassphrase } from '../../../src-shared/vault/key-slots';
import { openVaultSession, type VaultSession } from '../vault-session';

/** The KDF settings of a vault's passphrase slot. */
export type PassphraseKdfSettings = { opsLimit: number; memLimitBytes: number };

/**
 * Opens a vault from its header and passphrase in a page of the app's origin that runs no app
 * (`npm run seed`, the benchmarks): the key is derived on this page's main thread, not in the
 * app's worker, and the time it took is returned.
 */
export async function openWithPassphrase(
  headerBase64: string,
  passphrase: string,
): Promise<{ session: VaultSession; kdfMs: number; kdf: PassphraseKdfSettings }> {
  await loadSodium();
  const headerBytes = fromBase64(headerBase64);
  const slot = parseHeader(headerBytes).slots.find((each) => each.kind === 'passphrase');
  if (!slot) throw new Error('The vault has no passphrase slot.');
  let kdfMs = 0;
  const unlocked = await unlockWithPassphrase(headerBytes, passphrase, async (...args) => {
    const started = performance.now();
    const key = deriveKeyFromPassphrase(...args);
    kdfMs = performance.now() - started;
    return key;
  });
  const session = await openVaultSession(unlocked);
  return {
    session,
    kdfMs,
    kdf: { opsLimit: slot.opsLimit, memLimitBytes: slot.memLimitBytes },
  };
}

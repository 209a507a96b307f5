import { loadSodium } from '../../../src-shared/crypto/sodium';
import { DEMO_VAULT_NAME, newDemoPassphrase } from '../../../src-shared/domain/demo-vault';
import { builtinTemplates } from '../builtin-library';
import { createAndStoreVault, type CreatedVault } from '../vault-access';
import { closeVaultSession, openVaultSession } from '../vault-session';
import { type DemoPracticeCounts, seedDemoPractice } from './demo-practice';

/** A demo vault just made: the vault, to enter, and its passphrase, to show. */
export type DemoVault = { vault: CreatedVault; passphrase: string; counts: DemoPracticeCounts };

/**
 * Creates a separate vault named as a demo (`DEMO_VAULT_NAME`) with a new random passphrase and
 * seeds the demo practice into it in this window, through a session of its own on a copy of the
 * key (wiped when it closes); the returned vault is then entered like any new one.
 */
export async function createDemoVault(): Promise<DemoVault> {
  await loadSodium();
  const passphrase = newDemoPassphrase();
  const vault = await createAndStoreVault(DEMO_VAULT_NAME, passphrase);
  const session = await openVaultSession({ header: vault.header, dataKey: vault.dataKey.slice() });
  try {
    const counts = await seedDemoPractice(session, { builtins: builtinTemplates });
    return { vault, passphrase, counts };
  } finally {
    closeVaultSession(session);
  }
}

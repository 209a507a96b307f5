import { toHex } from '../../src-shared/crypto/bytes';
import { sodium } from '../../src-shared/crypto/sodium';
import type { UnlockedVault } from '../../src-shared/vault/key-slots';
import { type ClientsRepository, createClientsRepository } from './clients-repository';
import { VaultDatabase } from './vault-database';

/** An unlocked vault: its name, its open database and the repositories built on its key. */
export type VaultSession = {
  vaultIdHex: string;
  name: string;
  clients: ClientsRepository;
  /** Wipes the data key and closes the database; the session is unusable afterwards. */
  close: () => void;
};

/** Opens the live store of an unlocked vault. */
export function openVaultSession(unlocked: UnlockedVault): VaultSession {
  const vaultIdHex = toHex(unlocked.header.vaultId);
  const db = new VaultDatabase(vaultIdHex);
  const keys = { vaultId: unlocked.header.vaultId, dataKey: unlocked.dataKey };
  return {
    vaultIdHex,
    name: unlocked.header.name,
    clients: createClientsRepository(db, keys),
    close() {
      db.close();
      sodium().memzero(keys.dataKey);
    },
  };
}

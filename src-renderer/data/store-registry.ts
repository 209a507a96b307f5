import { Dexie, type Table } from 'dexie';
import { VaultDatabase, vaultDatabaseName } from './vault-database';

/**
 * Which generation of each vault's store is live. Switching generations is a single durable
 * write, which is what makes a restore all-or-nothing: a half-filled new generation is never
 * live, and is deleted the next time the vault opens. Holds no client data: vault ids and numbers.
 */
type LiveStore = { vaultId: string; generation: number };

class StoreRegistry extends Dexie {
  live!: Table<LiveStore, string>;

  constructor() {
    super('bridgework-stores', { chromeTransactionDurability: 'strict' });
    // Version 1: the live generation of each vault's store.
    this.version(1).stores({ live: 'vaultId' });
  }
}

const registry = new StoreRegistry();

/** The live generation of a vault's store (1 for a vault never restored). */
export async function liveGeneration(vaultIdHex: string): Promise<number> {
  return (await registry.live.get(vaultIdHex))?.generation ?? 1;
}

/** Makes `generation` the live store of a vault, in one durable write. */
export async function switchLiveGeneration(vaultIdHex: string, generation: number): Promise<void> {
  await registry.live.put({ vaultId: vaultIdHex, generation });
}

/** Deletes every generation of a vault's store except `keep` (all of them when keep is null). */
export async function deleteOtherGenerations(
  vaultIdHex: string,
  keep: number | null,
): Promise<void> {
  const prefix = vaultDatabaseName(vaultIdHex, 0).replace(/0$/, '');
  const names = await Dexie.getDatabaseNames();
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const generation = Number(name.slice(prefix.length));
    if (Number.isInteger(generation) && generation !== keep)
      await new VaultDatabase(vaultIdHex, generation).delete();
  }
  if (keep === null) await registry.live.delete(vaultIdHex);
}

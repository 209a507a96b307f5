import { Dexie, type Table } from 'dexie';

/**
 * What IndexedDB holds for every record: its random id (the only index) and its sealed bytes
 * (record-codec format 1). Names, text, dates and statuses never appear here in plaintext.
 */
export type SealedRow = {
  /** Random record id (base64url of 16 bytes). */
  id: string;
  /** The record's ciphertext, see src-shared/vault/record-codec.ts. */
  sealed: Uint8Array;
};

/** The encrypted tables of a vault, in backup order. Later features add theirs here. */
export const VAULT_TABLES = ['clients'] as const;

/** A table of encrypted records. */
export type VaultTableName = (typeof VAULT_TABLES)[number];

/**
 * The IndexedDB database name of one generation of a vault's store. A restore fills a new
 * generation and then switches to it in one step (see store-registry.ts).
 */
export function vaultDatabaseName(vaultIdHex: string, generation: number): string {
  return `bridgework-vault-${vaultIdHex}-${generation}`;
}

/**
 * One vault's live store. Strict durability: a save is acknowledged only once it is on disk,
 * so an acknowledged change survives power loss.
 */
export class VaultDatabase extends Dexie {
  clients!: Table<SealedRow, string>;

  constructor(vaultIdHex: string, generation: number) {
    super(vaultDatabaseName(vaultIdHex, generation), { chromeTransactionDurability: 'strict' });
    // Version 1: clients, keyed by random id only.
    this.version(1).stores({ clients: 'id' });
  }

  /** The sealed tables by name, for backup and restore. */
  sealedTables(): { name: VaultTableName; table: Table<SealedRow, string> }[] {
    return VAULT_TABLES.map((name) => ({ name, table: this.table<SealedRow, string>(name) }));
  }
}

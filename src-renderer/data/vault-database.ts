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

/** The IndexedDB database name of a vault. */
export function vaultDatabaseName(vaultIdHex: string): string {
  return `bridgework-vault-${vaultIdHex}`;
}

/**
 * One vault's live store. Strict durability: a save is acknowledged only once it is on disk,
 * so an acknowledged change survives power loss.
 */
export class VaultDatabase extends Dexie {
  clients!: Table<SealedRow, string>;

  constructor(vaultIdHex: string) {
    super(vaultDatabaseName(vaultIdHex), { chromeTransactionDurability: 'strict' });
    // Version 1: clients, keyed by random id only.
    this.version(1).stores({ clients: 'id' });
  }
}

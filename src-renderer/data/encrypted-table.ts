import type { Table } from 'dexie';
import type { z } from 'zod';
import { fromUtf8, utf8 } from '../../src-shared/crypto/bytes';
import {
  decryptRecord,
  encryptRecord,
  type RecordAddress,
} from '../../src-shared/vault/record-codec';
import { VaultError } from '../../src-shared/vault/vault-error';
import type { SealedRow } from './vault-database';

/** The keys a vault's records are sealed with; wiped when the vault locks. */
export type VaultKeys = { vaultId: Uint8Array; dataKey: Uint8Array };

/** Every readable record of a table, and the ids of those that failed to open. */
export type ReadAll<T> = { records: T[]; damagedIds: string[] };

/**
 * The one place records are encrypted and decrypted: a Dexie table of sealed rows seen as a
 * table of typed records. Each record is validated by its schema before sealing and after
 * opening; a record that fails either way is reported as damaged instead of breaking the read.
 */
export class EncryptedTable<T extends { id: string }> {
  constructor(
    private readonly table: Table<SealedRow, string>,
    private readonly keys: VaultKeys,
    private readonly schema: z.ZodType<T>,
    private readonly schemaVersion: number,
    /** Called after every write, e.g. to schedule an automatic backup. */
    private readonly onWrite: () => void = () => undefined,
  ) {}

  private address(recordId: string): RecordAddress {
    return { vaultId: this.keys.vaultId, table: this.table.name, recordId };
  }

  private open(row: SealedRow): T {
    const { plaintext } = decryptRecord(this.keys.dataKey, this.address(row.id), row.sealed);
    try {
      return this.schema.parse({ ...JSON.parse(fromUtf8(plaintext)), id: row.id });
    } catch {
      // Authentic but unreadable (a bug or a future schema): damaged as far as this version can tell.
      throw new VaultError('RECORD_DAMAGED', `${this.table.name}/${row.id}`);
    }
  }

  /** Validates, seals and stores a record (insert or replace). */
  async put(record: T): Promise<void> {
    const valid = this.schema.parse(record);
    const sealed = encryptRecord(
      this.keys.dataKey,
      this.address(valid.id),
      this.schemaVersion,
      utf8(JSON.stringify(valid)),
    );
    await this.table.put({ id: valid.id, sealed });
    this.onWrite();
  }

  /** One record, or undefined if there is none; throws RECORD_DAMAGED if it cannot be opened. */
  async get(id: string): Promise<T | undefined> {
    const row = await this.table.get(id);
    return row ? this.open(row) : undefined;
  }

  /** Every record; damaged ones are listed by id rather than thrown. */
  async all(): Promise<ReadAll<T>> {
    const rows = await this.table.toArray();
    const result: ReadAll<T> = { records: [], damagedIds: [] };
    for (const row of rows) {
      try {
        result.records.push(this.open(row));
      } catch {
        result.damagedIds.push(row.id);
      }
    }
    return result;
  }

  /**
   * Reads a record, applies `change` and stores the result, all in one transaction so that
   * two quick edits cannot overwrite each other.
   */
  async update(id: string, change: (record: T) => T): Promise<void> {
    await this.table.db.transaction('rw', this.table, async () => {
      const current = await this.get(id);
      if (!current) throw new Error('record not found');
      await this.put(change(current));
    });
  }
}

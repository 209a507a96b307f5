import type { Table } from 'dexie';
import type { z } from 'zod';
import { toHex, utf8 } from '../../src-shared/crypto/bytes';
import { repairStoredText } from '../../src-shared/domain/text';
import {
  decryptRecord,
  encryptRecord,
  parseRecordJson,
  type RecordAddress,
  sealedRecordNonce,
} from '../../src-shared/vault/record-codec';
import { VaultError } from '../../src-shared/vault/vault-error';
import {
  indexedFields,
  type SealedRow,
  type VaultDatabase,
  type VaultTableName,
} from './vault-database';

/**
 * Told about every write: `begin()` when it starts, and the function it returns when it has
 * finished (saved or failed). Locking waits for writes in flight before closing the store.
 */
export type WriteTracker = { begin: () => () => void };

/** A tracker that tracks nothing (tests and tools). */
export const untracked: WriteTracker = { begin: () => () => undefined };

/** The keys a vault's records are sealed with; wiped when the vault locks. */
export type VaultKeys = { vaultId: Uint8Array; dataKey: Uint8Array };

/** Every readable record of a table, and the ids of those that failed to open. */
export type ReadAll<T> = { records: T[]; damagedIds: string[] };

/** How one entity is stored: its table, schema, current schema version and upgrades of older ones. */
export type EntityDefinition<T> = {
  table: VaultTableName;
  schema: z.ZodType<T>;
  schemaVersion: number;
  /** Upgrades by the version a record was written with (n → n + 1). */
  migrations?: Record<number, (old: unknown) => unknown>;
  /**
   * False for derived records of numbers, kinds and ids only (insight summaries, session
   * calendars): there is no text to repair, so reading them skips `repairStoredText`'s copy.
   */
  holdsText?: false;
  /** Its one-line text fields, whose stored line breaks become spaces when read (`repairStoredText`). */
  singleLineFields?: readonly string[];
};

/**
 * Opens a sealed row: decrypts it, upgrades an older shape, repairs text stored before hidden
 * control characters were refused (at any version: the record's shape did not change, only what
 * is written) and validates it. Anything that fails is RECORD_DAMAGED, so one bad record never
 * breaks a screen. Writes are validated strictly: text with hidden controls is refused.
 */
export function openRow<T>(definition: EntityDefinition<T>, keys: VaultKeys, row: SealedRow): T {
  const address: RecordAddress = {
    vaultId: keys.vaultId,
    table: definition.table,
    recordId: row.id,
  };
  const { schemaVersion, plaintext } = decryptRecord(keys.dataKey, address, row.sealed);
  const json = parseRecordJson(address, plaintext);
  try {
    let value: unknown = { ...json, id: row.id };
    for (let version = schemaVersion; version < definition.schemaVersion; version++) {
      const upgrade = definition.migrations?.[version];
      if (!upgrade) throw new Error(`no upgrade from version ${version}`);
      value = upgrade(value);
    }
    if (schemaVersion > definition.schemaVersion) throw new Error('written by a newer version');
    const repaired =
      definition.holdsText === false ? value : repairStoredText(value, definition.singleLineFields);
    return definition.schema.parse(repaired);
  } catch {
    throw new VaultError('RECORD_DAMAGED', `${definition.table}/${row.id}`);
  }
}

/** The plaintext index fields of a record (random ids only), as its table declares them. */
export function indexFieldsOf(
  table: VaultTableName,
  record: Record<string, unknown>,
): Partial<SealedRow> {
  const fields: Partial<SealedRow> = {};
  for (const name of indexedFields[table]) {
    const value = record[name];
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}

/**
 * The one place records are encrypted and decrypted: a Dexie table of sealed rows seen as a
 * table of typed records. Each record is validated before sealing and after opening; a record
 * that fails either way is reported as damaged instead of breaking the read.
 */
export class EncryptedTable<T extends { id: string }> {
  readonly table: Table<SealedRow, string>;

  constructor(
    db: VaultDatabase,
    private readonly keys: VaultKeys,
    private readonly definition: EntityDefinition<T>,
    /** Told about every write (automatic backups and locking watch them). */
    private readonly writes: WriteTracker = untracked,
    /**
     * Keep opened records in memory for this session (for tables screens read whole and often:
     * custom templates, insight summaries, session calendars). One per id, with the nonce it
     * was sealed with: every write uses a new nonce, so a changed record is never served stale.
     * Records read from such a table are shared: never change one in place. Dropped with the
     * session when the vault locks.
     */
    cacheOpened = false,
  ) {
    this.table = db.sealed(definition.table);
    this.opened = cacheOpened ? new Map() : null;
  }

  private readonly opened: Map<string, { nonce: string; record: T }> | null;

  private open(row: SealedRow): T {
    if (!this.opened) return openRow(this.definition, this.keys, row);
    const nonce = toHex(sealedRecordNonce(row.sealed));
    const known = this.opened.get(row.id);
    if (known?.nonce === nonce) return known.record;
    const record = openRow(this.definition, this.keys, row);
    this.opened.set(row.id, { nonce, record });
    return record;
  }

  private seal(record: T): SealedRow {
    const valid = this.definition.schema.parse(record);
    const address = {
      vaultId: this.keys.vaultId,
      table: this.definition.table,
      recordId: valid.id,
    };
    const sealed = encryptRecord(
      this.keys.dataKey,
      address,
      this.definition.schemaVersion,
      utf8(JSON.stringify(valid)),
    );
    return {
      id: valid.id,
      sealed,
      ...indexFieldsOf(this.definition.table, valid as Record<string, unknown>),
    };
  }

  /** Validates, seals and stores a record (insert or replace). */
  async put(record: T): Promise<void> {
    const end = this.writes.begin();
    try {
      await this.table.put(this.seal(record));
    } finally {
      end();
    }
  }

  /** One record, or undefined if there is none; throws RECORD_DAMAGED if it cannot be opened. */
  async get(id: string): Promise<T | undefined> {
    const row = await this.table.get(id);
    return row ? this.open(row) : undefined;
  }

  private readRows(rows: SealedRow[]): ReadAll<T> {
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

  /** The records with these ids that exist; damaged ones are listed by id rather than thrown. */
  async many(ids: readonly string[]): Promise<ReadAll<T>> {
    const rows = await this.table.bulkGet([...ids]);
    return this.readRows(rows.filter((row): row is SealedRow => row !== undefined));
  }

  /** How many records there are, damaged ones included, without opening any. */
  count(): Promise<number> {
    return this.table.count();
  }

  /** Every record; damaged ones are listed by id rather than thrown. */
  async all(): Promise<ReadAll<T>> {
    return this.readRows(await this.table.toArray());
  }

  /** The records whose indexed random-id field equals `value` (e.g. a client's goals). */
  async where(
    field: 'clientId' | 'assignmentId' | 'lineageId',
    value: string,
  ): Promise<ReadAll<T>> {
    return this.readRows(await this.table.where(field).equals(value).toArray());
  }

  /** The records whose indexed random-id field is any of `values` (e.g. several clients' goals). */
  async whereAnyOf(
    field: 'clientId' | 'assignmentId' | 'lineageId',
    values: readonly string[],
  ): Promise<ReadAll<T>> {
    // One indexed read per value, side by side: Dexie's anyOf walks a cursor one step per row,
    // and each step waits on IndexedDB (hundreds of milliseconds for a few thousand rows).
    const rows = await Promise.all(
      [...new Set(values)].map((value) => this.table.where(field).equals(value).toArray()),
    );
    return this.readRows(rows.flat());
  }

  /** Reads a record, applies `change` and stores the result in one transaction. */
  async update(id: string, change: (record: T) => T): Promise<void> {
    const end = this.writes.begin();
    try {
      await this.table.db.transaction('rw', this.table, async () => {
        const current = await this.get(id);
        if (!current) throw new Error('record not found');
        await this.table.put(this.seal(change(current)));
      });
    } finally {
      end();
    }
  }

  /** Removes a record. */
  async delete(id: string): Promise<void> {
    const end = this.writes.begin();
    try {
      await this.table.delete(id);
    } finally {
      end();
    }
  }
}

/**
 * The index fields of a sealed row whose plaintext fields are not at hand (a restore): opens the
 * record to read its random-id fields. Throws RECORD_DAMAGED if it does not open or its
 * plaintext is not strict record JSON (an object); its shape is checked only when it is read.
 */
export function indexFieldsOfSealed(
  table: VaultTableName,
  keys: VaultKeys,
  row: SealedRow,
): Partial<SealedRow> {
  if (indexedFields[table].length === 0) return {};
  const address: RecordAddress = { vaultId: keys.vaultId, table, recordId: row.id };
  const { plaintext } = decryptRecord(keys.dataKey, address, row.sealed);
  return indexFieldsOf(table, parseRecordJson(address, plaintext));
}

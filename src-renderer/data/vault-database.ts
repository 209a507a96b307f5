import { Dexie, type Table } from 'dexie';

/**
 * What IndexedDB holds for every record: its random id, the random ids of what it belongs to
 * (for lookups), and its sealed bytes (record-codec format 1). Names, text, dates and statuses
 * never appear here in plaintext.
 */
export type SealedRow = {
  /** Random record id (base64url of 16 bytes). */
  id: string;
  /** The record's ciphertext, see src-shared/vault/record-codec.ts. */
  sealed: Uint8Array;
  /** The client's random id, on records that belong to a client. */
  clientId?: string;
  /** The assignment's random id, on practice logs and reviews. */
  assignmentId?: string;
  /** The custom template lineage's random id, on template versions and their worksheets. */
  lineageId?: string;
};

/** The random-id fields each table indexes (copied from the record when it is sealed). */
export const indexedFields = {
  assignments: ['clientId'],
  attachments: ['lineageId', 'clientId'],
  clients: [],
  goals: ['clientId'],
  insightSummaries: ['clientId'],
  log: [],
  practiceLogs: ['clientId', 'assignmentId'],
  preferences: [],
  reviews: ['clientId', 'assignmentId'],
  sessionCalendars: ['clientId'],
  sessions: ['clientId'],
  templates: ['lineageId'],
} as const satisfies Record<string, readonly ('clientId' | 'assignmentId' | 'lineageId')[]>;

/** A table of encrypted records. */
export type VaultTableName = keyof typeof indexedFields;

/** The encrypted tables of a vault, in backup order (sorted by name). */
export const VAULT_TABLES = (Object.keys(indexedFields) as VaultTableName[]).sort();

/** Tables whose records belong to one client (deleted with the client). */
export const CLIENT_OWNED_TABLES = VAULT_TABLES.filter((name) =>
  (indexedFields[name] as readonly string[]).includes('clientId'),
);

/**
 * The IndexedDB database name of one generation of a vault's store. A restore fills a new
 * generation and then switches to it in one step (see store-registry.ts).
 */
export function vaultDatabaseName(vaultIdHex: string, generation: number): string {
  return `bridgework-vault-${vaultIdHex}-${generation}`;
}

/** Dexie's store definitions of `tables`: the random id, then the indexed random-id fields. */
function storesOf(tables: readonly VaultTableName[]): Record<string, string> {
  return Object.fromEntries(
    tables.map((name) => [name, ['id', ...indexedFields[name]].join(', ')]),
  );
}

/**
 * One vault's live store. Strict durability: a save is acknowledged only once it is on disk,
 * so an acknowledged change survives power loss.
 */
export class VaultDatabase extends Dexie {
  constructor(vaultIdHex: string, generation: number) {
    super(vaultDatabaseName(vaultIdHex, generation), { chromeTransactionDurability: 'strict' });
    // Before version 5, attachments belonged to template lineages only, indexed by them alone.
    const attachmentsBefore5 = { attachments: 'id, lineageId' };
    // Version 1: clients, keyed by random id only.
    this.version(1).stores({ clients: 'id' });
    // Version 2: every entity of the domain model; foreign keys are random ids.
    this.version(2).stores({
      ...storesOf(VAULT_TABLES.filter((name) => name !== 'sessionCalendars')),
      ...attachmentsBefore5,
    });
    // Version 3: each client's session calendar, so Today need not open every session.
    this.version(3).stores({
      ...storesOf(VAULT_TABLES.filter((name) => name !== 'insightSummaries')),
      ...attachmentsBefore5,
    });
    // Version 4: each client's insight summary, so Insights need not open every review.
    this.version(4).stores({ ...storesOf(VAULT_TABLES), ...attachmentsBefore5 });
    // Version 5: attachments indexed by client too (returned trackers kept with a client's
    // records), so they are found, and deleted, with the client. No record is rewritten.
    this.version(5).stores(storesOf(['attachments']));
  }

  /** One sealed table by name. */
  sealed(name: VaultTableName): Table<SealedRow, string> {
    return this.table<SealedRow, string>(name);
  }

  /** Every sealed table with its name, in backup order. */
  sealedTables(): { name: VaultTableName; table: Table<SealedRow, string> }[] {
    return VAULT_TABLES.map((name) => ({ name, table: this.sealed(name) }));
  }
}

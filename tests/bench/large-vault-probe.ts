// In-page part of the large-vault benchmark (large-vault.bench.ts): bundled by esbuild and run
// in a page of the built renderer's origin on the vault the benchmark seeded. It gives one
// client 100 assignments, times saving an agreed assignment with the app's repository, and
// compares the same reads and saves on the vault's encrypted store and on a plaintext copy of
// the same records (a second Dexie database with the same tables and indexes, each row the
// record's JSON), alternately. In the therapist's window it also times backing up and restoring
// the vault with the app's own use cases.
import { Dexie, type Table } from 'dexie';
import type { Assignment } from '../../src-shared/domain/assignment';
import { withAssignmentsSaved } from '../../src-shared/domain/insight-facts';
import type { InsightSummary } from '../../src-shared/domain/insight-summary';
import { newRecordId } from '../../src-shared/domain/record-id';
import type { Review } from '../../src-shared/domain/review';
import { repairStoredText } from '../../src-shared/domain/text';
import { VaultError } from '../../src-shared/vault/vault-error';
import {
  EncryptedTable,
  type EntityDefinition,
  indexFieldsOf,
  openRow,
  type ReadAll,
} from '../../src-renderer/data/encrypted-table';
import { entities } from '../../src-renderer/data/entities';
import { callMain } from '../../src-renderer/data/ipc-client';
import { createInsightSummaries } from '../../src-renderer/data/insight-summaries';
import { backUpVault, restoreVault } from '../../src-renderer/data/vault-backup';
import {
  indexedFields,
  type SealedRow,
  type VaultTableName,
} from '../../src-renderer/data/vault-database';
import {
  closeVaultSession,
  internalsOf,
  type VaultSession,
} from '../../src-renderer/data/vault-session';
import { openWithPassphrase } from '../../src-renderer/data/seed/open-with-passphrase';

type Vault = { headerBase64: string; passphrase: string };

/** The tables the compared reads and saves touch, copied whole into the plaintext database. */
const COMPARED_TABLES = [
  'clients',
  'goals',
  'sessions',
  'assignments',
  'reviews',
  'practiceLogs',
  'insightSummaries',
] as const satisfies readonly VaultTableName[];
type ComparedTable = (typeof COMPARED_TABLES)[number];

/** A plaintext row: the record's random-id index fields, as in the vault, and its JSON. */
type PlainRow = Omit<SealedRow, 'sealed'> & { json: string };

const PLAINTEXT_DATABASE = 'bench-plaintext-baseline';

/** The plaintext copy: the vault's tables and indexes, strict durability like the vault's store. */
class PlaintextDatabase extends Dexie {
  constructor() {
    super(PLAINTEXT_DATABASE, { chromeTransactionDurability: 'strict' });
    this.version(1).stores(
      Object.fromEntries(
        COMPARED_TABLES.map((name) => [name, ['id', ...indexedFields[name]].join(', ')]),
      ),
    );
  }
  rows(name: ComparedTable): Table<PlainRow, string> {
    return this.table<PlainRow, string>(name);
  }
}

/**
 * `EncryptedTable`'s reads and writes on plaintext rows: the same validation before storing and
 * the same opening after reading (`openRow` without the decryption: JSON, text repair, zod).
 */
class PlaintextTable<T extends { id: string }> {
  readonly table: Table<PlainRow, string>;
  constructor(
    db: PlaintextDatabase,
    private readonly definition: EntityDefinition<T>,
  ) {
    this.table = db.rows(definition.table as ComparedTable);
  }
  private open(row: PlainRow): T {
    try {
      const value: unknown = { ...(JSON.parse(row.json) as object), id: row.id };
      const repaired =
        this.definition.holdsText === false
          ? value
          : repairStoredText(value, this.definition.singleLineFields);
      return this.definition.schema.parse(repaired);
    } catch {
      throw new VaultError('RECORD_DAMAGED', `${this.definition.table}/${row.id}`);
    }
  }
  private readRows(rows: PlainRow[]): ReadAll<T> {
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
  async put(record: T): Promise<void> {
    const valid = this.definition.schema.parse(record);
    await this.table.put({
      id: valid.id,
      json: JSON.stringify(valid),
      ...indexFieldsOf(this.definition.table, valid as Record<string, unknown>),
    });
  }
  async get(id: string): Promise<T | undefined> {
    const row = await this.table.get(id);
    return row ? this.open(row) : undefined;
  }
  async delete(id: string): Promise<void> {
    await this.table.delete(id);
  }
  async all(): Promise<ReadAll<T>> {
    return this.readRows(await this.table.toArray());
  }
  async where(field: 'clientId' | 'assignmentId', value: string): Promise<ReadAll<T>> {
    return this.readRows(await this.table.where(field).equals(value).toArray());
  }
}

/** What the compared reads and saves need of a table; both kinds of table have it. */
type RecordTable<T> = {
  readonly table: Table<SealedRow, string> | Table<PlainRow, string>;
  put(record: T): Promise<void>;
  get(id: string): Promise<T | undefined>;
  delete(id: string): Promise<void>;
  all(): Promise<ReadAll<T>>;
  where(field: 'clientId' | 'assignmentId', value: string): Promise<ReadAll<T>>;
};

/** One store's tables as the compared operations see them, encrypted or plaintext. */
type Store = {
  transaction: <R>(tables: RecordTable<never>[], work: () => Promise<R>) => Promise<R>;
  clients: RecordTable<{ id: string }>;
  goals: RecordTable<{ id: string }>;
  sessions: RecordTable<{ id: string }>;
  assignments: RecordTable<Assignment>;
  reviews: RecordTable<Review>;
  practiceLogs: RecordTable<{ id: string }>;
  summaries: RecordTable<InsightSummary>;
};

function encryptedStore(session: VaultSession): Store {
  const { db, keys } = internalsOf(session);
  return {
    transaction: (tables, work) =>
      db.transaction(
        'rw',
        tables.map((each) => each.table as Table<SealedRow, string>),
        work,
      ),
    clients: new EncryptedTable(db, keys, entities.clients),
    goals: new EncryptedTable(db, keys, entities.goals),
    sessions: new EncryptedTable(db, keys, entities.sessions),
    assignments: new EncryptedTable(db, keys, entities.assignments),
    reviews: new EncryptedTable(db, keys, entities.reviews),
    practiceLogs: new EncryptedTable(db, keys, entities.practiceLogs),
    summaries: new EncryptedTable(db, keys, entities.insightSummaries),
  };
}

function plaintextStore(db: PlaintextDatabase): Store {
  return {
    transaction: (tables, work) =>
      db.transaction(
        'rw',
        tables.map((each) => each.table as Table<PlainRow, string>),
        work,
      ),
    clients: new PlaintextTable(db, entities.clients),
    goals: new PlaintextTable(db, entities.goals),
    sessions: new PlaintextTable(db, entities.sessions),
    assignments: new PlaintextTable(db, entities.assignments),
    reviews: new PlaintextTable(db, entities.reviews),
    practiceLogs: new PlaintextTable(db, entities.practiceLogs),
    summaries: new PlaintextTable(db, entities.insightSummaries),
  };
}

/** Read 1: a client's records, as their page and the review read them. */
async function readClientRecords(store: Store, clientId: string): Promise<number> {
  const [client, ...parts] = await Promise.all([
    store.clients.get(clientId),
    store.goals.where('clientId', clientId),
    store.sessions.where('clientId', clientId),
    store.assignments.where('clientId', clientId),
    store.reviews.where('clientId', clientId),
    store.practiceLogs.where('clientId', clientId),
  ]);
  if (!client) throw new Error('The client is missing.');
  return parts.reduce((sum, part) => sum + part.records.length, 1);
}

/** Read 2: every review of the practice. */
async function readAllReviews(store: Store): Promise<number> {
  return (await store.reviews.all()).records.length;
}

/**
 * The save: an agreed assignment saved as its next revision, with its fact replaced in its
 * client's insight summary (in step: one summary whose counts match the index), in one durable
 * transaction — the steps of the app's `assignments.save` (see assignments-repository.ts,
 * revisioned-save.ts and insight-summaries.ts), on either store.
 */
async function saveAgreedAssignment(store: Store, assignment: Assignment): Promise<Assignment> {
  const saved = {
    ...assignment,
    revision: assignment.revision + 1,
    updatedAt: new Date().toISOString(),
  };
  const tables = [store.assignments, store.reviews, store.summaries] as RecordTable<never>[];
  await store.transaction(tables, async () => {
    const stored = await store.assignments.get(assignment.id);
    if (stored?.revision !== assignment.revision) throw new Error('The assignment changed.');
    await store.assignments.put(saved);
    const countOf = (table: RecordTable<never>) =>
      table.table.where('clientId').equals(assignment.clientId).count();
    const [summaries, reviewRecords, assignmentRecords] = await Promise.all([
      store.summaries.where('clientId', assignment.clientId),
      countOf(store.reviews as RecordTable<never>),
      countOf(store.assignments as RecordTable<never>),
    ]);
    const [summary] = summaries.records;
    if (
      summaries.records.length !== 1 ||
      summary?.reviewRecords !== reviewRecords ||
      summary.assignmentRecords !== assignmentRecords
    )
      throw new Error('The summary is out of step: the app would work it out from the records.');
    await store.summaries.put(withAssignmentsSaved(summary, [saved]));
  });
  return saved;
}

/** An agreed assignment with a changed word, as a clinician's edit. */
const edited = (assignment: Assignment, round: number): Assignment => ({
  ...assignment,
  backupPlan: `${assignment.backupPlan.replace(/ \(edit \d+\)$/, '')} (edit ${round})`,
});

/** The active client with the most assignments, and how many they have. */
async function busiestClient(session: VaultSession): Promise<{ id: string; count: number }> {
  const { records } = await session.clients.all();
  const active = new Set(records.filter((c) => c.status === 'active').map((c) => c.id));
  const counts = new Map<string, number>();
  await internalsOf(session)
    .db.sealed('assignments')
    .orderBy('clientId')
    .eachKey((key) => {
      const id = String(key);
      if (active.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    });
  const [id, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!id || count === undefined) throw new Error('No active client has assignments.');
  return { id, count };
}

/** What `prepare` chose and did. */
export type Prepared = {
  clientId: string;
  clientName: string;
  assignmentsBefore: number;
  assignments: number;
  sessions: number;
  /** Records of each compared table copied into the plaintext database. */
  copied: Record<string, number>;
  copyMs: number;
};

/**
 * Gives the busiest active client 100 assignments (copies of their past, finished ones under
 * new ids, with their insight summary rewritten, as a practice of some years would have), then
 * copies the compared tables into the plaintext database, every record opened and stored as
 * its JSON with the same index fields.
 */
export async function prepare(vault: Vault & { assignments: number }): Promise<Prepared> {
  const { session } = await openWithPassphrase(vault.headerBase64, vault.passphrase);
  try {
    const { db, keys } = internalsOf(session);
    const { id: clientId, count: assignmentsBefore } = await busiestClient(session);
    const table = new EncryptedTable<Assignment>(db, keys, entities.assignments);
    const summaries = createInsightSummaries(db, keys, { begin: () => () => undefined });
    const past = (await table.where('clientId', clientId)).records.filter(
      (a) => a.status !== 'active' && a.status !== 'draft',
    );
    if (past.length === 0) throw new Error('The busiest client has no finished assignments.');
    await db.transaction('rw', summaries.tables, async () => {
      for (let n = assignmentsBefore; n < vault.assignments; n++) {
        const model = past[n % past.length] as Assignment;
        await table.put({ ...model, id: newRecordId() });
      }
      await summaries.rewrite(clientId);
    });
    const started = performance.now();
    const plain = new PlaintextDatabase();
    await plain.delete();
    await plain.open();
    const copied: Record<string, number> = {};
    for (const name of COMPARED_TABLES) {
      const definition = entities[name] as EntityDefinition<{ id: string }>;
      const rows = await db.sealed(name).toArray();
      const plainRows = rows.map((row) => {
        const record = openRow(definition, keys, row);
        return {
          id: row.id,
          json: JSON.stringify(record),
          ...indexFieldsOf(name, record as Record<string, unknown>),
        };
      });
      for (let start = 0; start < plainRows.length; start += 5_000)
        await plain.rows(name).bulkPut(plainRows.slice(start, start + 5_000));
      copied[name] = plainRows.length;
    }
    const copyMs = performance.now() - started;
    plain.close();
    const client = await session.clients.get(clientId);
    return {
      clientId,
      clientName: client?.name ?? '',
      assignmentsBefore,
      assignments: (await table.where('clientId', clientId)).records.length,
      sessions: (await session.sessions.forClient(clientId)).records.length,
      copied,
      copyMs,
    };
  } finally {
    closeVaultSession(session);
  }
}

/** Samples in ms, each kind measured the same number of times, alternately. */
export type Comparison = {
  clientRecords: { encrypted: number[]; plaintext: number[]; records: number };
  allReviews: { encrypted: number[]; plaintext: number[]; records: number };
  save: { encrypted: number[]; plaintext: number[] };
  /** `session.assignments.save` itself, the app's save of an agreed assignment. */
  appSave: number[];
};

/**
 * Runs the same reads and saves on the encrypted store and on the plaintext copy, alternately
 * (ABAB…, the first of each pair alternating too, so neither is always the warmer), and the
 * app's own save of an agreed assignment of the busy client.
 */
export async function compare(
  vault: Vault & { clientId: string; rounds: number; saves: number },
): Promise<Comparison> {
  const { session } = await openWithPassphrase(vault.headerBase64, vault.passphrase);
  const plainDb = new PlaintextDatabase();
  await plainDb.open();
  try {
    const stores = { encrypted: encryptedStore(session), plaintext: plaintextStore(plainDb) };
    const result: Comparison = {
      clientRecords: { encrypted: [], plaintext: [], records: 0 },
      allReviews: { encrypted: [], plaintext: [], records: 0 },
      save: { encrypted: [], plaintext: [] },
      appSave: [],
    };
    const time = async <R>(work: () => Promise<R>): Promise<[number, R]> => {
      const started = performance.now();
      const value = await work();
      return [performance.now() - started, value];
    };
    const order = (round: number) =>
      round % 2 ? (['plaintext', 'encrypted'] as const) : (['encrypted', 'plaintext'] as const);
    const agreed = async (store: Store) => {
      const { records } = await store.assignments.where('clientId', vault.clientId);
      const found = records.find((a) => a.status === 'active') ?? records[0];
      if (!found) throw new Error('The client has no assignment.');
      return found;
    };
    const current = {
      encrypted: await agreed(stores.encrypted),
      plaintext: await agreed(stores.plaintext),
    };
    for (let round = 0; round < vault.rounds; round++) {
      for (const kind of order(round)) {
        const [ms, records] = await time(() => readClientRecords(stores[kind], vault.clientId));
        result.clientRecords[kind].push(ms);
        result.clientRecords.records = records;
      }
      for (const kind of order(round + 1)) {
        const [ms, records] = await time(() => readAllReviews(stores[kind]));
        result.allReviews[kind].push(ms);
        result.allReviews.records = records;
      }
    }
    for (let round = 0; round < vault.saves; round++) {
      for (const kind of order(round)) {
        const [ms, saved] = await time(() =>
          saveAgreedAssignment(stores[kind], edited(current[kind], round)),
        );
        result.save[kind].push(ms);
        current[kind] = saved;
      }
    }
    let appCurrent = await agreed(stores.encrypted);
    for (let round = 0; round < vault.saves; round++) {
      const [ms, saved] = await time<Assignment>(() =>
        session.assignments.save(edited(appCurrent, vault.saves + round)),
      );
      result.appSave.push(ms);
      appCurrent = saved;
    }
    return result;
  } finally {
    plainDb.close();
    closeVaultSession(session);
  }
}

/** Backup and restore timings, in ms, and what the backups held. */
export type BackupTimes = {
  backup: number[];
  restore: number[];
  records: number;
  fileName: string;
};

/**
 * Backs the vault up `runs` times with the app's `backUpVault`, then restores the last backup
 * `restores` times with `restoreVault` (which first backs up the current state, then fills a
 * new store generation from the file and switches to it). Runs in the therapist's window: the
 * backup channels answer only it.
 */
export async function backupAndRestore(
  vault: Vault & { runs: number; restores: number },
): Promise<BackupTimes> {
  let { session } = await openWithPassphrase(vault.headerBase64, vault.passphrase);
  const result: BackupTimes = {
    backup: [],
    restore: [],
    records: 0,
    fileName: '',
  };
  // Main answers the backup channels only for the vault the therapist's window has open.
  await callMain('vault:opened', { vaultId: session.vaultIdHex });
  try {
    for (let run = 0; run < vault.runs; run++) {
      const started = performance.now();
      const { entry } = await backUpVault(session);
      result.backup.push(performance.now() - started);
      result.records = entry.recordCount;
      result.fileName = entry.fileName;
    }
    for (let run = 0; run < vault.restores; run++) {
      const started = performance.now();
      const restored = await restoreVault(session, { fileName: result.fileName }, async () => true);
      if (!restored) throw new Error('The restore was not carried out.');
      result.restore.push(performance.now() - started);
      session = restored;
    }
    return result;
  } finally {
    closeVaultSession(session);
    await callMain('vault:closed', {});
  }
}

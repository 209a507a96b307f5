// `tsx tests/interop/make-app-fixtures.ts FOLDER`: run by test_demo.py at test time, into a
// temporary folder, to check the Python reader (written from docs/vault-format.md alone)
// against what only Bridgework's own code can say. Reads FOLDER/examples.json (one valid
// record per table, written by test_demo.py) and writes:
//
//   damaged-worksheet.bwvault  the demo vault's backup (tests/fixtures/demo.bwvault) with
//                              worksheets and records written before the free-text rules,
//                              made with BackupWriter: one worksheet intact, one whose file is
//                              damaged (as a backup copied it before files were checked), one
//                              left out with `damagedAt` (as a backup leaves one out now)
//   damaged-worksheet.json     how the app reads each of its records (openRow) and whether each
//                              worksheet file opens (attachmentOpens)
//   reviews.bwvault            the demo vault after a review, written by the app's own
//                              repositories in an in-memory IndexedDB (fake-indexeddb): sessions,
//                              practice agreed, a review finished and one being filled in, a new
//                              version from the review, a review of shape 1 and a session of
//                              shape 2 written before, a calendar of shape 1, the reviews CSV in
//                              the log; then the calendars and insight summaries put in step as
//                              after unlocking (repairCalendars, insights.repair)
//   reviews.json               how the app reads each of its records (openRow)
//   text-cases.json            records whose text has hidden controls and line breaks, each with
//                              the plaintext sealed and the record openRow reads (or null)
//   records-read.json          for each record of FOLDER/records.json (written by test_demo.py:
//                              records at a given schema version, such as templates of versions
//                              1 and 2, assignments of versions 1 to 3, sessions and preferences
//                              of versions 1 and 2, with every quirk of their upgrades), the
//                              record openRow reads (or null when the app finds it damaged), in
//                              the same order
//   tables.json                for each table, what openRow reads it by: its current schema
//                              version, the versions it has an upgrade from, its one-line fields;
//                              and the random-id fields its IndexedDB rows index (indexedFields)
//   stores.json                the vault database's Dexie version and store definitions, the
//                              tables in backup order and the tables deleted with a client
// An in-memory IndexedDB for the app's own repositories (reviews.bwvault); first, before Dexie.
import 'fake-indexeddb/auto';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { concatBytes, toBase64, utf8 } from '../../src-shared/crypto/bytes';
import { deriveKeyFromPassphrase } from '../../src-shared/crypto/kdf';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { attachmentOpens, encryptAttachment } from '../../src-shared/vault/attachment-codec';
import {
  type BackupAttachment,
  BackupReader,
  type BackupRecord,
  BackupWriter,
} from '../../src-shared/vault/backup-format';
import { unlockWithPassphrase } from '../../src-shared/vault/key-slots';
import { encryptRecord } from '../../src-shared/vault/record-codec';
import {
  type EntityDefinition,
  indexFieldsOfSealed,
  openRow,
  type VaultKeys,
} from '../../src-renderer/data/encrypted-table';
import { entities } from '../../src-renderer/data/entities';
import { internalsOf, openVaultSession } from '../../src-renderer/data/vault-session';
import {
  CLIENT_OWNED_TABLES,
  indexedFields,
  VAULT_TABLES,
  VaultDatabase,
  type VaultTableName,
} from '../../src-renderer/data/vault-database';

const folder = process.argv[2];
if (!folder) throw new Error('usage: make-app-fixtures.ts FOLDER');
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
/** A record as test_demo.py hands it over: its table, the schema version to seal it at, its JSON. */
type StoredRecord = { table: string; schemaVersion: number; record: JsonObject };

const s = await loadSodium();

/** The demo backup's header, records and data key. */
async function openDemo() {
  const records: BackupRecord[] = [];
  const reader = new BackupReader((record) => records.push(record));
  reader.push(new Uint8Array(await readFile(join(fixtures, 'demo.bwvault'))));
  const { headerBytes } = reader.finish();
  const passphrase = await readFile(join(fixtures, 'demo.passphrase'), 'utf8');
  const { header, dataKey } = await unlockWithPassphrase(
    headerBytes,
    passphrase,
    async (p, salt, params) => deriveKeyFromPassphrase(p, salt, params),
  );
  return {
    header,
    headerBytes,
    records,
    keys: { vaultId: header.vaultId, dataKey } satisfies VaultKeys,
  };
}

const demo = await openDemo();

function entityOf(table: string): EntityDefinition<unknown> {
  const found = Object.values(entities).find((entity) => entity.table === table);
  if (!found) throw new Error(`no table ${table}`);
  return found as EntityDefinition<unknown>;
}

/** Seals a plaintext as Bridgework stores it, bypassing validation (text written earlier). */
function seal(table: string, id: string, schemaVersion: number, plaintext: string): BackupRecord {
  const address = { vaultId: demo.keys.vaultId, table, recordId: id };
  return {
    table,
    id,
    sealed: encryptRecord(demo.keys.dataKey, address, schemaVersion, utf8(plaintext)),
  };
}

/** The record as the app reads it (`openRow`), or null when the app finds it damaged. */
function appReads(record: BackupRecord): unknown {
  try {
    return openRow(entityOf(record.table), demo.keys, record);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- damaged-worksheet.bwvault

const LINEAGE = 'Lm0nE4gEiDzQk2vH7tYc1A';
const AT = '2026-10-20T09:00:00.000Z';
const worksheets = {
  intact: {
    id: 'Ab3dWk9sQe5Hj2Ux9Bd0Kg',
    fileName: 'Thought record.pdf',
    bytes: utf8('%PDF-1.7 intact'),
  },
  damaged: {
    id: 'Cd5fXm1tRf6Ik3Vy0Ce1Lw',
    fileName: 'Sleep diary.pdf',
    bytes: utf8('%PDF-1.7 damaged'),
  },
  leftOut: {
    id: 'Ef7hYn3uSg7Jl4Wz1Df2MA',
    fileName: 'Worry time.pdf',
    bytes: utf8('%PDF-1.7 left out'),
  },
};
const descriptions = Object.values(worksheets).map((worksheet) => ({
  id: worksheet.id,
  lineageId: LINEAGE,
  fileName: worksheet.fileName,
  mediaType: 'application/pdf',
  sizeBytes: worksheet.bytes.length,
  createdAt: AT,
  ...(worksheet === worksheets.leftOut ? { damagedAt: '2026-10-27T09:00:00.000Z' } : {}),
}));
const flipped = encryptAttachment(
  demo.keys.dataKey,
  worksheets.damaged.id,
  worksheets.damaged.bytes,
);
flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 0x01;
const files: BackupAttachment[] = [
  {
    id: worksheets.intact.id,
    stored: encryptAttachment(demo.keys.dataKey, worksheets.intact.id, worksheets.intact.bytes),
  },
  { id: worksheets.damaged.id, stored: flipped },
];

/** Records written before the free-text rules: hidden controls, CR line ends, line breaks. */
const olderText: StoredRecord[] = [
  {
    table: 'clients',
    schemaVersion: 2,
    record: {
      id: 'Gh9jZo5vTh8Km5Xa2Eg3NQ',
      name: '\nNoor \u202eExample\r\n',
      status: 'active',
      privateNotes: 'Line one\r\nline two\u0007\rline three',
      createdAt: AT,
      statusChangedAt: AT,
    },
  },
  {
    table: 'clients',
    schemaVersion: 1,
    record: {
      id: 'Ij1kAp7wUi9Ln6Yb3Fh4Og',
      name: ' Sam\u2028Older ',
      createdAt: AT,
      archivedAt: AT,
    },
  },
  {
    table: 'log',
    schemaVersion: 1,
    record: {
      id: 'Kl3mBq9xVj0Mo7Zc4Gi5Pw',
      kind: 'export',
      at: AT,
      what: 'Handout\u0085PDF\n',
      format: 'pdf',
      clientId: null,
    },
  },
];

const records = [
  ...demo.records,
  ...descriptions.map((d) => seal('attachments', d.id, 1, JSON.stringify(d))),
  ...olderText.map(({ table, schemaVersion, record }) =>
    seal(table, String(record.id), schemaVersion, JSON.stringify(record)),
  ),
].sort((a, b) =>
  a.table !== b.table ? (a.table < b.table ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);
const writer = new BackupWriter(demo.headerBytes, demo.keys.dataKey, Date.UTC(2026, 10, 2));
const backup = concatBytes(
  writer.start(),
  writer.records(records),
  ...files.sort((a, b) => (a.id < b.id ? -1 : 1)).map((file) => writer.attachment(file)),
  writer.finish(),
);

// Read it back as the app does: the MAC under the data key, every record, every file.
const read: { records: Record<string, unknown>; files: Record<string, boolean> } = {
  records: {},
  files: {},
};
const reader = new BackupReader(
  (record) => {
    read.records[`${record.table}/${record.id}`] = appReads(record);
  },
  demo.keys.dataKey,
  (file) => {
    read.files[file.id] = attachmentOpens(demo.keys.dataKey, file.id, file.stored);
  },
);
reader.push(backup);
reader.finish();
await writeFile(join(folder, 'damaged-worksheet.bwvault'), backup);
await writeFile(join(folder, 'damaged-worksheet.json'), JSON.stringify(read));

// ---------------------------------------------------------------- reviews.bwvault

const ADA = '8Ogs1bWt1hiifSkTVZne5g';
const JONAS = '5BmChhXHgoYGLAO4m-GgbA';

/** The demo vault opened in the in-memory IndexedDB, with the demo's records restored into it. */
async function demoSession() {
  const session = await openVaultSession({
    header: demo.header,
    dataKey: demo.keys.dataKey.slice(),
  });
  const { db, keys } = internalsOf(session);
  const put = (record: BackupRecord) =>
    db.sealed(record.table as VaultTableName).put({
      id: record.id,
      sealed: record.sealed,
      ...indexFieldsOfSealed(record.table as VaultTableName, keys, record),
    });
  return { session, put };
}

const { session, put } = await demoSession();
for (const record of demo.records) await put(record);
// Written by an earlier Bridgework: a review of shape 1 of Ada's, Jonas's session of shape 2 and
// his calendar of shape 1.
const older: StoredRecord[] = [
  {
    table: 'reviews',
    schemaVersion: 1,
    record: {
      id: 'Rv0lDeR1Aa0_Bb1cCd2EeQ',
      clientId: ADA,
      assignmentId: 'As0lDeR1Aa0_Bb1cCd2EeQ',
      sessionId: null,
      reviewedAt: '2026-11-03T10:00:00.000Z',
      outcome: 'partly',
      percentDone: 40,
      quality: 6,
      engagement: 9,
      reportedBy: 'client',
      barriersMet: ['felt-too-hard', 'circumstances-changed'],
      barrierNotes: 'A hard week.',
      learned: 'Smaller steps.',
      wins: 'Started.',
      decision: 'make-smaller',
      decisionReason: 'Too big for now.',
    },
  },
  {
    table: 'sessions',
    schemaVersion: 2,
    record: {
      id: 'Ss0lDeR1Aa0_Bb1cCd2EeQ',
      clientId: JONAS,
      startsAt: '2026-11-05T15:00:00.000Z',
      durationMinutes: 50,
      status: 'held',
      reviewItems: [],
      topics: ['Sleep'],
      assignmentIds: [],
      summaryForClient: '',
      privateNotes: '',
      revision: 1,
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-05T16:00:00.000Z',
    },
  },
  {
    table: 'sessionCalendars',
    schemaVersion: 1,
    record: {
      id: 'Cc0lDeR1Aa0_Bb1cCd2EeQ',
      clientId: JONAS,
      entries: [
        {
          sessionId: 'Ss0lDeR1Aa0_Bb1cCd2EeQ',
          startsAt: '2026-11-05T15:00:00.000Z',
          status: 'held',
        },
      ],
    },
  },
];
for (const { table, schemaVersion, record } of older)
  await put(seal(table, String(record.id), schemaVersion, JSON.stringify(record)));

// Ada's practice, reviewed a week later and carried on as a new version, as the screens do it.
const lastWeek = await session.sessions.book({
  clientId: ADA,
  startsAt: '2026-11-24T10:00:00.000Z',
  durationMinutes: 50,
  status: 'held',
});
const draft = await session.assignments.start(
  { clientId: ADA, sessionId: lastWeek.id, startsOn: '2026-11-24', reviewBy: '2026-12-01' },
  { from: 'scratch', title: 'Evening walk' },
);
const agreed = await session.assignments.save({
  ...draft,
  status: 'active',
  dose: {
    label: 'Three times, 15 minutes',
    dose: { kind: 'per-week', timesPerWeek: 3, minutes: 15 },
  },
  plan: { what: 'Walk round the park', time: '18:30', cue: '', where: 'from the front door' },
  barriers: [
    { kind: 'no-time', barrier: 'Late shifts', ifThen: 'If I work late, I walk at lunch' },
  ],
  confidenceBefore: 7,
});
const today = await session.sessions.book({
  clientId: ADA,
  startsAt: '2026-12-01T10:00:00.000Z',
  durationMinutes: 50,
  status: 'planned',
});
const opened = await session.reviews.open(agreed, today.id);
const finished = await session.reviews.save({
  ...opened,
  outcome: 'some-of-it',
  smallestVersionMet: true,
  amountFrom: 'estimate',
  percentDone: 60,
  quality: 3,
  helpful: 4,
  reportedBy: ['client-account', 'returned-tracker'],
  barriersMet: [{ kind: 'no-time', note: 'Late shifts\non Thursday' }],
  ifThenPlan: 'helped',
  madeThingsWorse: 'no',
  happened: 'Walked on two evenings.',
  learned: 'Lunchtime works.',
  wins: 'Two walks',
  decision: 'make-smaller',
  decisionReason: 'Fit it to the shifts.',
  finished: true,
});
const next = await session.assignments.start(
  { clientId: ADA, sessionId: today.id, startsOn: '2026-12-01', reviewBy: '2026-12-08' },
  { from: 'review', previous: agreed, decision: 'make-smaller', reason: 'Fit it to the shifts.' },
);
await session.reviews.save({ ...finished, nextAssignmentId: next.id });
const nextAgreed = await session.assignments.save({ ...next, status: 'active' });
// A review of the new version started and left unfinished (not a fact, but a record counted).
await session.reviews.open(nextAgreed, null);
await internalsOf(session).exportLog.recordExport('Reviews, de-identified (2 reviews)', 'csv');
// After unlocking: calendars and summaries out of step are rewritten.
const calendarsRepaired = await session.sessions.repairCalendars();
const summariesRepaired = await session.insights.repair();

const reviewsBackup = await (async () => {
  const { db } = internalsOf(session);
  const tables = [...db.sealedTables()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const writer = new BackupWriter(demo.headerBytes, demo.keys.dataKey, Date.UTC(2026, 11, 1, 12));
  const parts = [writer.start()];
  for (const { name, table } of tables) {
    const rows = await table.toArray();
    parts.push(
      writer.records(rows.map((row) => ({ table: name, id: row.id, sealed: row.sealed }))),
    );
  }
  parts.push(writer.finish());
  return concatBytes(...parts);
})();
const reviewsRead: Record<string, unknown> = {};
const reviewsReader = new BackupReader((record) => {
  reviewsRead[`${record.table}/${record.id}`] = appReads(record);
}, demo.keys.dataKey);
reviewsReader.push(reviewsBackup);
reviewsReader.finish();
await writeFile(join(folder, 'reviews.bwvault'), reviewsBackup);
await writeFile(
  join(folder, 'reviews.json'),
  JSON.stringify({ records: reviewsRead, calendarsRepaired, summariesRepaired }),
);

// ---------------------------------------------------------------- text-cases.json

/** Inserted at the start and in the middle of each string, or replacing it whole. */
const INSERTED = [
  '\u0000', '\u0007', '\t', '\n', '\r', '\r\n', '\n\r', '\u000b', '\u000c', '\u001c', '\u001f',
  '\u007f', '\u0080', '\u0085', '\u009f', '\u00a0', '\u200b', '\u200e', '\u200f', '\u061c',
  '\u202a', '\u202c', '\u202e', '\u2066', '\u2068', '\u2069', '\u2028', '\u2029', '\ufeff',
  '\ufffd', '\u3000', '\ud800', '\ud83d\ude00',
]; // prettier-ignore
const WHOLE = [
  '\n',
  ' \r\n ',
  '\u0000',
  'a\r\n'.repeat(70),
  '\r\n'.repeat(130),
  '\u202e'.repeat(121),
];

type Path = (string | number)[];

function stringPaths(value: Json, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value))
    return value.flatMap((item, index) => stringPaths(item, [...path, index]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

function withString(record: JsonObject, path: Path, change: (text: string) => string): JsonObject {
  const copy = structuredClone(record);
  let parent: Json = copy;
  for (const step of path.slice(0, -1))
    parent = (parent as Record<string | number, Json>)[step] ?? null;
  const last = path[path.length - 1] ?? '';
  const holder = parent as Record<string | number, Json>;
  holder[last] = change(String(holder[last]));
  return copy;
}

const examples = JSON.parse(
  await readFile(join(folder, 'examples.json'), 'utf8'),
) as StoredRecord[];
const cases: { table: string; schemaVersion: number; plaintext: string; app: unknown }[] = [];
function addCase(table: string, schemaVersion: number, record: JsonObject): void {
  const plaintext = JSON.stringify(record);
  const sealed = seal(table, String(record.id), schemaVersion, plaintext);
  cases.push({ table, schemaVersion, plaintext: toBase64(utf8(plaintext)), app: appReads(sealed) });
}
for (const { table, schemaVersion, record } of examples) {
  addCase(table, schemaVersion, record);
  for (const path of stringPaths(record)) {
    if (path.length === 1 && path[0] === 'id') continue; // replaced by the row's id (§4.3 step 2)
    const stored = (change: (text: string) => string) =>
      addCase(table, schemaVersion, withString(record, path, change));
    for (const inserted of INSERTED) {
      stored((text) => inserted + text);
      stored((text) => {
        const middle = Math.floor(text.length / 2);
        return text.slice(0, middle) + inserted + text.slice(middle);
      });
    }
    for (const whole of WHOLE) stored(() => whole);
  }
  // A tracker's keys are one-line text that the repair does not reach.
  if (table === 'practiceLogs')
    for (const inserted of INSERTED)
      addCase(table, schemaVersion, { ...record, tracker: { [`a${inserted}b`]: 1 } });
}
await writeFile(join(folder, 'text-cases.json'), JSON.stringify(cases));

// ---------------------------------------------------------------- records-read.json

const toRead = JSON.parse(await readFile(join(folder, 'records.json'), 'utf8')) as StoredRecord[];
const readRecords = toRead.map(({ table, schemaVersion, record }) =>
  appReads(seal(table, String(record.id), schemaVersion, JSON.stringify(record))),
);
await writeFile(join(folder, 'records-read.json'), JSON.stringify(readRecords));

// ---------------------------------------------------------------- tables.json

const tables = Object.fromEntries(
  Object.values(entities).map((entity: EntityDefinition<unknown>) => [
    entity.table,
    {
      schemaVersion: entity.schemaVersion,
      upgradesFrom: Object.keys(entity.migrations ?? {}).map(Number),
      singleLineFields: [...(entity.singleLineFields ?? [])].sort(),
      indexFields: [...indexedFields[entity.table as VaultTableName]],
    },
  ]),
);
await writeFile(join(folder, 'tables.json'), JSON.stringify(tables));

// ---------------------------------------------------------------- stores.json

// Declared only, never opened (there is no IndexedDB here).
const db = new VaultDatabase('00000000000000000000000000000000', 1);
const stores = {
  version: db.verno,
  stores: Object.fromEntries(
    db.tables.map((table) => [
      table.name,
      [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', '),
    ]),
  ),
  backupOrder: VAULT_TABLES,
  clientOwned: CLIENT_OWNED_TABLES,
};
await writeFile(join(folder, 'stores.json'), JSON.stringify(stores));

s.memzero(demo.keys.dataKey);
console.log(
  `${records.length} records, ${files.length} worksheet files, ${cases.length} text cases, ` +
    `${readRecords.length} records read`,
);

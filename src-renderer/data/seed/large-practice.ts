import type { Assignment } from '../../../src-shared/domain/assignment';
import type { Goal } from '../../../src-shared/domain/goal';
import type { PracticeLog } from '../../../src-shared/domain/practice-log';
import type { Review } from '../../../src-shared/domain/review';
import { type SeededRandom, seededRandom } from '../../../src-shared/domain/seeded-random';
import type { Session } from '../../../src-shared/domain/session';
import type { BuiltinTemplate, CustomTemplate } from '../../../src-shared/domain/template';
import type { VaultLogEntry } from '../../../src-shared/domain/vault-log';
import { EncryptedTable, untracked } from '../encrypted-table';
import { entities } from '../entities';
import { createInsightSummaries } from '../insight-summaries';
import { createSessionCalendars } from '../session-calendars';
import { internalsOf, type VaultSession } from '../vault-session';
import { dateClientFromFirstSession } from './client-since';
import type { LargePracticePlan } from './large-practice-plan';
import { contentOfBuiltin, recordsOfClient } from './large-practice-records';
import { GOALS, NOTES } from './large-practice-words';
import { localDay, type ShapedClient, shapePractice } from './practice-shape';

/** What seeding wrote, counted as it was written. */
export type LargePracticeCounts = {
  clients: number;
  goals: number;
  sessions: number;
  heldSessions: number;
  assignments: number;
  assignmentsByStatus: Record<string, number>;
  reviews: number;
  practiceLogs: number;
  customTemplates: number;
  /** Vault-log entries: handouts, trackers, session summaries… taken away. */
  exports: number;
  handouts: number;
  /** The earliest and latest review days (`yyyy-MM-dd`). */
  reviewsFrom: string;
  reviewsTo: string;
};

/** Where seeding has got to, for a progress line. */
export type SeedProgress = { step: string; clientsDone: number; clients: number };

/** Clients written per transaction: large enough to batch, small enough to keep memory flat. */
const CLIENTS_PER_TRANSACTION = 10;

/** The custom templates: variants of the built-in ones, through the templates repository. */
async function addCustomTemplates(
  session: VaultSession,
  builtins: BuiltinTemplate[],
  count: number,
): Promise<CustomTemplate[]> {
  const { db } = internalsOf(session);
  const concernPool = [...new Set(builtins.flatMap((template) => template.concerns))].sort();
  const customs: CustomTemplate[] = [];
  await db.transaction('rw', db.sealed('templates'), async () => {
    for (let n = 1; n <= count; n++) {
      const base = builtins[(n - 1) % builtins.length];
      if (!base) throw new Error('Seeding needs the built-in templates.');
      const content = contentOfBuiltin(base);
      const extra = concernPool[(n * 7) % concernPool.length] ?? 'variant';
      customs.push(
        await session.templates.create(
          {
            ...content,
            title: `${content.title} (variant ${n})`,
            concerns: [...new Set([...content.concerns, extra])].slice(0, 8),
          },
          { templateId: base.id, version: base.version },
        ),
      );
    }
  });
  return customs;
}

/** The client and their goals, through the clients and goals repositories. */
async function addClient(
  session: VaultSession,
  random: SeededRandom,
  client: ShapedClient,
): Promise<{ clientId: string; goals: Goal[] }> {
  const made = await session.clients.add(client.name);
  if (client.status !== 'active') await session.clients.setStatus(made.id, client.status);
  await session.clients.setPrivateNotes(made.id, random.some(NOTES, 1, 3).join(' '));
  const goals: Goal[] = [];
  for (const [clientWords, whyItMatters] of random.distinct(GOALS, client.goals))
    goals.push(
      await session.goals.add(made.id, {
        clientWords,
        whyItMatters,
        status: client.status === 'discharged' ? 'achieved' : 'active',
      }),
    );
  return { clientId: made.id, goals };
}

/**
 * Seeds an open, empty vault with the large practice (see large-practice-plan.ts) from
 * `plan.seed`: custom templates through the templates repository; each client and their goals
 * through the clients and goals repositories; their sessions, assignments (made by the builder's
 * own draft functions), reviews, practice days and export-log entries validated and sealed by
 * `EncryptedTable` as the repositories do, a few clients per transaction; and each client's
 * session calendar and insight summary rewritten by the app's own code after their records.
 * The content is the same for the same seed and day; record ids and nonces are random, as the
 * app makes them.
 */
export async function seedLargePractice(
  session: VaultSession,
  options: {
    plan: LargePracticePlan;
    builtins: BuiltinTemplate[];
    now?: Date;
    onProgress?: (progress: SeedProgress) => void;
  },
): Promise<LargePracticeCounts> {
  const { plan, builtins } = options;
  const random = seededRandom(plan.seed);
  const shaped = shapePractice(plan, random, options.now ?? new Date());
  const report = (step: string, clientsDone: number) =>
    options.onProgress?.({ step, clientsDone, clients: shaped.length });
  report('templates', 0);
  const customs = await addCustomTemplates(session, builtins, plan.customTemplates);

  const { db, keys } = internalsOf(session);
  const sessionTable = new EncryptedTable<Session>(db, keys, entities.sessions, untracked);
  const assignmentTable = new EncryptedTable<Assignment>(db, keys, entities.assignments, untracked);
  const reviewTable = new EncryptedTable<Review>(db, keys, entities.reviews, untracked);
  const logTable = new EncryptedTable<PracticeLog>(db, keys, entities.practiceLogs, untracked);
  const exportLog = new EncryptedTable<VaultLogEntry>(db, keys, entities.log, untracked);
  const calendars = createSessionCalendars(db, keys, untracked);
  const summaries = createInsightSummaries(db, keys, untracked);
  const tables = [
    ...new Set([
      db.sealed('clients'),
      db.sealed('goals'),
      sessionTable.table,
      assignmentTable.table,
      reviewTable.table,
      logTable.table,
      exportLog.table,
      ...calendars.tables,
      ...summaries.tables,
    ]),
  ];
  const counts: LargePracticeCounts = {
    clients: 0,
    goals: 0,
    sessions: 0,
    heldSessions: 0,
    assignments: 0,
    assignmentsByStatus: {},
    reviews: 0,
    practiceLogs: 0,
    customTemplates: customs.length,
    exports: 0,
    handouts: 0,
    reviewsFrom: '9999-12-31',
    reviewsTo: '0000-01-01',
  };
  const sources = { builtins, customs };

  for (let first = 0; first < shaped.length; first += CLIENTS_PER_TRANSACTION) {
    const chunk = shaped.slice(first, first + CLIENTS_PER_TRANSACTION);
    await db.transaction('rw', tables, async () => {
      const written: string[] = [];
      for (const client of chunk) {
        const made = await addClient(session, random, client);
        const records = recordsOfClient(random, client, made, sources);
        await dateClientFromFirstSession(
          session,
          made.clientId,
          records.sessions.map((each) => each.startsAt),
        );
        await Promise.all([
          ...records.sessions.map((record) => sessionTable.put(record)),
          ...records.assignments.map((record) => assignmentTable.put(record)),
          ...records.reviews.map((record) => reviewTable.put(record)),
          ...records.practiceLogs.map((record) => logTable.put(record)),
          ...records.exports.map((record) => exportLog.put(record)),
        ]);
        count(counts, made.goals.length, records);
        written.push(made.clientId);
      }
      // Once per client, after all their records: the app's own code makes the derived records.
      for (const clientId of written) {
        await calendars.rewrite(clientId);
        await summaries.rewrite(clientId);
      }
    });
    report('clients', first + chunk.length);
  }
  await session.writesSettled();
  return counts;
}

/** Adds one client's records to the counts. */
function count(
  counts: LargePracticeCounts,
  goals: number,
  records: ReturnType<typeof recordsOfClient>,
): void {
  counts.clients += 1;
  counts.goals += goals;
  counts.sessions += records.sessions.length;
  counts.heldSessions += records.sessions.filter((each) => each.status === 'held').length;
  counts.assignments += records.assignments.length;
  for (const { status } of records.assignments)
    counts.assignmentsByStatus[status] = (counts.assignmentsByStatus[status] ?? 0) + 1;
  counts.reviews += records.reviews.length;
  counts.practiceLogs += records.practiceLogs.length;
  counts.exports += records.exports.length;
  for (const entry of records.exports)
    if (entry.kind === 'export' && entry.format === 'handout-pdf') counts.handouts += 1;
  for (const review of records.reviews) {
    const day = localDay(review.reviewedAt);
    if (day < counts.reviewsFrom) counts.reviewsFrom = day;
    if (day > counts.reviewsTo) counts.reviewsTo = day;
  }
}

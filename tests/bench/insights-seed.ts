// In-page part of the Insights benchmark (insights.bench.ts): bundled by esbuild and run in a
// page of the built renderer's origin, like today-seed.ts. It seeds the large practice two
// years deep with the app's seed module (src-renderer/data/seed/large-practice.ts: clients,
// goals, sessions, custom templates, assignments, finished reviews, practice-log days and the
// vault log's handouts, through the app's own data layer, each client's session calendar and
// insight summary rewritten by the app's own code), then times the reads behind the
// practice-wide Insights screen, part by part, without React.
import { liveQuery, type Table } from 'dexie';
import type { InsightSummary } from '../../src-shared/domain/insight-summary';
import {
  barriersByFrequency,
  clinicianHabits,
  completionByCategory,
  completionByConfidence,
  completionByDoseSize,
  completionByIfThenPlans,
  completionByMonth,
  completionBySpecificPlan,
  completionByTemplate,
  completionOf,
} from '../../src-shared/domain/insights';
import { type LibraryItem, LibrarySearch } from '../../src-shared/domain/library-search';
import type { BuiltinTemplate } from '../../src-shared/domain/template';
import { decryptRecord, parseRecordJson } from '../../src-shared/vault/record-codec';
import { openRow, untracked } from '../../src-renderer/data/encrypted-table';
import { entities } from '../../src-renderer/data/entities';
import { createInsightSummaries } from '../../src-renderer/data/insight-summaries';
import {
  type LargePracticePlan,
  largePracticePlan,
} from '../../src-renderer/data/seed/large-practice-plan';
import { seedLargePractice } from '../../src-renderer/data/seed/large-practice';
import { openWithPassphrase } from '../../src-renderer/data/seed/open-with-passphrase';
import type { SealedRow } from '../../src-renderer/data/vault-database';
import { closeVaultSession, internalsOf } from '../../src-renderer/data/vault-session';

/** The shape of the seeded practice: the large practice's, but for its goals (always the large practice's). */
export type InsightsSeedPlan = Omit<LargePracticePlan, 'goals'>;

/** What was written, and how long it took. */
export type InsightsSeedResult = {
  clients: number;
  sessions: number;
  heldSessions: number;
  assignments: number;
  agreedAssignments: number;
  assignmentsByStatus: Record<string, number>;
  reviews: number;
  practiceLogs: number;
  vaultLogEntries: number;
  handouts: number;
  customTemplates: number;
  /** The earliest and latest review dates. */
  reviewsFrom: string;
  reviewsTo: string;
  /** Summaries and calendars out of step after seeding (the app's repair found them): 0. */
  summariesRepaired: number;
  calendarsRepaired: number;
  summaries: number;
  sealedSummaryBytes: number;
  kdf: { opsLimit: number; memLimitBytes: number };
  /** Seconds per phase. */
  phases: Record<string, number>;
  seedMs: number;
};

/** Timings of the reads behind the practice-wide Insights screen, without React, in ms. */
export type InsightsProbe = {
  /** `insights.practiceWide()` as the screen calls it, first in a newly opened session. */
  practiceWideMs: number;
  /** The same again in the same session (code and IndexedDB warmer). */
  practiceWideAgainMs: number;
  /** The same as the screen runs it: inside Dexie's `liveQuery` (`useVaultQuery`), to its first value. */
  practiceWideLiveMs: number;
  /** `summaries.all()` on its own: the three reads below, concurrently, and the check. */
  summariesAllMs: number;
  /** Reading the sealed summary rows out of IndexedDB (Dexie `toArray`). */
  summaryRowsReadMs: number;
  /** Only decrypting them. */
  summaryDecryptMs: number;
  /** Decrypting them and parsing their JSON. */
  summaryDecryptParseMs: number;
  /** Opening them as the app does (`openRow`: decrypt, JSON, text repair, zod validation). */
  summaryOpenMs: number;
  /** Counting each client's reviews from the index (`orderBy('clientId').eachKey`). */
  reviewIndexCountMs: number;
  /** Counting each client's assignments from the index. */
  assignmentIndexCountMs: number;
  /** For comparison: the two tables' record counts (`count()`), nothing per client. */
  indexTotalsMs: number;
  /** For comparison: each client's reviews and assignments counted by the index, one `count()` per client and table. */
  indexCountsPerClientMs: number;
  /** `sessions.calendars()`: every calendar opened, and the sessions counted. */
  calendarsMs: number;
  /** Of which: opening the calendar rows (`openRow`), after reading them. */
  calendarOpenMs: number;
  /** `log.all()`: every vault log entry opened, newest first. */
  logAllMs: number;
  /** Of which: opening the log rows (`openRow`), after reading them. */
  logOpenMs: number;
  /** What the screen works out from the data (its `useMemo`, and the categories). */
  numbersMs: number;
  /** `templates.latest()` as `useLibrary` calls it, first in the session (nothing cached). */
  templatesColdMs: number;
  /** The same again (opened templates are cached by id and nonce). */
  templatesWarmMs: number;
  /** Building the library's search index over the 44 built-in templates, and over all 500. */
  libraryIndexBuiltinMs: number;
  libraryIndexAllMs: number;
  /** `insights.repair()`, which the app runs 0.5 s after unlocking (finds nothing to do here). */
  repairCheckMs: number;
  summaries: number;
  sealedSummaryBytes: number;
  reviewFacts: number;
  assignmentFacts: number;
  calendars: number;
  logEntries: number;
  customTemplates: number;
  months: number;
};

/**
 * Seeds the vault with the large practice for `plan` (see the file's opening comment), then
 * runs the app's own checks after unlocking, which should find nothing out of step. Progress
 * is logged to the console.
 */
export async function seed(options: {
  headerBase64: string;
  passphrase: string;
  templates: BuiltinTemplate[];
  plan: InsightsSeedPlan;
}): Promise<InsightsSeedResult> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let phaseStart = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round((now - phaseStart) / 100) / 10;
    phaseStart = now;
    console.log(`[insights-seed] ${name}: ${phases[name]} s`);
  };
  const { session, kdf } = await openWithPassphrase(options.headerBase64, options.passphrase);
  try {
    const counts = await seedLargePractice(session, {
      plan: { ...largePracticePlan, ...options.plan },
      builtins: options.templates,
      onProgress: ({ step, clientsDone, clients }) => {
        if (step === 'clients' && clientsDone === 0) return;
        if (step === 'clients' && clientsDone % 50 !== 0 && clientsDone !== clients) return;
        console.log(
          `[insights-seed] ${step}: ${clientsDone}/${clients} clients (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        );
      },
    });
    phase('the practice');
    // The app's own checks after unlocking: nothing should be out of step.
    const calendarsRepaired = await session.sessions.repairCalendars();
    const summariesRepaired = await session.insights.repair();
    await session.writesSettled();
    const sealedSummaries = await internalsOf(session).db.sealed('insightSummaries').toArray();
    phase('checks');
    return {
      clients: counts.clients,
      sessions: counts.sessions,
      heldSessions: counts.heldSessions,
      assignments: counts.assignments,
      agreedAssignments: counts.assignments - (counts.assignmentsByStatus.draft ?? 0),
      assignmentsByStatus: counts.assignmentsByStatus,
      reviews: counts.reviews,
      practiceLogs: counts.practiceLogs,
      vaultLogEntries: counts.exports,
      handouts: counts.handouts,
      customTemplates: counts.customTemplates,
      reviewsFrom: counts.reviewsFrom,
      reviewsTo: counts.reviewsTo,
      summariesRepaired,
      calendarsRepaired,
      summaries: sealedSummaries.length,
      sealedSummaryBytes: sealedSummaries.reduce((sum, row) => sum + row.sealed.length, 0),
      kdf,
      phases,
      seedMs: performance.now() - started,
    };
  } finally {
    closeVaultSession(session);
  }
}

/** How many records of a table each client has, from the index, as insight-summaries.ts counts. */
async function countFromIndex(rows: Table<SealedRow, string>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await rows.orderBy('clientId').eachKey((clientId) => {
    const key = String(clientId);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

/**
 * Times the reads behind the practice-wide Insights screen one by one, with the app's
 * repositories on this page, in a newly opened session (so nothing is cached in it).
 */
export async function probe(options: {
  headerBase64: string;
  passphrase: string;
  templates: BuiltinTemplate[];
}): Promise<InsightsProbe> {
  const { session } = await openWithPassphrase(options.headerBase64, options.passphrase);
  try {
    const { db, keys } = internalsOf(session);
    const time = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
      const t0 = performance.now();
      const value = await work();
      return [value, performance.now() - t0];
    };

    // As the screen asks for it, first thing in the session; then again.
    const [data, practiceWideMs] = await time(() => session.insights.practiceWide());
    const [, practiceWideAgainMs] = await time(() => session.insights.practiceWide());
    const [, practiceWideLiveMs] = await time(
      () =>
        new Promise<void>((resolve, reject) => {
          const subscription = liveQuery(() => session.insights.practiceWide()).subscribe({
            next: () => {
              resolve();
              queueMicrotask(() => subscription.unsubscribe());
            },
            error: reject,
          });
        }),
    );

    // Its parts, one at a time.
    const summaries = createInsightSummaries(db, keys, untracked);
    const [, summariesAllMs] = await time(() => summaries.all());
    const [summaryRows, summaryRowsReadMs] = await time(() =>
      db.sealed('insightSummaries').toArray(),
    );
    const address = (row: SealedRow) =>
      ({ vaultId: keys.vaultId, table: 'insightSummaries', recordId: row.id }) as const;
    const [, summaryDecryptMs] = await time(() => {
      for (const row of summaryRows) decryptRecord(keys.dataKey, address(row), row.sealed);
    });
    const [, summaryDecryptParseMs] = await time(() => {
      for (const row of summaryRows)
        parseRecordJson(
          address(row),
          decryptRecord(keys.dataKey, address(row), row.sealed).plaintext,
        );
    });
    const [opened, summaryOpenMs] = await time(() =>
      summaryRows.map((row) => openRow<InsightSummary>(entities.insightSummaries, keys, row)),
    );
    const [, reviewIndexCountMs] = await time(() => countFromIndex(db.sealed('reviews')));
    const [, assignmentIndexCountMs] = await time(() => countFromIndex(db.sealed('assignments')));
    const [, indexTotalsMs] = await time(() =>
      Promise.all([db.sealed('reviews').count(), db.sealed('assignments').count()]),
    );
    const [, indexCountsPerClientMs] = await time(() =>
      Promise.all(
        opened.flatMap(({ clientId }) => [
          db.sealed('reviews').where('clientId').equals(clientId).count(),
          db.sealed('assignments').where('clientId').equals(clientId).count(),
        ]),
      ),
    );
    const [calendarMap, calendarsMs] = await time(() => session.sessions.calendars());
    const calendarRows = await db.sealed('sessionCalendars').toArray();
    const [, calendarOpenMs] = await time(() =>
      calendarRows.map((row) => openRow(entities.sessionCalendars, keys, row)),
    );
    const [log, logAllMs] = await time(() => session.log.all());
    const logRows = await db.sealed('log').toArray();
    const [, logOpenMs] = await time(() => logRows.map((row) => openRow(entities.log, keys, row)));

    // What the screen works out from them (PracticeInsightsScreen's useMemo and categories).
    const [custom, templatesColdMs] = await time(() => session.templates.latest());
    const [, templatesWarmMs] = await time(() => session.templates.latest());
    // The library's items and search index, as useLibrary makes them.
    const builtinItems = options.templates.map(({ id, version, ...content }): LibraryItem => ({
      key: id,
      origin: 'builtin',
      version,
      recordId: null,
      content,
      archived: false,
      favourite: false,
    }));
    const customItems = custom.templates.map(
      ({
        id,
        lineageId,
        version,
        basedOn: _basedOn,
        archivedAt,
        createdAt: _created,
        ...content
      }): LibraryItem => ({
        key: lineageId,
        origin: 'custom',
        version,
        recordId: id,
        content,
        archived: archivedAt !== null,
        favourite: false,
      }),
    );
    const [, libraryIndexBuiltinMs] = await time(() => new LibrarySearch(builtinItems));
    const [, libraryIndexAllMs] = await time(
      () => new LibrarySearch([...builtinItems, ...customItems]),
    );
    const categories = new Map<string, string>(
      custom.templates.map((template) => [template.lineageId, template.category]),
    );
    const [numbers, numbersMs] = await time(() => {
      const reviews = data.summaries.flatMap((summary) => summary.reviews);
      const all = {
        overall: completionOf(reviews),
        byMonth: completionByMonth(data.summaries),
        byTemplate: completionByTemplate(data.summaries),
        byDose: completionByDoseSize(data.summaries),
        byConfidence: completionByConfidence(data.summaries),
        bySpecificPlan: completionBySpecificPlan(data.summaries),
        byIfThen: completionByIfThenPlans(data.summaries),
        barriers: barriersByFrequency(reviews),
        habits: clinicianHabits(data.habits),
      };
      const byCategory = completionByCategory(
        data.summaries,
        (templateId) => categories.get(templateId) ?? null,
      );
      return { ...all, byCategory };
    });
    const [, repairCheckMs] = await time(() => session.insights.repair());

    return {
      practiceWideMs,
      practiceWideAgainMs,
      practiceWideLiveMs,
      summariesAllMs,
      summaryRowsReadMs,
      summaryDecryptMs,
      summaryDecryptParseMs,
      summaryOpenMs,
      reviewIndexCountMs,
      assignmentIndexCountMs,
      indexTotalsMs,
      indexCountsPerClientMs,
      calendarsMs,
      calendarOpenMs,
      logAllMs,
      logOpenMs,
      numbersMs,
      templatesColdMs,
      templatesWarmMs,
      libraryIndexBuiltinMs,
      libraryIndexAllMs,
      repairCheckMs,
      summaries: summaryRows.length,
      sealedSummaryBytes: summaryRows.reduce((sum, row) => sum + row.sealed.length, 0),
      reviewFacts: opened.reduce((sum, summary) => sum + summary.reviews.length, 0),
      assignmentFacts: opened.reduce((sum, summary) => sum + summary.assignments.length, 0),
      calendars: calendarMap.size,
      logEntries: log.records.length,
      customTemplates: custom.templates.length,
      months: numbers.byMonth.length,
    };
  } finally {
    closeVaultSession(session);
  }
}

// In-page part of the Today benchmark (today.bench.ts): bundled by esbuild and run in a page of
// the built renderer's origin, so the records land in Chromium's IndexedDB for that vault. It
// unlocks the vault's header with the passphrase and seeds the large practice with the app's
// seed module (src-renderer/data/seed/large-practice.ts), which writes through the app's own
// data layer, so every record is validated, sealed and indexed exactly as the app does it. The
// content is generated from a fixed seed; record ids and nonces are random, as the app makes them.
import { decryptRecord, parseRecordJson } from '../../src-shared/vault/record-codec';
import type { BuiltinTemplate } from '../../src-shared/domain/template';
import { openRow } from '../../src-renderer/data/encrypted-table';
import { entities } from '../../src-renderer/data/entities';
import { todayWindow } from '../../src-renderer/features/sessions/today-days';
import { largePracticePlan } from '../../src-renderer/data/seed/large-practice-plan';
import { seedLargePractice } from '../../src-renderer/data/seed/large-practice';
import { openWithPassphrase } from '../../src-renderer/data/seed/open-with-passphrase';
import { closeVaultSession, internalsOf } from '../../src-renderer/data/vault-session';

/** The shape of the seeded practice. */
export type SeedPlan = {
  clients: number;
  sessionsPerClient: number;
  /** Clients seen now: one session in Today's window, one the week after, the rest weekly before. */
  activeClients: number;
  /** Clients on a break: fortnightly sessions that ended one to three months ago. */
  pausedClients: number;
  seed: number;
};

/** What was written, and how long it took. */
export type SeedResult = {
  clients: number;
  sessions: number;
  assignments: number;
  activeAssignments: number;
  sessionsInTodayWindow: number;
  sealedSessionBytes: number;
  kdf: { opsLimit: number; memLimitBytes: number };
  seedMs: number;
};

/** Timings of the reads Today makes, without React, in ms. */
export type ProbeResult = {
  /** Argon2id alone, on this page's main thread, with the vault's own settings. */
  kdfMs: number;
  /** Reading the 6,000 sealed session rows out of IndexedDB (Dexie `toArray`). */
  readSessionRowsMs: number;
  /** Only decrypting those rows (XChaCha20-Poly1305), no JSON or validation. */
  decryptSessionsMs: number;
  /** Decrypting them and parsing their JSON (`parseRecordJson`), no validation. */
  decryptAndParseMs: number;
  /** Opening them as the app does (`openRow`: decrypt, JSON, text repair, schema validation). */
  openRowsMs: number;
  /** `sessions.startingBetween` for Today's window: read, decrypt, parse, validate, filter. */
  startingBetweenMs: number;
  /** `clients.all()`. */
  clientsAllMs: number;
  /** `sessions.forClient` and `assignments.forClient` for each client with a session in the window. */
  perClientMs: number;
  /** The whole of useUpcomingSessions' query as it runs it (the above, concurrently). */
  todayQueryMs: number;
  upcoming: number;
};

/**
 * Seeds the vault with the large practice (its other counts as in `largePracticePlan`) for
 * `plan`'s clients and seed: active clients weekly up to next week, so Today shows sessions,
 * practice due and how review went last time.
 */
export async function seed(options: {
  headerBase64: string;
  passphrase: string;
  templates: BuiltinTemplate[];
  plan: SeedPlan;
}): Promise<SeedResult> {
  const started = performance.now();
  const { session, kdf } = await openWithPassphrase(options.headerBase64, options.passphrase);
  try {
    const counts = await seedLargePractice(session, {
      plan: { ...largePracticePlan, ...options.plan },
      builtins: options.templates,
    });
    const { from, to } = todayWindow(new Date());
    const inWindow = await session.sessions.startingBetween(from.toISOString(), to.toISOString());
    const sealed = await internalsOf(session).db.sealed('sessions').toArray();
    return {
      clients: counts.clients,
      sessions: counts.sessions,
      assignments: counts.assignments,
      activeAssignments: counts.assignmentsByStatus.active ?? 0,
      sessionsInTodayWindow: inWindow.records.length,
      sealedSessionBytes: sealed.reduce((sum, row) => sum + row.sealed.length, 0),
      kdf,
      seedMs: performance.now() - started,
    };
  } finally {
    closeVaultSession(session);
  }
}

/**
 * Times the reads behind Today one by one, with the app's repositories on this page, to say
 * where the time goes. The vault is opened with the passphrase here, which also times
 * Argon2id alone with the vault's settings.
 */
export async function probe(options: {
  headerBase64: string;
  passphrase: string;
}): Promise<ProbeResult> {
  const { session, kdfMs } = await openWithPassphrase(options.headerBase64, options.passphrase);
  try {
    const { db, keys } = internalsOf(session);
    const { sessions, clients, assignments } = session;
    const { from, to } = todayWindow(new Date());
    const range = [from.toISOString(), to.toISOString()] as const;

    let t0 = performance.now();
    const rows = await db.sealed('sessions').toArray();
    const readSessionRowsMs = performance.now() - t0;
    t0 = performance.now();
    for (const row of rows)
      decryptRecord(
        keys.dataKey,
        { vaultId: keys.vaultId, table: 'sessions', recordId: row.id },
        row.sealed,
      );
    const decryptSessionsMs = performance.now() - t0;
    t0 = performance.now();
    for (const row of rows) {
      const address = { vaultId: keys.vaultId, table: 'sessions', recordId: row.id } as const;
      parseRecordJson(address, decryptRecord(keys.dataKey, address, row.sealed).plaintext);
    }
    const decryptAndParseMs = performance.now() - t0;
    t0 = performance.now();
    for (const row of rows) openRow(entities.sessions, keys, row);
    const openRowsMs = performance.now() - t0;

    t0 = performance.now();
    const upcoming = await sessions.startingBetween(...range);
    const startingBetweenMs = performance.now() - t0;
    t0 = performance.now();
    await clients.all();
    const clientsAllMs = performance.now() - t0;
    const clientIds = [...new Set(upcoming.records.map((each) => each.clientId))];
    t0 = performance.now();
    await Promise.all(
      clientIds.map(async (clientId) => [
        (await sessions.forClient(clientId)).records,
        (await assignments.forClient(clientId)).records,
      ]),
    );
    const perClientMs = performance.now() - t0;

    // As useUpcomingSessions runs it: the window and the clients together, then per client.
    t0 = performance.now();
    const [again] = await Promise.all([sessions.startingBetween(...range), clients.all()]);
    await Promise.all(
      [...new Set(again.records.map((each) => each.clientId))].map(async (clientId) => [
        (await sessions.forClient(clientId)).records,
        (await assignments.forClient(clientId)).records,
      ]),
    );
    const todayQueryMs = performance.now() - t0;
    return {
      kdfMs,
      readSessionRowsMs,
      decryptSessionsMs,
      decryptAndParseMs,
      openRowsMs,
      startingBetweenMs,
      clientsAllMs,
      perClientMs,
      todayQueryMs,
      upcoming: upcoming.records.length,
    };
  } finally {
    closeVaultSession(session);
  }
}

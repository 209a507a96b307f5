// In-page part of the Today benchmark (today.bench.ts): bundled by esbuild and run in a page of
// the built renderer's origin, so the records land in Chromium's IndexedDB for that vault. It
// unlocks the vault's header with the passphrase and writes through the app's own data layer
// (`openVaultSession` and its repositories), so every record is validated, sealed and indexed
// exactly as the app does it. The content is generated from a fixed seed; record ids and
// nonces are random, as the app makes them.
import { format, parseISO } from 'date-fns';
import { fromBase64 } from '../../src-shared/crypto/bytes';
import { deriveKeyFromPassphrase } from '../../src-shared/crypto/kdf';
import { loadSodium } from '../../src-shared/crypto/sodium';
import type { Assignment } from '../../src-shared/domain/assignment';
import { barrierKinds } from '../../src-shared/domain/barrier-kinds';
import type { ClientStatus } from '../../src-shared/domain/client';
import type { Session } from '../../src-shared/domain/session';
import type { BuiltinTemplate } from '../../src-shared/domain/template';
import { parseHeader } from '../../src-shared/vault/header';
import { unlockWithPassphrase } from '../../src-shared/vault/key-slots';
import { decryptRecord, parseRecordJson } from '../../src-shared/vault/record-codec';
import { openRow } from '../../src-renderer/data/encrypted-table';
import { entities } from '../../src-renderer/data/entities';
import { todayWindow } from '../../src-renderer/features/sessions/today-days';
import {
  closeVaultSession,
  internalsOf,
  openVaultSession,
  type VaultSession,
} from '../../src-renderer/data/vault-session';

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

/** A small, fast, seeded PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Invented names: 20 × 15 = 300 distinct, none of them a real person's.
export const FIRST = [
  'Ardo',
  'Belka',
  'Corvin',
  'Dessa',
  'Elmo',
  'Fenna',
  'Galo',
  'Hesper',
  'Ilka',
  'Jorund',
  'Kessa',
  'Lumo',
  'Mirel',
  'Nabo',
  'Orla',
  'Pim',
  'Quilla',
  'Rusk',
  'Sella',
  'Tovin',
];
export const LAST = [
  'Ashgrove',
  'Brindlecombe',
  'Cobbleton',
  'Dunmarrow',
  'Eldwick',
  'Fernhollow',
  'Gorsebury',
  'Hazelmoor',
  'Ivybank',
  'Juniperly',
  'Kettlewick',
  'Larkspurr',
  'Mossmere',
  'Nettlecombe',
  'Oakhallow',
];

export const TOPICS = [
  'Sleep since last week',
  'Work stress and the new manager',
  'Visit to their mother',
  'Worry about money',
  'Panic on the bus',
  'Conflict with a flatmate',
  'Energy in the mornings',
  'Avoiding phone calls',
  'Plans for the weekend',
  'Urges after dinner',
  'Self-criticism after mistakes',
  'Returning to the gym',
  'Feeling low on Sundays',
  'Preparing for the appointment with the GP',
];
export const SUMMARY = [
  'We looked back at the week and what helped on the harder days.',
  'You noticed that going out early made the afternoon easier.',
  'We talked about how worry builds in the evening and what interrupts it.',
  'You tried the first step and it was less frightening than expected.',
  'We agreed to keep the plan small so that it fits a busy week.',
  'You named what matters most to you right now: rest, friends and work that feels fair.',
  'We practised the breathing exercise together for five minutes.',
];
export const NOTES = [
  'Mood appeared brighter than last time; good eye contact.',
  'Reported two nights of poor sleep after a stressful shift.',
  'No risk concerns raised; safety plan reviewed briefly and still fits.',
  'Some avoidance around the topic of the family visit; return to it next time.',
  'Homework partly done; barriers were time and forgetting rather than fear.',
  'Consider introducing the thought record once the routine is steadier.',
  'Discussed the referral letter; they will bring the form next week.',
  'Engaged well; asked good questions about the rationale.',
];
export const WHY = [
  'I want my evenings back instead of lying awake going over everything.',
  'When I get outside I feel more like myself and less stuck.',
  'My sister says I seem brighter on the days I do something small.',
  'I would like to be able to take the bus to work without dreading it.',
  'It matters to me to be kinder to myself after a bad day.',
];
export const WHERE = [
  'at home',
  'in the park by the river',
  'at the kitchen table',
  'on the way to work',
];
export const CUES = [
  'after breakfast',
  'when I get home',
  'after brushing my teeth',
  'after lunch',
];
export const REASONS = [
  'We spent the time on a difficult week at work.',
  'A safety check took priority today.',
  'They arrived late and we kept to what was most pressing.',
];

/** Opens the vault from its header and passphrase, deriving the key on this page's main thread. */
export async function openWithPassphrase(
  headerBase64: string,
  passphrase: string,
): Promise<{ session: VaultSession; kdfMs: number; kdf: SeedResult['kdf'] }> {
  await loadSodium();
  const headerBytes = fromBase64(headerBase64);
  const slot = parseHeader(headerBytes).slots.find((each) => each.kind === 'passphrase');
  if (!slot) throw new Error('The vault has no passphrase slot.');
  let kdfMs = 0;
  const unlocked = await unlockWithPassphrase(headerBytes, passphrase, async (...args) => {
    const started = performance.now();
    const key = deriveKeyFromPassphrase(...args);
    kdfMs = performance.now() - started;
    return key;
  });
  const session = await openVaultSession(unlocked);
  return {
    session,
    kdfMs,
    kdf: { opsLimit: slot.opsLimit, memLimitBytes: slot.memLimitBytes },
  };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A local date-time `days` after today's midnight, at hh:mm, as the app stores it (UTC ISO). */
export function at(today: Date, days: number, hour: number, minute: number): string {
  const date = new Date(today);
  date.setDate(date.getDate() + days);
  date.setHours(hour, minute, 0, 0);
  return date.toISOString();
}

export const localDate = (iso: string) => format(parseISO(iso), 'yyyy-MM-dd');

/**
 * Seeds the vault: `plan.clients` clients with `plan.sessionsPerClient` sessions each (held or
 * cancelled in the past with topics, a summary and notes; planned ahead), and assignments from
 * the built-in templates, the latest of them still active for the clients seen now, so Today
 * shows practice due and how review went last time. One durable transaction per client.
 */
export async function seed(options: {
  headerBase64: string;
  passphrase: string;
  templates: BuiltinTemplate[];
  plan: SeedPlan;
}): Promise<SeedResult> {
  const started = performance.now();
  const { plan, templates } = options;
  const { session, kdf } = await openWithPassphrase(options.headerBase64, options.passphrase);
  const { clients, sessions, assignments } = session;
  const { db } = internalsOf(session);
  const next = random(plan.seed);
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(next() * list.length)];
    if (item === undefined) throw new Error('empty list');
    return item;
  };
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const count = min + Math.floor(next() * (max - min + 1));
    return Array.from({ length: count }, () => pick(list));
  };
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  // The weekdays (Mon–Fri) among today and the seven days after it: when active clients come.
  const workdays = Array.from({ length: 8 }, (_, day) => day).filter((day) => {
    const weekday = new Date(today.getTime() + day * DAY_MS + DAY_MS / 2).getDay();
    return weekday >= 1 && weekday <= 5;
  });
  const { from, to } = todayWindow(new Date());
  const counts = { sessions: 0, assignments: 0, active: 0, inWindow: 0 };

  for (let index = 0; index < plan.clients; index++) {
    const name = `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]}`;
    const status: ClientStatus =
      index < plan.activeClients
        ? 'active'
        : index < plan.activeClients + plan.pausedClients
          ? 'paused'
          : 'discharged';
    const hour = 8 + ((index * 3) % 10);
    const minute = index % 2 === 0 ? 0 : 30;
    // Session start days, relative to today, earliest first.
    let days: number[];
    if (status === 'active') {
      const slot = workdays[index % workdays.length] ?? 1;
      days = Array.from({ length: plan.sessionsPerClient }, (_, n) => slot + 7 * (n - 18));
    } else if (status === 'paused') {
      const last = -(30 + Math.floor(next() * 60));
      days = Array.from(
        { length: plan.sessionsPerClient },
        (_, n) => last - 14 * (plan.sessionsPerClient - 1 - n),
      );
    } else {
      const last = -(100 + Math.floor(next() * 1300));
      const every = next() < 0.5 ? 7 : 14;
      days = Array.from(
        { length: plan.sessionsPerClient },
        (_, n) => last - every * (plan.sessionsPerClient - 1 - n),
      );
    }
    const starts = days.map((day) => at(today, day, hour, minute));
    const lastPast = starts.filter((start) => start < new Date().toISOString()).length - 1;

    await db.transaction(
      'rw',
      [
        db.sealed('clients'),
        db.sealed('sessions'),
        db.sealed('sessionCalendars'),
        db.sealed('assignments'),
      ],
      async () => {
        const client = await clients.add(name);
        if (status !== 'active') await clients.setStatus(client.id, status);
        await clients.setPrivateNotes(client.id, some(NOTES, 1, 3).join(' '));

        const booked: Session[] = [];
        for (const [n, startsAt] of starts.entries()) {
          const past = n <= lastPast;
          booked.push(
            await sessions.book({
              clientId: client.id,
              startsAt,
              durationMinutes: 50,
              status: past ? (next() < 0.08 ? 'cancelled' : 'held') : 'planned',
            }),
          );
          if (startsAt >= from.toISOString() && startsAt < to.toISOString()) counts.inWindow += 1;
        }
        counts.sessions += booked.length;

        // Practice set at these sessions (by index), and what became of it.
        const setAt: { at: number; status: Assignment['status'] }[] =
          status === 'active'
            ? [
                { at: lastPast - 6, status: 'completed' },
                { at: lastPast - 4, status: 'completed' },
                { at: lastPast - 1, status: 'active' },
                { at: lastPast, status: 'active' },
                { at: lastPast, status: 'active' },
              ]
            : status === 'paused'
              ? [
                  { at: lastPast - 2, status: 'completed' },
                  { at: lastPast, status: 'paused' },
                ]
              : [
                  { at: lastPast - 3, status: 'completed' },
                  { at: lastPast - 1, status: 'completed' },
                ];
        const reviewAt = new Map<number, Session['reviewItems']>();
        const made: Assignment[] = [];
        for (const set of setAt) {
          const where = booked[set.at];
          const following = booked[set.at + 1];
          if (!where || !following) continue;
          const template = pick(templates);
          const { id: templateId, version, ...content } = template;
          const draft = await assignments.start(
            {
              clientId: client.id,
              sessionId: where.id,
              startsOn: localDate(where.startsAt),
              reviewBy: localDate(following.startsAt),
            },
            { from: 'template', ref: { templateId, version }, template: content },
          );
          const agreedAt = new Date().toISOString();
          made.push(
            await assignments.save({
              ...draft,
              whyItMatters: pick(WHY),
              whatFeelsDoable: 'Starting with the smallest version on the easiest day.',
              dose: draft.doseOptions[0] ?? null,
              days: [1, 3, 5],
              plan: {
                what: draft.title.slice(0, 200),
                time: '08:30',
                cue: pick(CUES),
                where: pick(WHERE),
              },
              barriers: [
                {
                  kind: pick(barrierKinds),
                  barrier: 'I might be too tired',
                  ifThen: 'If I am tired, then I will do the two-minute version.',
                },
              ],
              backupPlan: 'Do one minute of it, just to keep the habit.',
              confidenceBefore: 5 + Math.floor(next() * 3),
              confidenceAfter: 7 + Math.floor(next() * 3),
              importance: 6 + Math.floor(next() * 5),
              reminderPlace: 'a note on the kettle',
              cautionsAcknowledgedAt: draft.cautions.length > 0 ? agreedAt : null,
              builderStep: 3,
              status: set.status,
            }),
          );
          // Reviewed at the next session (or set aside with a reason, now and then).
          const items = reviewAt.get(set.at + 1) ?? [];
          const deferred = set.status === 'active' && next() < 0.35;
          items.push({
            assignmentId: draft.id,
            state: deferred ? 'deferred' : 'reviewed',
            deferredBecause: deferred ? pick(REASONS) : '',
            reviewId: null,
          });
          if (set.at + 1 <= lastPast) reviewAt.set(set.at + 1, items);
        }
        counts.assignments += made.length;
        counts.active += made.filter((assignment) => assignment.status === 'active').length;

        // What was said and noted at each session held (re-read: setting practice saved some).
        for (const [n, booking] of booked.entries()) {
          if (booking.status !== 'held') continue;
          const current = await sessions.get(booking.id);
          if (!current) throw new Error('A session just booked is gone.');
          await sessions.save({
            ...current,
            topics: some(TOPICS, 2, 4),
            summaryForClient: some(SUMMARY, 2, 3).join(' '),
            privateNotes: some(NOTES, 2, 5).join('\n'),
            reviewItems: reviewAt.get(n) ?? [],
          });
        }
      },
    );
  }
  await session.writesSettled();
  const sealed = await db.sealed('sessions').toArray();
  const result: SeedResult = {
    clients: plan.clients,
    sessions: counts.sessions,
    assignments: counts.assignments,
    activeAssignments: counts.active,
    sessionsInTodayWindow: counts.inWindow,
    sealedSessionBytes: sealed.reduce((sum, row) => sum + row.sealed.length, 0),
    kdf,
    seedMs: performance.now() - started,
  };
  closeVaultSession(session);
  return result;
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

// In-page part of the Insights benchmark (insights.bench.ts): bundled by esbuild and run in a
// page of the built renderer's origin, like today-seed.ts, whose helpers it shares. It seeds a
// practice two years deep (clients, sessions, custom templates, assignments, finished reviews,
// practice-log days and the vault log's handouts) through the app's own data layer: every record
// is validated and sealed by `EncryptedTable` as the app does it, and each client's session
// calendar and insight summary is rewritten once, after their records, by the app's own code
// (`createSessionCalendars(…).rewrite`, `createInsightSummaries(…).rewrite`). It then times the
// reads behind the practice-wide Insights screen, part by part, without React.
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { liveQuery, type Table } from 'dexie';
import type { Assignment, AssignmentStatus } from '../../src-shared/domain/assignment';
import { draftFromScratch, draftFromTemplate } from '../../src-shared/domain/assignment-draft';
import { barrierKinds } from '../../src-shared/domain/barrier-kinds';
import type { ClientStatus } from '../../src-shared/domain/client';
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
import type { PracticeLog } from '../../src-shared/domain/practice-log';
import { newRecordId } from '../../src-shared/domain/record-id';
import {
  planUses,
  type Review,
  type ReviewDecision,
  type ReviewOutcome,
} from '../../src-shared/domain/review';
import type { Session } from '../../src-shared/domain/session';
import type {
  BuiltinTemplate,
  CustomTemplate,
  TemplateContent,
  TemplateRef,
} from '../../src-shared/domain/template';
import type { VaultLogEntry } from '../../src-shared/domain/vault-log';
import { decryptRecord, parseRecordJson } from '../../src-shared/vault/record-codec';
import { EncryptedTable, openRow, untracked } from '../../src-renderer/data/encrypted-table';
import { entities } from '../../src-renderer/data/entities';
import { createInsightSummaries } from '../../src-renderer/data/insight-summaries';
import { createSessionCalendars } from '../../src-renderer/data/session-calendars';
import type { SealedRow } from '../../src-renderer/data/vault-database';
import { closeVaultSession, internalsOf } from '../../src-renderer/data/vault-session';
import {
  at,
  CUES,
  DAY_MS,
  FIRST,
  LAST,
  localDate,
  NOTES,
  openWithPassphrase,
  random,
  REASONS,
  SUMMARY,
  TOPICS,
  WHERE,
  WHY,
} from './today-seed';

/** The shape of the seeded practice. */
export type InsightsSeedPlan = {
  clients: number;
  sessionsPerClient: number;
  /** Clients seen now: weekly sessions up to next week. */
  activeClients: number;
  /** Clients on a break: fortnightly sessions that ended one to three months ago. */
  pausedClients: number;
  /** Assignments in all (drafts included), set in held sessions. */
  assignments: number;
  /** Finished reviews in all, each of one agreed assignment at the next session held. */
  reviews: number;
  /** Practice-log days in all, within the agreed assignments' dates. */
  practiceLogs: number;
  /** Custom templates added to the 44 built-in ones. */
  customTemplates: number;
  /** How far back the practice goes, in days. */
  historyDays: number;
  seed: number;
};

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

type PlannedSession = { startsAt: string; status: Session['status'] };

type PlannedAssignment = {
  /** Index of the session it is set in (a held one). */
  session: number;
  /** Index of the next session (any), whose day is the review date; null when none. */
  next: number | null;
  /** Index of the next held session before today, where it is reviewed; null when none. */
  reviewAt: number | null;
  status: AssignmentStatus;
  /** Days practice can be logged: from the start to the review date, or today. */
  capacity: number;
  logs: number;
  reviewed: boolean;
};

type PlannedClient = {
  name: string;
  status: ClientStatus;
  sessions: PlannedSession[];
  assignments: PlannedAssignment[];
};

const HAPPENED = [
  'Did it on the first three mornings, then the week got busy.',
  'Went out twice after breakfast; the second time felt easier.',
  'Tried it on the bus instead of at home, which worked better.',
  'Forgot until Thursday, then did a shorter version each evening.',
  'Did not get to it: the children were ill most of the week.',
  'Managed every planned day and added one more.',
];
const LEARNED = [
  'Starting small made it easier to begin at all.',
  'The worry came down on its own when I stayed with it.',
  'Doing it straight after the cue was what made it stick.',
  'Evenings are harder than mornings for me.',
  'I can do it even when I do not feel like it.',
];
const WINS = [
  'Took the bus to the shops on Saturday.',
  'Slept through two nights.',
  'Called the GP surgery without putting it off.',
  'Noticed the urge and let it pass.',
  '',
];
const BARRIER_NOTES = [
  'Long shifts all week.',
  'Felt too flat in the evenings.',
  'The note on the kettle fell off.',
  'Worried about what my flatmate would think.',
  'Did not see the point after a bad day.',
  '',
];
const DECISION_REASONS = [
  'It is working; keep the same plan for another week.',
  'Ready for the next step on the ladder.',
  'Fitting it to the shorter evenings.',
  'Trying it after lunch instead of in the morning.',
  '',
];
const SCRATCH_TITLES = [
  'Phone one friend this week',
  'Ten minutes outside before work',
  'Write down three things that went all right',
  'Lights out by eleven',
];
const NOTES_ON_DAYS = [
  'Felt a bit better afterwards.',
  'Hard to start, fine once going.',
  'Did it with my sister.',
  'Rained, so did it indoors.',
];
const SHORT_TEXT = ['calm', 'a bit anxious', 'tired', 'pleased with myself', 'restless'];

/** Largest-remainder shares of `total` by `weights`, summing to `total` exactly. */
function shares(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const result = exact.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (left-- <= 0) break;
    result[index] = (result[index] ?? 0) + 1;
  }
  return result;
}

const minutesAfter = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

const contentOfBuiltin = ({ id: _id, version: _version, ...content }: BuiltinTemplate) => content;

/**
 * Seeds the vault (see the file's opening comment). Records are written in large transactions,
 * a few clients at a time; each client's calendar and insight summary is rewritten once, at the
 * end of its clients' transaction. Progress is logged to the console.
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
  const { plan, templates: builtins } = options;
  const { session, kdf } = await openWithPassphrase(options.headerBase64, options.passphrase);
  const { db, keys } = internalsOf(session);
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
  const distinct = <T>(list: readonly T[], count: number): T[] => {
    const pool = [...list];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0)
      chosen.push(...pool.splice(Math.floor(next() * pool.length), 1));
    return chosen;
  };
  const weighted = <T extends string>(weights: readonly (readonly [T, number])[]): T => {
    let roll = next() * weights.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of weights) if ((roll -= weight) < 0) return value;
    const last = weights.at(-1);
    if (!last) throw new Error('no weights');
    return last[0];
  };
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [list[i], list[j]] = [list[j] as T, list[i] as T];
    }
    return list;
  };

  const now = new Date();
  const nowIso = now.toISOString();
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const todayDate = format(today, 'yyyy-MM-dd');
  const workdays = Array.from({ length: 8 }, (_, day) => day).filter((day) => {
    const weekday = new Date(today.getTime() + day * DAY_MS + DAY_MS / 2).getDay();
    return weekday >= 1 && weekday <= 5;
  });

  // 1. The practice's shape: each client's sessions, and where each assignment is set, what
  //    became of it, when it is reviewed and how many days of practice it can log.
  const sessionsSpan = (every: number) => every * (plan.sessionsPerClient - 1);
  const clientWeights = Array.from({ length: plan.clients }, () => 0.5 + next());
  const assignmentCounts = shares(plan.assignments, clientWeights);
  const planned: PlannedClient[] = [];
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
    let days: number[];
    if (status === 'active') {
      const slot = workdays[index % workdays.length] ?? 1;
      days = Array.from({ length: plan.sessionsPerClient }, (_, n) => slot + 7 * (n - 18));
    } else {
      const every = status === 'paused' || next() < 0.5 ? 14 : 7;
      const last =
        status === 'paused'
          ? -(30 + Math.floor(next() * 60))
          : -(45 + Math.floor(next() * (plan.historyDays - 45 - sessionsSpan(every))));
      days = Array.from(
        { length: plan.sessionsPerClient },
        (_, n) => last - every * (plan.sessionsPerClient - 1 - n),
      );
    }
    const sessions = days.map((day): PlannedSession => {
      const startsAt = at(today, day, hour, minute);
      return {
        startsAt,
        status: startsAt < nowIso ? (next() < 0.08 ? 'cancelled' : 'held') : 'planned',
      };
    });
    const held = sessions.flatMap((each, n) => (each.status === 'held' ? [n] : []));
    const count = assignmentCounts[index] ?? 0;
    const assignments = Array.from({ length: count }, (_, k): PlannedAssignment => {
      const setAt = held[Math.floor((k * held.length) / count)];
      if (setAt === undefined) throw new Error('A client has no held session to set practice in.');
      const following = setAt + 1 < sessions.length ? setAt + 1 : null;
      const reviewAt = held.find((n) => n > setAt) ?? null;
      const recent = held.indexOf(setAt) >= held.length - 4;
      const assignmentStatus: AssignmentStatus =
        next() < 0.04
          ? 'draft'
          : reviewAt === null
            ? status === 'active'
              ? 'active'
              : status === 'paused'
                ? 'paused'
                : weighted([
                    ['completed', 2],
                    ['stopped', 1],
                  ])
            : weighted([
                ['completed', 50],
                ['replaced', 20],
                ['stopped', 12],
                ['paused', 6],
                [status === 'active' && recent ? 'active' : 'completed', 12],
              ]);
      const startsOn = localDate(sessions[setAt]?.startsAt ?? nowIso);
      const nextSession = following === null ? undefined : sessions[following];
      const reviewBy = nextSession
        ? localDate(nextSession.startsAt)
        : format(addDays(parseISO(startsOn), 7), 'yyyy-MM-dd');
      const until = reviewBy < todayDate ? reviewBy : todayDate;
      const capacity =
        assignmentStatus === 'draft'
          ? 0
          : Math.max(0, differenceInCalendarDays(parseISO(until), parseISO(startsOn)) + 1);
      return {
        session: setAt,
        next: following,
        reviewAt: assignmentStatus === 'draft' ? null : reviewAt,
        status: assignmentStatus,
        capacity,
        logs: 0,
        reviewed: false,
      };
    });
    planned.push({ name, status, sessions, assignments });
  }
  const agreed = planned.flatMap((client) =>
    client.assignments.filter((assignment) => assignment.status !== 'draft'),
  );
  // Which agreed assignments were reviewed (at the next session held), chosen at random.
  const reviewable = shuffle(agreed.filter((assignment) => assignment.reviewAt !== null));
  if (reviewable.length < plan.reviews)
    throw new Error(`Only ${reviewable.length} assignments can be reviewed.`);
  for (const assignment of reviewable.slice(0, plan.reviews)) assignment.reviewed = true;
  // How many days each logged, in proportion to its dates (with some spread), to the total.
  const capacity = agreed.reduce((sum, assignment) => sum + assignment.capacity, 0);
  if (capacity < plan.practiceLogs)
    throw new Error(`Only ${capacity} practice days fit the assignments' dates.`);
  const share = plan.practiceLogs / capacity;
  let logged = 0;
  for (const assignment of agreed) {
    assignment.logs = Math.min(
      assignment.capacity,
      Math.round(assignment.capacity * share * (0.5 + next())),
    );
    logged += assignment.logs;
  }
  for (const order = shuffle([...agreed]); logged !== plan.practiceLogs;) {
    for (const assignment of order) {
      if (logged < plan.practiceLogs && assignment.logs < assignment.capacity) {
        assignment.logs += 1;
        logged += 1;
      } else if (logged > plan.practiceLogs && assignment.logs > 0) {
        assignment.logs -= 1;
        logged -= 1;
      }
    }
  }
  phase('plan');

  // 2. Custom templates, so the library holds as many as the library benchmark's.
  const templatesRepo = session.templates;
  const customs: CustomTemplate[] = [];
  const concernPool = [...new Set(builtins.flatMap((template) => template.concerns))].sort();
  await db.transaction('rw', db.sealed('templates'), async () => {
    for (let n = 1; n <= plan.customTemplates; n++) {
      const base = builtins[(n - 1) % builtins.length];
      if (!base) throw new Error('No built-in templates.');
      const content = contentOfBuiltin(base);
      const extra = concernPool[(n * 7) % concernPool.length] ?? 'variant';
      customs.push(
        await templatesRepo.create(
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
  phase('custom templates');

  // 3. Each client's records, a few clients per transaction.
  const { clients } = session;
  const sessionTable = new EncryptedTable<Session>(db, keys, entities.sessions, untracked);
  const assignmentTable = new EncryptedTable<Assignment>(db, keys, entities.assignments, untracked);
  const reviewTable = new EncryptedTable<Review>(db, keys, entities.reviews, untracked);
  const logTable = new EncryptedTable<PracticeLog>(db, keys, entities.practiceLogs, untracked);
  const vaultLog = new EncryptedTable<VaultLogEntry>(db, keys, entities.log, untracked);
  const calendars = createSessionCalendars(db, keys, untracked);
  const summaries = createInsightSummaries(db, keys, untracked);
  const tables = [
    ...new Set([
      db.sealed('clients'),
      sessionTable.table,
      assignmentTable.table,
      reviewTable.table,
      logTable.table,
      vaultLog.table,
      ...calendars.tables,
      ...summaries.tables,
    ]),
  ];
  const counts = {
    sessions: 0,
    held: 0,
    assignments: 0,
    reviews: 0,
    logs: 0,
    vaultLog: 0,
    handouts: 0,
    byStatus: {} as Record<string, number>,
    reviewsFrom: '9999-12-31',
    reviewsTo: '0000-01-01',
  };
  const CLIENTS_PER_TRANSACTION = 10;

  /** The records of one client, made in memory. */
  async function recordsOf(client: PlannedClient) {
    const made = await clients.add(client.name);
    if (client.status !== 'active') await clients.setStatus(made.id, client.status);
    await clients.setPrivateNotes(made.id, some(NOTES, 1, 3).join(' '));
    const clientId = made.id;
    const sessions: Session[] = client.sessions.map((planned) => {
      const held = planned.status === 'held';
      return {
        id: newRecordId(),
        clientId,
        startsAt: planned.startsAt,
        durationMinutes: 50,
        status: planned.status,
        reviewItems: [],
        topics: held ? some(TOPICS, 2, 4) : [],
        assignmentIds: [],
        summaryForClient: held ? some(SUMMARY, 2, 3).join(' ') : '',
        privateNotes: held ? some(NOTES, 2, 5).join('\n') : '',
        reviewedFirst: null,
        revision: held ? 2 : 0,
        createdAt: minutesAfter(planned.startsAt, -7 * 24 * 60),
        updatedAt: held ? minutesAfter(planned.startsAt, 60) : planned.startsAt,
      };
    });
    const assignments: Assignment[] = [];
    const reviews: Review[] = [];
    const logs: PracticeLog[] = [];
    const exports: VaultLogEntry[] = [];
    for (const plannedAssignment of client.assignments) {
      const where = sessions[plannedAssignment.session];
      if (!where) throw new Error('No such session.');
      const following =
        plannedAssignment.next === null ? undefined : sessions[plannedAssignment.next];
      const startsOn = localDate(where.startsAt);
      const placement = {
        id: newRecordId(),
        clientId,
        sessionId: where.id,
        startsOn,
        reviewBy: following
          ? localDate(following.startsAt)
          : format(addDays(parseISO(startsOn), 7), 'yyyy-MM-dd'),
        at: minutesAfter(where.startsAt, 30),
      };
      const source = next();
      let draft: Assignment;
      if (source < 0.08) draft = draftFromScratch(placement, pick(SCRATCH_TITLES));
      else if (source < 0.2 && customs.length > 0) {
        const custom = pick(customs);
        const {
          id: _id,
          lineageId,
          version,
          basedOn: _basedOn,
          archivedAt: _archived,
          createdAt: _created,
          ...content
        } = custom;
        const ref: TemplateRef = { templateId: lineageId, version };
        draft = draftFromTemplate(placement, ref, content satisfies TemplateContent);
      } else {
        const builtin = pick(builtins);
        draft = draftFromTemplate(
          placement,
          { templateId: builtin.id, version: builtin.version },
          contentOfBuiltin(builtin),
        );
      }
      const status = plannedAssignment.status;
      const previous = assignments.at(-1);
      const specific = next() < 0.7;
      const assignment: Assignment =
        status === 'draft'
          ? { ...draft, whyItMatters: pick(WHY), builderStep: 1 }
          : {
              ...draft,
              whyItMatters: pick(WHY),
              whatFeelsDoable: 'Starting with the smallest version on the easiest day.',
              dose:
                next() < 0.9 ? pick(draft.doseOptions.length ? draft.doseOptions : [null]) : null,
              days: distinct([1, 2, 3, 4, 5, 6, 7], 2 + Math.floor(next() * 4)).sort(),
              plan: {
                what: draft.title.slice(0, 200),
                time: specific && next() < 0.5 ? '08:30' : null,
                cue: specific ? pick(CUES) : next() < 0.5 ? pick(CUES) : '',
                where: specific ? pick(WHERE) : '',
              },
              barriers: distinct(barrierKinds, Math.floor(next() * 4)).map((kind) => ({
                kind,
                barrier: 'I might be too tired',
                ifThen:
                  next() < 0.75 ? 'If I am tired, then I will do the two-minute version.' : '',
              })),
              backupPlan: 'Do one minute of it, just to keep the habit.',
              confidenceBefore: next() < 0.9 ? 3 + Math.floor(next() * 6) : null,
              confidenceAfter: next() < 0.6 ? 5 + Math.floor(next() * 5) : null,
              importance: 5 + Math.floor(next() * 6),
              reminderPlace: 'a note on the kettle',
              cautionsAcknowledgedAt:
                draft.cautions.length > 0 ? minutesAfter(where.startsAt, 35) : null,
              replaces:
                previous?.status === 'replaced'
                  ? { assignmentId: previous.id, reason: pick(DECISION_REASONS) || 'Adjusted.' }
                  : null,
              builderStep: 3,
              status,
              revision: 1 + Math.floor(next() * 3),
              updatedAt: minutesAfter(where.startsAt, 45),
            };
      assignments.push(assignment);
      where.assignmentIds.push(assignment.id);
      counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;

      // The days practised, within its dates.
      if (plannedAssignment.logs > 0) {
        const dayNumbers = distinct(
          Array.from({ length: plannedAssignment.capacity }, (_, day) => day),
          plannedAssignment.logs,
        ).sort((a, b) => a - b);
        const minutes = assignment.dose?.dose.minutes;
        for (const day of dayNumbers) {
          const done = weighted([
            ['yes', 55],
            ['partly', 25],
            ['no', 20],
          ] as const);
          const tracker: PracticeLog['tracker'] = {};
          for (const field of assignment.trackerFields) {
            tracker[field.label] =
              field.kind === 'yes-no'
                ? done !== 'no'
                : field.kind === 'count'
                  ? Math.floor(next() * 6)
                  : field.kind === 'minutes'
                    ? Math.floor(next() * 45)
                    : field.kind === 'rating-0-10'
                      ? Math.floor(next() * 11)
                      : field.kind === 'time-of-day'
                        ? `${String(7 + Math.floor(next() * 14)).padStart(2, '0')}:${next() < 0.5 ? '00' : '30'}`
                        : pick(SHORT_TEXT);
          }
          logs.push({
            id: newRecordId(),
            clientId,
            assignmentId: assignment.id,
            date: format(addDays(parseISO(startsOn), day), 'yyyy-MM-dd'),
            done,
            amount:
              minutes === undefined || done === 'no'
                ? null
                : Math.round(minutes * (done === 'yes' ? 1 : 0.5)),
            tracker,
            note: next() < 0.3 ? pick(NOTES_ON_DAYS) : '',
          });
        }
      }

      // Its review at the next session held, or set aside there with a reason.
      if (plannedAssignment.reviewAt === null) continue;
      const reviewSession = sessions[plannedAssignment.reviewAt];
      if (!reviewSession) throw new Error('No such session.');
      if (!plannedAssignment.reviewed) {
        if (next() < 0.5 && reviewSession.reviewItems.length < 20)
          reviewSession.reviewItems.push({
            assignmentId: assignment.id,
            state: 'deferred',
            deferredBecause: pick(REASONS),
            reviewId: null,
          });
        continue;
      }
      const outcome = weighted<ReviewOutcome>([
        ['did-it', 35],
        ['some-of-it', 30],
        ['something-different', 10],
        ['not-this-time', 25],
      ]);
      const percentDone =
        next() < 0.12
          ? null
          : outcome === 'did-it'
            ? 80 + Math.floor(next() * 21)
            : outcome === 'some-of-it'
              ? 25 + Math.floor(next() * 55)
              : outcome === 'something-different'
                ? 10 + Math.floor(next() * 50)
                : Math.floor(next() * 10);
      const amountFrom = percentDone === null ? null : next() < 0.4 ? 'tracker' : 'estimate';
      const barriersMet = distinct(
        barrierKinds,
        outcome === 'did-it'
          ? Math.floor(next() * 2)
          : outcome === 'not-this-time'
            ? 1 + Math.floor(next() * 3)
            : 1 + Math.floor(next() * 2),
      ).map((kind) => ({ kind, note: pick(BARRIER_NOTES) }));
      const decision = weighted<ReviewDecision>(
        outcome === 'did-it'
          ? [
              ['continue', 30],
              ['step-up', 30],
              ['completed', 30],
              ['modify', 10],
            ]
          : [
              ['continue', 35],
              ['make-smaller', 25],
              ['modify', 15],
              ['pause', 10],
              ['stop', 8],
              ['completed', 7],
            ],
      );
      const rating = () => (next() < 0.3 ? null : Math.floor(next() * 5));
      const worse = next() < 0.03 ? 'yes' : next() < 0.93 ? 'no' : null;
      const reviewedAt = minutesAfter(reviewSession.startsAt, 5 + reviewSession.reviewItems.length);
      const review: Review = {
        id: newRecordId(),
        clientId,
        assignmentId: assignment.id,
        sessionId: reviewSession.id,
        reviewedAt,
        outcome,
        smallestVersionMet:
          next() < 0.1
            ? null
            : outcome === 'did-it' ||
              (outcome === 'some-of-it' && next() < 0.7) ||
              (outcome === 'something-different' && next() < 0.4),
        amountFrom,
        percentDone,
        quality: rating(),
        engagement: rating(),
        helpful: rating(),
        hard: rating(),
        understoodWhy: rating(),
        fitsGoals: rating(),
        reportedBy: [
          'client-account',
          ...(amountFrom === 'tracker' ? (['returned-tracker'] as const) : []),
          ...(next() < 0.1 ? (['observed-in-session'] as const) : []),
        ],
        barriersMet,
        barrierNotes: next() < 0.4 ? pick(BARRIER_NOTES) : '',
        ifThenPlan: next() < 0.2 ? null : pick(planUses),
        backupPlan: next() < 0.3 ? null : pick(planUses),
        madeThingsWorse: worse,
        worseNote: worse === 'yes' ? 'Felt shaky for an hour afterwards.' : '',
        happened: pick(HAPPENED),
        learned: pick(LEARNED),
        wins: pick(WINS),
        decision,
        decisionReason: pick(DECISION_REASONS),
        nextAssignmentId: null,
        finished: true,
        revision: 1 + Math.floor(next() * 4),
        createdAt: reviewedAt,
        updatedAt: minutesAfter(reviewedAt, 10),
      };
      reviews.push(review);
      if (reviewSession.reviewItems.length < 20)
        reviewSession.reviewItems.push({
          assignmentId: assignment.id,
          state: 'reviewed',
          deferredBecause: '',
          reviewId: review.id,
        });
      const day = localDate(reviewedAt);
      if (day < counts.reviewsFrom) counts.reviewsFrom = day;
      if (day > counts.reviewsTo) counts.reviewsTo = day;
    }

    // What each session shows: practice reviewed first or not, and what went home.
    for (const each of sessions) {
      if (each.status !== 'held') continue;
      counts.held += 1;
      if (each.reviewItems.length > 0)
        each.reviewedFirst = each.assignmentIds.length === 0 || next() < 0.75;
      const after = (minutes: number) => minutesAfter(each.startsAt, minutes);
      const exported = (
        what: string,
        format: Extract<VaultLogEntry, { kind: 'export' }>['format'],
      ) =>
        exports.push({ id: newRecordId(), kind: 'export', at: after(55), what, format, clientId });
      if (each.assignmentIds.length > 0) {
        if (next() < 0.6) {
          exported(next() < 0.1 ? 'Handout (discreet)' : 'Handout', 'handout-pdf');
          counts.handouts += 1;
        }
        if (next() < 0.25) exported('Tracker', 'tracker-pdf');
        if (next() < 0.04) exported('Calendar reminder', 'calendar-ics');
        if (next() < 0.04) exported('Sticky note image', 'reminder-png');
      }
      if (next() < 0.15) exported('Session summary', 'session-summary-pdf');
    }
    return { clientId, sessions, assignments, reviews, logs, exports };
  }

  let done = 0;
  for (let first = 0; first < planned.length; first += CLIENTS_PER_TRANSACTION) {
    const chunk = planned.slice(first, first + CLIENTS_PER_TRANSACTION);
    await db.transaction('rw', tables, async () => {
      const written: string[] = [];
      for (const client of chunk) {
        const records = await recordsOf(client);
        await Promise.all([
          ...records.sessions.map((record) => sessionTable.put(record)),
          ...records.assignments.map((record) => assignmentTable.put(record)),
          ...records.reviews.map((record) => reviewTable.put(record)),
          ...records.logs.map((record) => logTable.put(record)),
          ...records.exports.map((record) => vaultLog.put(record)),
        ]);
        counts.sessions += records.sessions.length;
        counts.assignments += records.assignments.length;
        counts.reviews += records.reviews.length;
        counts.logs += records.logs.length;
        counts.vaultLog += records.exports.length;
        written.push(records.clientId);
      }
      // Once per client, after all their records: the app's own code makes the derived records.
      for (const clientId of written) {
        await calendars.rewrite(clientId);
        await summaries.rewrite(clientId);
      }
    });
    done += chunk.length;
    console.log(
      `[insights-seed] ${done}/${planned.length} clients: ${counts.sessions} sessions, ${counts.assignments} assignments, ${counts.reviews} reviews, ${counts.logs} practice days, ${counts.vaultLog} log entries (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  phase('clients and their records');

  // The app's own checks after unlocking: nothing should be out of step.
  const calendarsRepaired = await session.sessions.repairCalendars();
  const summariesRepaired = await session.insights.repair();
  await session.writesSettled();
  const sealedSummaries = await db.sealed('insightSummaries').toArray();
  phase('checks');
  const result: InsightsSeedResult = {
    clients: planned.length,
    sessions: counts.sessions,
    heldSessions: counts.held,
    assignments: counts.assignments,
    agreedAssignments: counts.assignments - (counts.byStatus.draft ?? 0),
    assignmentsByStatus: counts.byStatus,
    reviews: counts.reviews,
    practiceLogs: counts.logs,
    vaultLogEntries: counts.vaultLog,
    handouts: counts.handouts,
    customTemplates: customs.length,
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
  closeVaultSession(session);
  return result;
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

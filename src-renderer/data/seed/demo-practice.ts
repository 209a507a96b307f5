import { addDays, format, parseISO } from 'date-fns';
import type { Assignment } from '../../../src-shared/domain/assignment';
import type { Goal } from '../../../src-shared/domain/goal';
import type { Session } from '../../../src-shared/domain/session';
import type { BuiltinTemplate } from '../../../src-shared/domain/template';
import type { VaultLogEntry } from '../../../src-shared/domain/vault-log';
import { newRecordId } from '../../../src-shared/domain/record-id';
import { EncryptedTable } from '../encrypted-table';
import { entities } from '../entities';
import { internalsOf, type VaultSession } from '../vault-session';
import {
  type DemoClient,
  type DemoPractice,
  type DemoReview,
  demoClients,
} from './demo-practice-content';
import { dateClientFromFirstSession } from './client-since';
import { contentOfBuiltin, minutesAfter } from './large-practice-records';
import { localDateTime, localDay } from './practice-shape';

/** What the demo seeding wrote. */
export type DemoPracticeCounts = {
  clients: number;
  goals: number;
  sessions: number;
  assignments: number;
  reviews: number;
  practiceDays: number;
  handouts: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The day (relative to today) each client's weekly session falls on: the weekdays among today
 * and the week after, one client each, so Today has sessions to show from the start.
 */
function weeklySlots(today: Date, clients: number): number[] {
  const weekdays = Array.from({ length: 8 }, (_, day) => day).filter((day) => {
    const weekday = new Date(today.getTime() + day * DAY_MS + DAY_MS / 2).getDay();
    return weekday >= 1 && weekday <= 5;
  });
  return Array.from({ length: clients }, (_, index) => weekdays[index % weekdays.length] ?? 1);
}

/** Books the four sessions held (a week apart) and, if booked, the one coming up; writes up those held. */
async function bookSessions(
  session: VaultSession,
  clientId: string,
  client: DemoClient,
  starts: string[],
): Promise<Session[]> {
  const booked: Session[] = [];
  for (const [n, startsAt] of starts.entries()) {
    const held = n < client.sessions.length;
    const made = await session.sessions.book({
      clientId,
      startsAt,
      durationMinutes: 50,
      status: held ? 'held' : 'planned',
    });
    const notes = client.sessions[n];
    booked.push(
      notes
        ? await session.sessions.save({
            ...made,
            topics: notes.topics,
            summaryForClient: notes.summaryForClient,
            privateNotes: notes.privateNotes,
          })
        : made,
    );
  }
  return booked;
}

/** Starts the practice in the builder (from its template, or as a new version) and agrees it. */
async function agreePractice(
  session: VaultSession,
  practice: DemoPractice,
  context: {
    clientId: string;
    where: Session;
    next: Session | undefined;
    goals: Goal[];
    builtins: BuiltinTemplate[];
    earlier: Assignment[];
  },
): Promise<Assignment> {
  const builtin = context.builtins.find((template) => template.id === practice.templateId);
  if (!builtin) throw new Error(`The demo needs the built-in template “${practice.templateId}”.`);
  const startsOn = localDay(context.where.startsAt);
  const placement = {
    clientId: context.clientId,
    sessionId: context.where.id,
    startsOn,
    reviewBy: context.next
      ? localDay(context.next.startsAt)
      : format(addDays(parseISO(startsOn), 7), 'yyyy-MM-dd'),
  };
  const previous = practice.continues ? context.earlier[practice.continues.practice] : undefined;
  const draft =
    previous && practice.continues
      ? await session.assignments.start(placement, {
          from: 'review',
          previous,
          decision: practice.continues.decision,
          reason: 'Agreed together at the review.',
        })
      : await session.assignments.start(placement, {
          from: 'template',
          ref: { templateId: builtin.id, version: builtin.version },
          template: contentOfBuiltin(builtin),
        });
  const goal = context.goals[practice.goal];
  return session.assignments.save({
    ...draft,
    goals: goal ? [{ goalId: goal.id, words: goal.clientWords }] : [],
    whyItMatters: practice.whyItMatters,
    whatFeelsDoable: practice.whatFeelsDoable,
    dose: draft.doseOptions[0] ?? null,
    days: practice.days,
    plan: {
      what: draft.title,
      time: practice.time,
      cue: practice.cue,
      where: practice.where,
    },
    barriers: [practice.barrier],
    backupPlan: practice.backupPlan,
    confidenceBefore: Math.max(0, practice.confidence - 2),
    confidenceAfter: practice.confidence,
    importance: practice.importance,
    reminderPlace: practice.reminderPlace,
    cautionsAcknowledgedAt:
      draft.cautions.length > 0 ? minutesAfter(context.where.startsAt, 35) : null,
    builderStep: 3,
    status: 'active',
  });
}

/** The days practised, marked on the review grid as the clinician would from the client's account. */
async function recordPractice(
  session: VaultSession,
  assignment: Assignment,
  practice: DemoPractice,
  today: string,
): Promise<number> {
  let recorded = 0;
  for (const [day, mark] of practice.practised.entries()) {
    const date = format(addDays(parseISO(assignment.startsOn), day), 'yyyy-MM-dd');
    if (date >= today) break;
    const problem = await session.reviews.recordDay(assignment, { date, mark, tracker: {} });
    if (problem === null) recorded += 1;
  }
  return recorded;
}

/** Opens the review of `assignment` in `reviewSession` and finishes it as the review flow does. */
async function finishReview(
  session: VaultSession,
  assignment: Assignment,
  reviewSession: Session,
  review: DemoReview,
  nextAssignmentId: string | null,
): Promise<void> {
  const opened = await session.reviews.open(assignment, reviewSession.id);
  const reviewedAt = minutesAfter(reviewSession.startsAt, 10);
  await session.reviews.save({
    ...opened,
    reviewedAt,
    outcome: review.outcome,
    smallestVersionMet: review.outcome !== 'not-this-time',
    amountFrom: review.percentDone === null ? null : 'estimate',
    percentDone: review.percentDone,
    quality: 3,
    engagement: 3,
    helpful: review.helpful,
    hard: review.hard,
    understoodWhy: 4,
    fitsGoals: 4,
    reportedBy: ['client-account'],
    barriersMet: review.barriersMet,
    ifThenPlan: review.ifThenPlan,
    madeThingsWorse: 'no',
    happened: review.happened,
    learned: review.learned,
    wins: review.wins,
    decision: review.decision,
    decisionReason: review.decisionReason,
    nextAssignmentId,
    finished: true,
    createdAt: reviewedAt,
  });
}

/** A handout (and at the first session a tracker) taken away, as the export log records it. */
function handoutsOf(clientId: string, where: Session, first: boolean): VaultLogEntry[] {
  const at = minutesAfter(where.startsAt, 55);
  const entry = (what: string, format: 'handout-pdf' | 'tracker-pdf'): VaultLogEntry => ({
    id: newRecordId(),
    kind: 'export',
    at,
    what,
    format,
    clientId,
  });
  return first
    ? [entry('Handout', 'handout-pdf'), entry('Tracker', 'tracker-pdf')]
    : [entry('Handout', 'handout-pdf')];
}

/** Seeds one demo client: their goals, sessions, practice, practice days, reviews and handouts. */
async function seedClient(
  session: VaultSession,
  client: DemoClient,
  slot: number,
  context: { today: Date; builtins: BuiltinTemplate[]; counts: DemoPracticeCounts },
): Promise<void> {
  const { counts } = context;
  const made = await session.clients.add(client.name);
  const clientId = made.id;
  if (client.status !== 'active') await session.clients.setStatus(clientId, client.status);
  await session.clients.setPrivateNotes(clientId, client.privateNotes);
  const goals: Goal[] = [];
  for (const goal of client.goals) goals.push(await session.goals.add(clientId, goal));

  const weeks = client.sessions.length + (client.nextBooked ? 1 : 0);
  const starts = Array.from({ length: weeks }, (_, n) =>
    localDateTime(
      context.today,
      slot - 7 * (client.sessions.length - n),
      client.hour,
      client.minute,
    ),
  );
  const sessions = await bookSessions(session, clientId, client, starts);
  await dateClientFromFirstSession(session, clientId, starts);
  const todayDate = format(context.today, 'yyyy-MM-dd');

  const agreed: Assignment[] = [];
  const exports: VaultLogEntry[] = [];
  for (const practice of client.practice) {
    const where = sessions[practice.setAt];
    if (!where) throw new Error('Demo practice is set in a session that is not there.');
    const assignment = await agreePractice(session, practice, {
      clientId,
      where,
      next: sessions[practice.setAt + 1],
      goals,
      builtins: context.builtins,
      earlier: agreed,
    });
    agreed.push(assignment);
    counts.practiceDays += await recordPractice(session, assignment, practice, todayDate);
    exports.push(...handoutsOf(clientId, where, practice.setAt === 0));
  }
  // Reviews after all the practice, so a review can name the new version it led to.
  for (const [index, practice] of client.practice.entries()) {
    const assignment = agreed[index];
    const reviewSession = sessions[practice.setAt + 1];
    if (!practice.review || !assignment || !reviewSession) continue;
    const next = client.practice.findIndex((later) => later.continues?.practice === index);
    await finishReview(
      session,
      assignment,
      reviewSession,
      practice.review,
      agreed[next]?.id ?? null,
    );
    counts.reviews += 1;
  }
  const { db, keys } = internalsOf(session);
  const log = new EncryptedTable<VaultLogEntry>(db, keys, entities.log);
  for (const entry of exports) await log.put(entry);

  counts.clients += 1;
  counts.goals += goals.length;
  counts.sessions += sessions.length;
  counts.assignments += agreed.length;
  counts.handouts += exports.filter(
    (entry) => entry.kind === 'export' && entry.format === 'handout-pdf',
  ).length;
}

/**
 * Seeds an open, empty vault with the demo practice (demo-practice-content.ts): five made-up
 * clients a few weeks into therapy, with goals, weekly sessions written up, practice agreed in
 * the builder's steps (some of it new versions after a review), practice days on the review
 * grid, finished reviews and the handouts taken away in the export log. Everything goes through
 * the app's repositories, so the calendars and insight summaries are kept in step as they are
 * in use. Dates are relative to `now`.
 */
export async function seedDemoPractice(
  session: VaultSession,
  options: { builtins: BuiltinTemplate[]; now?: Date },
): Promise<DemoPracticeCounts> {
  const today = new Date(options.now ?? new Date());
  today.setHours(0, 0, 0, 0);
  const counts: DemoPracticeCounts = {
    clients: 0,
    goals: 0,
    sessions: 0,
    assignments: 0,
    reviews: 0,
    practiceDays: 0,
    handouts: 0,
  };
  const slots = weeklySlots(today, demoClients.length);
  for (const [index, client] of demoClients.entries())
    await seedClient(session, client, slots[index] ?? 1, {
      today,
      builtins: options.builtins,
      counts,
    });
  await session.writesSettled();
  return counts;
}

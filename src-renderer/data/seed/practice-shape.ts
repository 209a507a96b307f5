import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { AssignmentStatus } from '../../../src-shared/domain/assignment';
import type { ClientStatus } from '../../../src-shared/domain/client';
import { type SeededRandom, sharesOf } from '../../../src-shared/domain/seeded-random';
import type { Session } from '../../../src-shared/domain/session';
import type { LargePracticePlan } from './large-practice-plan';
import { FIRST, LAST } from './large-practice-words';

/** A session to book: when, and whether it was held, cancelled or is still to come. */
export type ShapedSession = { startsAt: string; status: Session['status'] };

/** An assignment to write, by where it sits among its client's sessions. */
export type ShapedAssignment = {
  /** Index of the (held) session it is set in. */
  session: number;
  /** Index of the next session (any), whose day is the review date; null when none. */
  next: number | null;
  /** Index of the next held session, where it is reviewed or set aside; null when none. */
  reviewAt: number | null;
  status: AssignmentStatus;
  /** Days practice can be logged: from the start to the review date, or today. */
  capacity: number;
  /** Days of practice logged. */
  logs: number;
  /** Whether it has a finished review at `reviewAt`. */
  reviewed: boolean;
};

/** One client of the practice, before anything is written. */
export type ShapedClient = {
  name: string;
  status: ClientStatus;
  goals: number;
  sessions: ShapedSession[];
  assignments: ShapedAssignment[];
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** A local date-time `days` after `today`'s midnight, at hh:mm, as the app stores it (UTC ISO). */
export function localDateTime(today: Date, days: number, hour: number, minute: number): string {
  const date = new Date(today);
  date.setDate(date.getDate() + days);
  date.setHours(hour, minute, 0, 0);
  return date.toISOString();
}

/** The local calendar day of a stored date-time, as `yyyy-MM-dd`. */
export const localDay = (iso: string): string => format(parseISO(iso), 'yyyy-MM-dd');

/** Each client's session days relative to today, earliest first. */
function sessionDays(
  plan: LargePracticePlan,
  random: SeededRandom,
  status: ClientStatus,
  index: number,
  today: Date,
): number[] {
  const count = plan.sessionsPerClient;
  if (status === 'active') {
    // Weekly on a weekday among today and the week after, the last ones still to come.
    const workdays = Array.from({ length: 8 }, (_, day) => day).filter((day) => {
      const weekday = new Date(today.getTime() + day * DAY_MS + DAY_MS / 2).getDay();
      return weekday >= 1 && weekday <= 5;
    });
    const slot = workdays[index % workdays.length] ?? 1;
    return Array.from({ length: count }, (_, n) => slot + 7 * (n - (count - 2)));
  }
  const every = status === 'paused' || random.chance(0.5) ? 14 : 7;
  const span = every * (count - 1);
  const last =
    status === 'paused'
      ? -random.int(30, 89)
      : -(45 + Math.floor(random.next() * Math.max(1, plan.historyDays - 45 - span)));
  return Array.from({ length: count }, (_, n) => last - every * (count - 1 - n));
}

/** Where each of a client's `count` assignments is set, and what became of it. */
function shapeAssignments(
  random: SeededRandom,
  status: ClientStatus,
  sessions: ShapedSession[],
  count: number,
  now: Date,
): ShapedAssignment[] {
  const todayDate = format(now, 'yyyy-MM-dd');
  const held = sessions.flatMap((each, n) => (each.status === 'held' ? [n] : []));
  return Array.from({ length: count }, (_, k): ShapedAssignment => {
    const setAt = held[Math.floor((k * held.length) / count)];
    if (setAt === undefined) throw new Error('A client has no held session to set practice in.');
    const following = setAt + 1 < sessions.length ? setAt + 1 : null;
    const reviewAt = held.find((n) => n > setAt) ?? null;
    const recent = held.indexOf(setAt) >= held.length - 4;
    const assignmentStatus: AssignmentStatus = random.chance(0.04)
      ? 'draft'
      : reviewAt === null
        ? status === 'active'
          ? 'active'
          : status === 'paused'
            ? 'paused'
            : random.weighted([
                ['completed', 2],
                ['stopped', 1],
              ])
        : random.weighted<AssignmentStatus>([
            ['completed', 50],
            ['replaced', 20],
            ['stopped', 12],
            ['paused', 6],
            [status === 'active' && recent ? 'active' : 'completed', 12],
          ]);
    const startsOn = localDay(sessions[setAt]?.startsAt ?? now.toISOString());
    const nextSession = following === null ? undefined : sessions[following];
    const reviewBy = nextSession
      ? localDay(nextSession.startsAt)
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
}

/** Marks exactly `reviews` agreed assignments as reviewed, chosen at random among those that can be. */
function chooseReviewed(random: SeededRandom, agreed: ShapedAssignment[], reviews: number): void {
  const reviewable = random.shuffle(agreed.filter((assignment) => assignment.reviewAt !== null));
  if (reviewable.length < reviews)
    throw new Error(`Only ${reviewable.length} assignments can be reviewed, not ${reviews}.`);
  for (const assignment of reviewable.slice(0, reviews)) assignment.reviewed = true;
}

/** Spreads exactly `total` practice days over the agreed assignments, in proportion to their dates. */
function spreadPracticeDays(random: SeededRandom, agreed: ShapedAssignment[], total: number): void {
  const capacity = agreed.reduce((sum, assignment) => sum + assignment.capacity, 0);
  if (capacity < total)
    throw new Error(`Only ${capacity} practice days fit the assignments' dates, not ${total}.`);
  const share = total / capacity;
  let logged = 0;
  for (const assignment of agreed) {
    assignment.logs = Math.min(
      assignment.capacity,
      Math.round(assignment.capacity * share * (0.5 + random.next())),
    );
    logged += assignment.logs;
  }
  const order = random.shuffle([...agreed]);
  while (logged !== total) {
    for (const assignment of order) {
      if (logged < total && assignment.logs < assignment.capacity) {
        assignment.logs += 1;
        logged += 1;
      } else if (logged > total && assignment.logs > 0) {
        assignment.logs -= 1;
        logged -= 1;
      }
    }
  }
}

/**
 * The practice's shape, before anything is written: each client's sessions (active clients
 * weekly up to next week, paused ones fortnightly until one to three months ago, discharged
 * ones weekly or fortnightly within the history), where each assignment is set and what
 * became of it, which are reviewed and how many days each logged. The totals are exactly the
 * plan's. Pure: the same plan, random sequence and `now` give the same shape.
 */
export function shapePractice(
  plan: LargePracticePlan,
  random: SeededRandom,
  now: Date,
): ShapedClient[] {
  const nowIso = now.toISOString();
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const assignmentCounts = sharesOf(
    plan.assignments,
    Array.from({ length: plan.clients }, () => 0.5 + random.next()),
  );
  const goalCounts = sharesOf(
    plan.goals,
    Array.from({ length: plan.clients }, () => 1),
  );
  const clients = Array.from({ length: plan.clients }, (_, index): ShapedClient => {
    const name = `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]}`;
    const status: ClientStatus =
      index < plan.activeClients
        ? 'active'
        : index < plan.activeClients + plan.pausedClients
          ? 'paused'
          : 'discharged';
    const hour = 8 + ((index * 3) % 10);
    const minute = index % 2 === 0 ? 0 : 30;
    const sessions = sessionDays(plan, random, status, index, today).map((day): ShapedSession => {
      const startsAt = localDateTime(today, day, hour, minute);
      return {
        startsAt,
        status: startsAt < nowIso ? (random.chance(0.08) ? 'cancelled' : 'held') : 'planned',
      };
    });
    return {
      name,
      status,
      goals: goalCounts[index] ?? 0,
      sessions,
      assignments: shapeAssignments(random, status, sessions, assignmentCounts[index] ?? 0, now),
    };
  });
  const agreed = clients.flatMap((client) =>
    client.assignments.filter((assignment) => assignment.status !== 'draft'),
  );
  chooseReviewed(random, agreed, plan.reviews);
  spreadPracticeDays(random, agreed, plan.practiceLogs);
  return clients;
}

import type { Assignment } from '../../../src-shared/domain/assignment';
import type { Client } from '../../../src-shared/domain/client';
import type { Session } from '../../../src-shared/domain/session';
import {
  type LastSessionReview,
  reviewedAtLastSession,
  reviewItemsFor,
} from '../../../src-shared/domain/session-agenda';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { todayWindow } from './today-days';

/** One session on Today, with what the clinician wants to know before it starts. */
export type UpcomingSession = {
  session: Session;
  /** Its client; undefined when their record can't be read. */
  client: Client | undefined;
  /** The practice due for review at it: the client's active assignments set before it. */
  due: Assignment[];
  /**
   * How review went at the client's session before this one, with the reasons for any review
   * set aside there; null when there was no session before it or nothing to review at it.
   */
  lastTime: { state: Exclude<LastSessionReview, 'nothing-to-review'>; reasons: string[] } | null;
};

/** How review went at `previous` (see `UpcomingSession.lastTime`). */
function lastTimeAt(
  previous: Session,
  clientAssignments: readonly Assignment[],
): UpcomingSession['lastTime'] {
  const state = reviewedAtLastSession(previous, clientAssignments);
  if (state === 'nothing-to-review') return null;
  const reasons = previous.reviewItems
    .filter((item) => item.state === 'deferred')
    .map((item) => item.deferredBecause);
  return { state, reasons };
}

/**
 * Today's and the next seven days' sessions across all clients, earliest first, each with its
 * client, the practice due for review and how review went last time; kept current as any of it
 * changes. `{ data, isLoading, damagedCount }`.
 */
export function useUpcomingSessions(now: Date): {
  data: UpcomingSession[];
  isLoading: boolean;
  damagedCount: number;
  hasClients: boolean;
} {
  const { sessions, clients, assignments } = useOpenVault();
  const day = now.toDateString();
  const result = useVaultQuery(async () => {
    const { from, to } = todayWindow(new Date(day));
    const upcoming = await sessions.startingBetween(from.toISOString(), to.toISOString());
    const clientIds = [...new Set(upcoming.records.map((session) => session.clientId))];
    const reviewed = [...upcoming.records, ...upcoming.previous.values()].flatMap((session) =>
      session ? session.reviewItems.map((item) => item.assignmentId) : [],
    );
    // Only the clients on these sessions are opened: a busy practice has hundreds. A session
    // always has a client, so they are counted only when there are no sessions to show.
    const [onSessions, hasClients, inPlay] = await Promise.all([
      clients.many(clientIds),
      upcoming.records.length > 0 || clients.count().then((count) => count > 0),
      assignments.inPlayFor(clientIds, reviewed),
    ]);
    const assignmentsByClient = new Map<string, Assignment[]>();
    for (const assignment of inPlay.records)
      assignmentsByClient.set(assignment.clientId, [
        ...(assignmentsByClient.get(assignment.clientId) ?? []),
        assignment,
      ]);
    const clientsById = new Map(onSessions.records.map((client) => [client.id, client]));
    const data = upcoming.records.map((session): UpcomingSession => {
      const clientAssignments = assignmentsByClient.get(session.clientId) ?? [];
      const byId = new Map(clientAssignments.map((assignment) => [assignment.id, assignment]));
      const previous = upcoming.previous.get(session.id) ?? null;
      return {
        session,
        client: clientsById.get(session.clientId),
        due: reviewItemsFor(session, clientAssignments).flatMap((item) => {
          const assignment = byId.get(item.assignmentId);
          return assignment ? [assignment] : [];
        }),
        lastTime: previous ? lastTimeAt(previous, clientAssignments) : null,
      };
    });
    return {
      data,
      damagedCount: upcoming.damagedIds.length,
      hasClients,
    };
  }, [sessions, clients, assignments, day]);
  return {
    data: result?.data ?? [],
    isLoading: result === undefined,
    damagedCount: result?.damagedCount ?? 0,
    hasClients: result?.hasClients ?? false,
  };
}

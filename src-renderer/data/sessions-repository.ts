import { newRecordId } from '../../src-shared/domain/record-id';
import { type Session, sessionSchema } from '../../src-shared/domain/session';
import {
  calendarEntriesOf,
  calendarListsExactly,
  previousSessionIds,
  type SessionCalendarEntry,
} from '../../src-shared/domain/session-calendar';
import {
  EncryptedTable,
  type ReadAll,
  type VaultKeys,
  untracked,
  type WriteTracker,
} from './encrypted-table';
import { entities } from './entities';
import { saveNextRevision } from './revisioned-save';
import { createSessionCalendars } from './session-calendars';
import type { VaultDatabase } from './vault-database';

/** What the clinician sets when booking a session. */
export type SessionBooking = Pick<Session, 'clientId' | 'startsAt' | 'durationMinutes' | 'status'>;

/** Sessions starting in a window of time, each with the one before it (cancelled ones aside). */
export type SessionWindow = ReadAll<Session> & {
  /** The client's session before each session in the window, by its id; null for a first one. */
  previous: Map<string, Session | null>;
};

const byStart = (a: Session, b: Session) => a.startsAt.localeCompare(b.startsAt);

/** Therapy sessions: bookings, plans, summaries and private notes. */
export function createSessionsRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<Session>(db, keys, entities.sessions, writes);
  const sessionCalendars = createSessionCalendars(db, keys, writes);
  const { calendars } = sessionCalendars;

  /** Runs `change` and rewrites the client's calendar, in one transaction. */
  async function withCalendar<T>(clientId: string, change: () => Promise<T>): Promise<T> {
    return db.transaction('rw', sessionCalendars.tables, async () => {
      const result = await change();
      await sessionCalendars.rewrite(clientId);
      return result;
    });
  }

  /** Every client's session ids, read from the index alone (nothing is decrypted). */
  async function sessionIdsByClient(): Promise<Map<string, Set<string>>> {
    const byClient = new Map<string, Set<string>>();
    await table.table.orderBy('clientId').eachKey((clientId, cursor) => {
      const key = String(clientId);
      const ids = byClient.get(key) ?? new Set<string>();
      ids.add(cursor.primaryKey);
      byClient.set(key, ids);
    });
    return byClient;
  }

  /** The clients whose calendar is missing, damaged or lists other sessions than they have. */
  async function clientsOutOfStep(): Promise<string[]> {
    const [stored, idsByClient] = await Promise.all([calendars.all(), sessionIdsByClient()]);
    const storedByClient = new Map(stored.records.map((c) => [c.clientId, c.entries]));
    const calendarClients = new Set(stored.records.map((c) => c.clientId));
    const outOfStep = [...idsByClient].flatMap(([clientId, ids]) => {
      const kept = storedByClient.get(clientId);
      return kept && calendarListsExactly(kept, ids) ? [] : [clientId];
    });
    // A calendar left for a client with no sessions any more, or a damaged one.
    const orphaned = [...calendarClients].filter((clientId) => !idsByClient.has(clientId));
    return stored.damagedIds.length > 0
      ? [...new Set([...outOfStep, ...orphaned, ...idsByClient.keys()])]
      : [...outOfStep, ...orphaned];
  }

  /**
   * Every client's calendar entries. Every write keeps them in step with the sessions, so when
   * they list as many sessions as there are, they are used as they are (counting is cheap).
   * Otherwise (a backup made before calendars existed, a damaged calendar) each client's is
   * checked against the index, and one out of step is worked out from the sessions for this read.
   */
  async function calendarEntries(): Promise<Map<string, SessionCalendarEntry[]>> {
    const [stored, sessionCount] = await Promise.all([calendars.all(), table.table.count()]);
    const listed = stored.records.reduce((sum, calendar) => sum + calendar.entries.length, 0);
    const storedByClient = new Map(stored.records.map((c) => [c.clientId, c.entries]));
    if (stored.damagedIds.length === 0 && listed === sessionCount) return storedByClient;
    const idsByClient = await sessionIdsByClient();
    const entries = new Map<string, SessionCalendarEntry[]>();
    for (const [clientId, ids] of idsByClient) {
      const kept = storedByClient.get(clientId);
      entries.set(
        clientId,
        kept && calendarListsExactly(kept, ids)
          ? kept
          : calendarEntriesOf((await table.where('clientId', clientId)).records),
      );
    }
    return entries;
  }

  return {
    /** A client's sessions, earliest first, and the ids of any that could not be read. */
    async forClient(clientId: string): Promise<ReadAll<Session>> {
      const result = await table.where('clientId', clientId);
      result.records.sort(byStart);
      return result;
    },
    /**
     * Every client's sessions starting in [from, to) (ISO date-times), earliest first, each with
     * the session before it. Dates are encrypted, so this reads each client's small calendar
     * record and opens only the sessions it needs, not every session ever held.
     */
    async startingBetween(from: string, to: string): Promise<SessionWindow> {
      const inWindow = new Set<string>();
      const previousIds = new Map<string, string | null>();
      for (const entries of (await calendarEntries()).values()) {
        const here = new Set(
          entries
            .filter((entry) => entry.startsAt >= from && entry.startsAt < to)
            .map((entry) => entry.sessionId),
        );
        if (here.size === 0) continue;
        for (const id of here) inWindow.add(id);
        for (const [id, before] of previousSessionIds(entries, here)) previousIds.set(id, before);
      }
      const wanted = [...inWindow, ...[...previousIds.values()].filter((id) => id !== null)];
      const opened = await table.many([...new Set(wanted)]);
      const byId = new Map(opened.records.map((session) => [session.id, session]));
      const previous = new Map<string, Session | null>();
      for (const [id, before] of previousIds)
        previous.set(id, before === null ? null : (byId.get(before) ?? null));
      return {
        records: [...inWindow].flatMap((id) => byId.get(id) ?? []).sort(byStart),
        damagedIds: opened.damagedIds.filter((id) => inWindow.has(id)),
        previous,
      };
    },
    /** Every client's calendar entries (when and how each session went), by client id. */
    calendars: calendarEntries,
    /** One session; throws RECORD_DAMAGED when it cannot be read. */
    get: (id: string): Promise<Session | undefined> => table.get(id),
    /** Books a session with an empty plan. */
    async book(booking: SessionBooking): Promise<Session> {
      const at = new Date().toISOString();
      const session = sessionSchema.parse({
        id: newRecordId(),
        ...booking,
        reviewItems: [],
        topics: [],
        assignmentIds: [],
        summaryForClient: '',
        privateNotes: '',
        reviewedFirst: null,
        revision: 0,
        createdAt: at,
        updatedAt: at,
      });
      await withCalendar(session.clientId, () => table.put(session));
      return session;
    },
    /**
     * Saves an edited session as its next revision. Refused with EDIT_CONFLICT when another
     * window saved it since `session` was read.
     */
    save: async (session: Session): Promise<Session> => {
      const valid = sessionSchema.parse(session);
      return withCalendar(valid.clientId, () => saveNextRevision(table, valid));
    },
    /**
     * Removes a session (its assignments stay with the client); a damaged one too, found by the
     * client id stored beside it.
     */
    async remove(id: string): Promise<void> {
      const clientId = (await table.table.get(id))?.clientId;
      if (!clientId) return;
      await withCalendar(clientId, () => table.delete(id));
    },
    /**
     * Rewrites every calendar that is out of step with its client's sessions (after restoring a
     * backup made before calendars existed, say), so Today is quick again. Run when idle after
     * unlocking; returns how many clients' calendars were rewritten.
     */
    async repairCalendars(): Promise<number> {
      const clientIds = await clientsOutOfStep();
      for (const clientId of clientIds) await withCalendar(clientId, async () => undefined);
      return clientIds.length;
    },
  };
}

/** The sessions repository. */
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

import { newRecordId } from '../../src-shared/domain/record-id';
import type { Session } from '../../src-shared/domain/session';
import { calendarEntriesOf, type SessionCalendar } from '../../src-shared/domain/session-calendar';
import { EncryptedTable, type VaultKeys, type WriteTracker } from './encrypted-table';
import { entities } from './entities';
import type { VaultDatabase } from './vault-database';

/**
 * Keeps each client's session calendar (derived, see session-calendar.ts) in step with their
 * sessions. Every write that changes a session — in the sessions repository, or starting and
 * discarding practice in a session — rewrites the client's calendar in the same transaction.
 */
export function createSessionCalendars(db: VaultDatabase, keys: VaultKeys, writes: WriteTracker) {
  const sessions = new EncryptedTable<Session>(db, keys, entities.sessions, writes);
  // Today and Insights read the calendars again and again; only a rewritten one is opened again.
  const calendars = new EncryptedTable<SessionCalendar>(
    db,
    keys,
    entities.sessionCalendars,
    writes,
    true,
  );
  return {
    calendars,
    /** The tables a transaction that rewrites a calendar must include. */
    tables: [sessions.table, calendars.table],
    /** Rewrites a client's calendar from their sessions; call inside a transaction on `tables`. */
    async rewrite(clientId: string): Promise<void> {
      const [clientSessions, stored] = await Promise.all([
        sessions.where('clientId', clientId),
        calendars.where('clientId', clientId),
      ]);
      const [kept, ...extra] = stored.records;
      for (const id of [...extra.map((calendar) => calendar.id), ...stored.damagedIds])
        await calendars.delete(id);
      const entries = calendarEntriesOf(clientSessions.records);
      if (entries.length === 0) {
        if (kept) await calendars.delete(kept.id);
        return;
      }
      await calendars.put({ id: kept?.id ?? newRecordId(), clientId, entries });
    },
  };
}

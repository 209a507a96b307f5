import { newRecordId } from '../../src-shared/domain/record-id';
import { type Session, sessionSchema } from '../../src-shared/domain/session';
import {
  EncryptedTable,
  type ReadAll,
  type VaultKeys,
  untracked,
  type WriteTracker,
} from './encrypted-table';
import { entities } from './entities';
import { saveNextRevision } from './revisioned-save';
import type { VaultDatabase } from './vault-database';

/** What the clinician sets when booking a session. */
export type SessionBooking = Pick<Session, 'clientId' | 'startsAt' | 'durationMinutes' | 'status'>;

const byStart = (a: Session, b: Session) => a.startsAt.localeCompare(b.startsAt);

/** Therapy sessions: bookings, plans, summaries and private notes. */
export function createSessionsRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<Session>(db, keys, entities.sessions, writes);
  return {
    /** A client's sessions, earliest first, and the ids of any that could not be read. */
    async forClient(clientId: string): Promise<ReadAll<Session>> {
      const result = await table.where('clientId', clientId);
      result.records.sort(byStart);
      return result;
    },
    /**
     * Every client's sessions starting in [from, to) (ISO date-times), earliest first. Dates are
     * encrypted, so this opens every session; Today asks for about a week.
     */
    async startingBetween(from: string, to: string): Promise<ReadAll<Session>> {
      const result = await table.all();
      result.records = result.records
        .filter((session) => session.startsAt >= from && session.startsAt < to)
        .sort(byStart);
      return result;
    },
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
        revision: 0,
        createdAt: at,
        updatedAt: at,
      });
      await table.put(session);
      return session;
    },
    /**
     * Saves an edited session as its next revision. Refused with EDIT_CONFLICT when another
     * window saved it since `session` was read.
     */
    save: async (session: Session): Promise<Session> =>
      saveNextRevision(table, sessionSchema.parse(session)),
    /** Removes a session (its assignments stay with the client). */
    remove: (id: string): Promise<void> => table.delete(id),
  };
}

/** The sessions repository. */
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

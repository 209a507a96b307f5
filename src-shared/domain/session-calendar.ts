import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { type Session, sessionStatuses } from './session';

/**
 * Version of the session calendar record's shape. A session calendar is derived data: one small
 * encrypted record per client listing when each of their sessions starts, so Today can find the
 * week's sessions without opening every session ever held (dates are encrypted, never indexed).
 * It is rewritten from the client's sessions whenever one of them changes, and a reader that
 * finds it out of step with the sessions (a backup from before it existed) works from the
 * sessions themselves instead.
 * 2: each entry also says whether practice was reviewed first and whether practice was set, for
 *    the clinician's habits in Insights. A calendar of shape 1 is not upgraded: it reads as
 *    damaged, so its client's calendar is worked out from the sessions and rewritten.
 */
export const SESSION_CALENDAR_SCHEMA_VERSION = 2;

/** When one session starts, where it stands, and how practice was handled in it. */
export const sessionCalendarEntrySchema = z
  .object({
    sessionId: recordIdSchema,
    startsAt: z.iso.datetime(),
    status: z.enum(sessionStatuses),
    /** As the session records it (`Session.reviewedFirst`). */
    reviewedFirst: z.boolean().nullable(),
    /** New practice was started in the session. */
    setPractice: z.boolean(),
  })
  .strict();

/** One client's session calendar. */
export const sessionCalendarSchema = z
  .object({
    id: recordIdSchema,
    clientId: recordIdSchema,
    /** Every session of the client, earliest first. */
    entries: z.array(sessionCalendarEntrySchema).max(100_000),
  })
  .strict();

/** A client's session calendar. */
export type SessionCalendar = z.infer<typeof sessionCalendarSchema>;

/** One entry of a session calendar. */
export type SessionCalendarEntry = z.infer<typeof sessionCalendarEntrySchema>;

/** The calendar entries of a client's sessions, earliest first. */
export function calendarEntriesOf(sessions: readonly Session[]): SessionCalendarEntry[] {
  return sessions
    .map(({ id, startsAt, status, reviewedFirst, assignmentIds }) => ({
      sessionId: id,
      startsAt,
      status,
      reviewedFirst,
      setPractice: assignmentIds.length > 0,
    }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.sessionId.localeCompare(b.sessionId));
}

/** True when a calendar lists exactly these session ids (its dates are kept current on write). */
export function calendarListsExactly(
  entries: readonly SessionCalendarEntry[],
  sessionIds: ReadonlySet<string>,
): boolean {
  return (
    entries.length === sessionIds.size && entries.every((entry) => sessionIds.has(entry.sessionId))
  );
}

/**
 * The session before each of `sessionIds` in its client's calendar, cancelled ones left out:
 * what Today asks about ("was practice reviewed last time?").
 */
export function previousSessionIds(
  entries: readonly SessionCalendarEntry[],
  sessionIds: ReadonlySet<string>,
): Map<string, string | null> {
  const previous = new Map<string, string | null>();
  let last: string | null = null;
  for (const entry of entries) {
    if (sessionIds.has(entry.sessionId)) previous.set(entry.sessionId, last);
    if (entry.status !== 'cancelled') last = entry.sessionId;
  }
  return previous;
}

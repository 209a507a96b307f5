import { describe, expect, it } from 'vitest';
import type { Session } from './session';
import { calendarEntriesOf, calendarListsExactly, previousSessionIds } from './session-calendar';

const id = (n: number) => `S${String(n).padStart(21, '0')}`;
const session = (n: number, startsAt: string, status: Session['status'] = 'held') =>
  ({ id: id(n), startsAt, status, reviewedFirst: null, assignmentIds: [] }) as unknown as Session;

describe('a client’s session calendar', () => {
  const sessions = [
    session(3, '2026-12-08T09:00:00.000Z', 'planned'),
    session(1, '2026-11-24T09:00:00.000Z'),
    session(2, '2026-12-01T09:00:00.000Z', 'cancelled'),
  ];
  const entries = calendarEntriesOf(sessions);

  it('lists every session earliest first, with when it starts, where it stands and how practice went', () => {
    expect(entries.map((entry) => entry.sessionId)).toEqual([id(1), id(2), id(3)]);
    expect(Object.keys(entries[0] ?? {}).sort()).toEqual([
      'reviewedFirst',
      'sessionId',
      'setPractice',
      'startsAt',
      'status',
    ]);
  });

  it('knows when it no longer lists exactly the client’s sessions', () => {
    expect(calendarListsExactly(entries, new Set([id(1), id(2), id(3)]))).toBe(true);
    expect(calendarListsExactly(entries, new Set([id(1), id(2)]))).toBe(false);
    expect(calendarListsExactly(entries, new Set([id(1), id(2), id(4)]))).toBe(false);
  });

  it('finds the session before one, passing over cancelled ones', () => {
    expect(previousSessionIds(entries, new Set([id(3), id(1)]))).toEqual(
      new Map([
        [id(1), null],
        [id(3), id(1)],
      ]),
    );
  });
});

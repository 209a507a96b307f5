import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionWithStoredRecord } from '../../tests/fixtures/stored-records';
import { buildVault } from '../../tests/fixtures/vaults';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { isVaultError } from '../../src-shared/vault/vault-error';
import { internalsOf, openVaultSession, type VaultSession } from './vault-session';

beforeAll(() => loadSodium());

async function newSession(): Promise<VaultSession> {
  const vault = await buildVault();
  return openVaultSession({ header: vault.header, dataKey: vault.dataKey.slice() });
}

const ana = 'AAAAAAAAAAAAAAAAAAAAAA';
const ben = 'BBBBBBBBBBBBBBBBBBBBBB';
const booking = (clientId: string, startsAt: string) =>
  ({ clientId, startsAt, durationMinutes: 50, status: 'planned' }) as const;

describe('sessions', () => {
  it('are listed for a week across every client, earliest first', async () => {
    const session = await newSession();
    await session.sessions.book(booking(ana, '2026-12-03T09:00:00.000Z'));
    await session.sessions.book(booking(ben, '2026-12-01T15:00:00.000Z'));
    await session.sessions.book(booking(ana, '2026-12-20T09:00:00.000Z'));
    await session.sessions.book(booking(ben, '2026-11-20T09:00:00.000Z'));
    const week = await session.sessions.startingBetween(
      '2026-12-01T00:00:00.000Z',
      '2026-12-09T00:00:00.000Z',
    );
    expect(week.records.map((s) => [s.clientId, s.startsAt])).toEqual([
      [ben, '2026-12-01T15:00:00.000Z'],
      [ana, '2026-12-03T09:00:00.000Z'],
    ]);
  });

  it('come with the session before each, cancelled ones passed over', async () => {
    const session = await newSession();
    const first = await session.sessions.book({
      ...booking(ana, '2026-11-17T09:00:00.000Z'),
      status: 'held',
    });
    await session.sessions.book({
      ...booking(ana, '2026-11-24T09:00:00.000Z'),
      status: 'cancelled',
    });
    const next = await session.sessions.book(booking(ana, '2026-12-02T09:00:00.000Z'));
    const lonely = await session.sessions.book(booking(ben, '2026-12-03T09:00:00.000Z'));
    const week = await session.sessions.startingBetween(
      '2026-12-01T00:00:00.000Z',
      '2026-12-09T00:00:00.000Z',
    );
    expect(week.previous.get(next.id)?.id).toBe(first.id);
    expect(week.previous.get(lonely.id)).toBeNull();
  });

  it('follow a rescheduled, cancelled or removed session at once', async () => {
    const session = await newSession();
    const booked = await session.sessions.book(booking(ana, '2026-12-03T09:00:00.000Z'));
    const window = () =>
      session.sessions.startingBetween('2026-12-01T00:00:00.000Z', '2026-12-09T00:00:00.000Z');
    const moved = await session.sessions.save({ ...booked, startsAt: '2026-12-20T09:00:00.000Z' });
    expect((await window()).records).toEqual([]);
    await session.sessions.save({ ...moved, startsAt: '2026-12-04T09:00:00.000Z' });
    expect((await window()).records.map((s) => s.startsAt)).toEqual(['2026-12-04T09:00:00.000Z']);
    await session.sessions.remove(booked.id);
    expect((await window()).records).toEqual([]);
  });

  it('are still found when the calendars are missing, as in a backup made before them', async () => {
    const session = await newSession();
    const booked = await session.sessions.book(booking(ana, '2026-12-03T09:00:00.000Z'));
    await internalsOf(session).db.sealed('sessionCalendars').clear();
    const week = await session.sessions.startingBetween(
      '2026-12-01T00:00:00.000Z',
      '2026-12-09T00:00:00.000Z',
    );
    expect(week.records.map((s) => s.id)).toEqual([booked.id]);
  });

  it('get their calendars back in one repair, after which nothing is out of step', async () => {
    const session = await newSession();
    await session.sessions.book(booking(ana, '2026-12-03T09:00:00.000Z'));
    await session.sessions.book(booking(ben, '2026-12-04T09:00:00.000Z'));
    const calendars = internalsOf(session).db.sealed('sessionCalendars');
    await calendars.clear();
    expect(await session.sessions.repairCalendars()).toBe(2);
    expect(await calendars.count()).toBe(2);
    expect(await session.sessions.repairCalendars()).toBe(0);
  });

  it('can be removed even when damaged, and leave the calendar', async () => {
    const session = await newSession();
    const booked = await session.sessions.book(booking(ana, '2026-12-03T09:00:00.000Z'));
    const rows = internalsOf(session).db.sealed('sessions');
    const row = await rows.get(booked.id);
    if (!row) throw new Error('the session was stored');
    await rows.put({ ...row, sealed: row.sealed.map((byte, i) => (i === 40 ? byte ^ 1 : byte)) });
    await session.sessions.remove(booked.id);
    expect(await rows.count()).toBe(0);
    expect(await internalsOf(session).db.sealed('sessionCalendars').count()).toBe(0);
  });

  it('keep their plan, summary and private notes, and refuse a save from an older read', async () => {
    const session = await newSession();
    const booked = await session.sessions.book(booking(ana, '2026-12-03T09:00:00.000Z'));
    const planned = await session.sessions.save({
      ...booked,
      topics: ['Sleep', 'Work'],
      summaryForClient: 'We looked at evenings.',
      privateNotes: 'Check in about the move.',
    });
    expect(await session.sessions.get(booked.id)).toEqual(planned);
    await expect(session.sessions.save({ ...booked, topics: ['Stale'] })).rejects.toSatisfy(
      (error) => isVaultError(error, 'EDIT_CONFLICT'),
    );
  });

  it('stored at shape 1 open with nothing reviewed yet and every word kept', async () => {
    const id = 'SSSSSSSSSSSSSSSSSSSSSS';
    const stored = await sessionWithStoredRecord('sessions', 1, {
      id,
      clientId: ana,
      startsAt: '2026-11-01T09:00:00.000Z',
      durationMinutes: 50,
      status: 'held',
      topics: ['Sleep'],
      summaryForClient: 'Sleep diary',
      privateNotes: 'Tired',
      createdAt: '2026-10-30T09:00:00.000Z',
    });
    expect(await stored.sessions.get(id)).toMatchObject({
      topics: ['Sleep'],
      privateNotes: 'Tired',
      reviewItems: [],
      assignmentIds: [],
      revision: 0,
    });
  });
});

import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionWithStoredRecord } from '../../tests/fixtures/stored-records';
import { buildVault } from '../../tests/fixtures/vaults';
import { toHex } from '../../src-shared/crypto/bytes';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { VaultDatabase, type SealedRow } from './vault-database';
import {
  closeVaultSession,
  internalsOf,
  openVaultSession,
  type VaultSession,
} from './vault-session';

const canary = 'Zq-Canary Ødegård';

beforeAll(() => loadSodium());

async function newSession(): Promise<{ session: VaultSession; raw: VaultDatabase }> {
  const vault = await buildVault();
  const session = await openVaultSession({ header: vault.header, dataKey: vault.dataKey.slice() });
  return {
    session,
    raw: new VaultDatabase(toHex(vault.header.vaultId), internalsOf(session).generation),
  };
}

/** A new session whose store holds one client record sealed at `schemaVersion`, as an earlier Bridgework wrote it. */
const sessionWithStoredClient = (
  schemaVersion: number,
  record: { id: string } & Record<string, unknown>,
): Promise<VaultSession> => sessionWithStoredRecord('clients', schemaVersion, record);

/** Every way the canary could sit in stored bytes: UTF-8, UTF-16LE and Latin-1 (one byte per character). */
function containsCanary(row: unknown): boolean {
  const needles = (['utf8', 'utf16le', 'latin1'] as const).map((encoding) =>
    Buffer.from(canary, encoding),
  );
  const values = row && typeof row === 'object' ? Object.values(row) : [row];
  return values.some((value) => {
    const bytes =
      value instanceof Uint8Array
        ? Buffer.from(value)
        : Buffer.from(JSON.stringify(value) ?? '', 'utf8');
    return (
      needles.some((needle) => bytes.includes(needle)) ||
      (typeof value === 'string' && value.includes(canary))
    );
  });
}

describe('clients in the encrypted store', () => {
  it('stores no client name in any stored value', async () => {
    const { session, raw } = await newSession();
    await session.clients.add(canary);
    await session.clients.add('Maya Lindqvist');
    const rows = await raw.sealed('clients').toArray();
    expect(rows).toHaveLength(2);
    expect(rows.filter(containsCanary)).toEqual([]);
    expect(rows.every((row) => Object.keys(row).sort().join() === 'id,sealed')).toBe(true);
    closeVaultSession(session);
  });

  it('the same check finds the name when it is stored unencrypted (positive control)', () => {
    const plainRow = {
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      sealed: new TextEncoder().encode(`{"name":"${canary}"}`),
    };
    expect(containsCanary(plainRow)).toBe(true);
    expect(containsCanary({ id: 'x', sealed: new Uint8Array(Buffer.from(canary, 'latin1')) })).toBe(
      true,
    );
    expect(
      containsCanary({ id: 'x', sealed: new Uint8Array(Buffer.from(canary, 'utf16le')) }),
    ).toBe(true);
  });

  it('reads back, renames and changes the status of clients', async () => {
    const { session } = await newSession();
    const maya = await session.clients.add('  Maya Lindqvist ');
    expect(maya).toMatchObject({ name: 'Maya Lindqvist', status: 'active', privateNotes: '' });
    await session.clients.rename(maya.id, 'M. L.');
    await session.clients.setStatus(maya.id, 'paused');
    await session.clients.setPrivateNotes(maya.id, 'Prefers morning sessions.');
    const { records, damagedIds } = await session.clients.all();
    expect(damagedIds).toEqual([]);
    expect(records).toEqual([
      expect.objectContaining({
        id: maya.id,
        name: 'M. L.',
        status: 'paused',
        privateNotes: 'Prefers morning sessions.',
      }),
    ]);
    closeVaultSession(session);
  });

  it('deleting a client removes every record of theirs, leaves others alone and notes it in the log', async () => {
    const { session, raw } = await newSession();
    const maya = await session.clients.add('Maya Lindqvist');
    const jonas = await session.clients.add('Jonas Ødegård');
    await session.goals.add(maya.id, {
      clientWords: 'Sleep through the night',
      whyItMatters: '',
      status: 'active',
    });
    await session.goals.add(maya.id, {
      clientWords: 'Walk to work',
      whyItMatters: '',
      status: 'active',
    });
    await session.goals.add(jonas.id, {
      clientWords: 'Call my sister',
      whyItMatters: '',
      status: 'active',
    });

    expect(await session.clients.deleteWithAllRecords(maya.id)).toBe(3);

    expect((await session.clients.all()).records.map((c) => c.name)).toEqual(['Jonas Ødegård']);
    expect((await session.goals.forClient(jonas.id)).records).toHaveLength(1);
    const everyRow = (
      await Promise.all(raw.sealedTables().map(({ table }) => table.toArray()))
    ).flat();
    const mentions = everyRow.filter((row) =>
      JSON.stringify({ ...row, sealed: undefined }).includes(maya.id),
    );
    expect(mentions).toEqual([]);
    const logRows = await raw.sealed('log').toArray();
    expect(logRows).toHaveLength(1);
    closeVaultSession(session);
  });

  it('refuses names that are empty or too long, storing nothing', async () => {
    const { session, raw } = await newSession();
    await expect(session.clients.add('   ')).rejects.toThrow('Please enter a name.');
    await expect(session.clients.add('x'.repeat(121))).rejects.toThrow('up to 120 characters');
    expect(await raw.sealed('clients').count()).toBe(0);
    closeVaultSession(session);
  });

  it('reports an altered record as damaged and still shows the others', async () => {
    const { session, raw } = await newSession();
    const damaged = await session.clients.add('Amir Haddad');
    await session.clients.add('Maya Lindqvist');
    const row = (await raw.sealed('clients').get(damaged.id)) as SealedRow;
    const altered = row.sealed.slice();
    altered[altered.length - 5] = (altered[altered.length - 5] ?? 0) ^ 0xff;
    await raw.sealed('clients').put({ id: damaged.id, sealed: altered });
    const { records, damagedIds } = await session.clients.all();
    expect(records.map((client) => client.name)).toEqual(['Maya Lindqvist']);
    expect(damagedIds).toEqual([damaged.id]);
    closeVaultSession(session);
  });

  it('opens only the clients asked for, and counts them all without opening any', async () => {
    const { session, raw } = await newSession();
    const amir = await session.clients.add('Amir Haddad');
    const maya = await session.clients.add('Maya Lindqvist');
    const damaged = await session.clients.add('Jo Brennan');
    await session.clients.add('Sam Okafor');
    await raw.sealed('clients').put({ id: damaged.id, sealed: new Uint8Array(64) });
    const { records, damagedIds } = await session.clients.many([maya.id, amir.id, damaged.id]);
    expect(records.map((client) => client.name).sort()).toEqual(['Amir Haddad', 'Maya Lindqvist']);
    expect(damagedIds).toEqual([damaged.id]);
    expect(await session.clients.count()).toBe(4);
    closeVaultSession(session);
  });

  it('reports a ciphertext moved under another record id as damaged', async () => {
    const { session, raw } = await newSession();
    const a = await session.clients.add('Amir Haddad');
    const b = await session.clients.add('Maya Lindqvist');
    const rowA = (await raw.sealed('clients').get(a.id)) as SealedRow;
    await raw.sealed('clients').put({ id: b.id, sealed: rowA.sealed });
    const { records, damagedIds } = await session.clients.all();
    expect(records.map((client) => client.name)).toEqual(['Amir Haddad']);
    expect(damagedIds).toEqual([b.id]);
    closeVaultSession(session);
  });

  it('locking wipes the data key and closes the store', async () => {
    const vault = await buildVault();
    const dataKey = vault.dataKey.slice();
    const session = await openVaultSession({ header: vault.header, dataKey });
    await session.clients.add('Maya Lindqvist');
    closeVaultSession(session);
    expect(dataKey.every((byte) => byte === 0)).toBe(true);
    await expect(session.clients.all()).rejects.toThrow();
  });

  it('opens a client saved by the first version of Bridgework, archived becoming discharged', async () => {
    const id = 'AAAAAAAAAAAAAAAAAAAAAA';
    const v1 = {
      id,
      name: 'Old Client',
      createdAt: '2026-01-01T09:00:00.000Z',
      archivedAt: '2026-03-01T09:00:00.000Z',
    };
    const session = await sessionWithStoredClient(1, v1);
    const { records } = await session.clients.all();
    expect(records).toEqual([
      {
        id,
        name: 'Old Client',
        status: 'discharged',
        privateNotes: '',
        createdAt: v1.createdAt,
        statusChangedAt: v1.archivedAt,
      },
    ]);
    closeVaultSession(session);
  });

  it('opens a client stored before hidden control characters were refused, repaired, and refuses them in new writes', async () => {
    const id = 'AAAAAAAAAAAAAAAAAAAAAA';
    const session = await sessionWithStoredClient(2, {
      id,
      name: 'Maya \u202ELindqvist\r\nM.',
      status: 'active',
      privateNotes: 'Line one\r\nline two\u0007',
      createdAt: '2026-01-01T09:00:00.000Z',
      statusChangedAt: '2026-01-01T09:00:00.000Z',
    });

    const { records, damagedIds } = await session.clients.all();
    expect(damagedIds).toEqual([]);
    expect(records[0]).toMatchObject({
      name: 'Maya \uFFFDLindqvist M.',
      privateNotes: 'Line one\nline two\uFFFD',
    });
    await expect(session.clients.rename(id, 'Maya \u202ELindqvist')).rejects.toThrow(
      'hidden control character',
    );
    await expect(session.clients.setPrivateNotes(id, 'Take 1\u202E tablet')).rejects.toThrow(
      'hidden control character',
    );
    await session.clients.setStatus(id, 'paused');
    expect(await session.clients.get(id)).toMatchObject({
      name: 'Maya \uFFFDLindqvist M.',
      status: 'paused',
    });
    closeVaultSession(session);
  });

  it('lets locking wait for a save that is still running', async () => {
    const { session, raw } = await newSession();
    const saving = session.clients.add('Typed just before locking');
    await session.writesSettled();
    expect(await raw.sealed('clients').count()).toBe(1);
    expect(session.changesSinceBackup()).toBe(1);
    await saving;
    closeVaultSession(session);
  });
});

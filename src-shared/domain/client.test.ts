import { describe, expect, it } from 'vitest';
import {
  type Client,
  clientMigrations,
  clientNameSchema,
  clientSchema,
  initialsOf,
  searchClients,
} from './client';

function client(name: string, status: Client['status'] = 'active'): Client {
  return {
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    name,
    status,
    privateNotes: '',
    createdAt: '2026-11-01T09:00:00.000Z',
    statusChangedAt: '2026-11-01T09:00:00.000Z',
  };
}

describe('client names', () => {
  it('are trimmed, required and capped at 120 characters', () => {
    expect(clientNameSchema.parse('  Maya  ')).toBe('Maya');
    expect(clientNameSchema.safeParse('   ').success).toBe(false);
    expect(clientNameSchema.safeParse('x'.repeat(120)).success).toBe(true);
    expect(clientNameSchema.safeParse('x'.repeat(121)).success).toBe(false);
  });

  it('shorten to initials for lists others might see', () => {
    expect(initialsOf('Jonas Ødegård')).toBe('J. Ø.');
    expect(initialsOf('  maya   lindqvist ')).toBe('M. L.');
    expect(initialsOf('Cher')).toBe('C.');
  });
});

describe('client search', () => {
  const clients = [
    client('Maya Lindqvist'),
    client('Jonas Ødegård', 'paused'),
    client('Amir Haddad', 'discharged'),
    client('amelie Roy'),
  ];

  it('finds names regardless of case and accents', () => {
    expect(searchClients(clients, 'odegard').map((c) => c.name)).toEqual(['Jonas Ødegård']);
    expect(searchClients(clients, 'LIND').map((c) => c.name)).toEqual(['Maya Lindqvist']);
  });

  it('filters by status and sorts by name', () => {
    expect(searchClients(clients, '', ['active']).map((c) => c.name)).toEqual([
      'amelie Roy',
      'Maya Lindqvist',
    ]);
    expect(searchClients(clients, '', ['paused', 'discharged']).map((c) => c.name)).toEqual([
      'Amir Haddad',
      'Jonas Ødegård',
    ]);
  });
});

describe('client records from version 1', () => {
  it('become version 2: archived means discharged, notes start empty', () => {
    const upgrade = clientMigrations[1];
    if (!upgrade) throw new Error('no upgrade from version 1');
    const archived = upgrade({
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      name: 'Old',
      createdAt: '2026-01-01T00:00:00.000Z',
      archivedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(clientSchema.parse(archived)).toMatchObject({
      status: 'discharged',
      privateNotes: '',
      statusChangedAt: '2026-02-01T00:00:00.000Z',
    });
    const active = upgrade({
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      name: 'Old',
      createdAt: '2026-01-01T00:00:00.000Z',
      archivedAt: null,
    });
    expect(clientSchema.parse(active)).toMatchObject({
      status: 'active',
      statusChangedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});

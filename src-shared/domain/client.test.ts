import { describe, expect, it } from 'vitest';
import { type Client, clientNameSchema, searchClients } from './client';

function client(name: string, archived = false): Client {
  return {
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    name,
    createdAt: '2026-11-01T09:00:00.000Z',
    archivedAt: archived ? '2026-11-02T09:00:00.000Z' : null,
  };
}

describe('client names', () => {
  it('are trimmed, required and capped at 120 characters', () => {
    expect(clientNameSchema.parse('  Maya  ')).toBe('Maya');
    expect(clientNameSchema.safeParse('   ').success).toBe(false);
    expect(clientNameSchema.safeParse('x'.repeat(120)).success).toBe(true);
    expect(clientNameSchema.safeParse('x'.repeat(121)).success).toBe(false);
  });
});

describe('client search', () => {
  const clients = [
    client('Maya Lindqvist'),
    client('Jonas Ødegård'),
    client('Amir Haddad', true),
    client('amelie Roy'),
  ];

  it('finds names regardless of case and accents', () => {
    expect(searchClients(clients, 'odegard').map((c) => c.name)).toEqual(['Jonas Ødegård']);
    expect(searchClients(clients, 'LIND').map((c) => c.name)).toEqual(['Maya Lindqvist']);
  });

  it('lists active clients first, then alphabetically', () => {
    expect(searchClients(clients, '').map((c) => c.name)).toEqual([
      'amelie Roy',
      'Jonas Ødegård',
      'Maya Lindqvist',
      'Amir Haddad',
    ]);
  });
});

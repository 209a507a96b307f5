import type { Client } from '../../../src-shared/domain/client';
import { EncryptedTable, untracked } from '../encrypted-table';
import { entities } from '../entities';
import { internalsOf, type VaultSession } from '../vault-session';

/**
 * Dates a seeded client from their first session, as if they had been added then: the
 * repository stamps a new client with the moment it is added, which would have a client of
 * two years' sessions "working together since" today. An active client's status dates from
 * then too; a paused or discharged one keeps the moment their status was set.
 */
export async function dateClientFromFirstSession(
  session: VaultSession,
  clientId: string,
  sessionStarts: readonly string[],
): Promise<void> {
  const first = [...sessionStarts].sort()[0];
  if (!first) return;
  const { db, keys } = internalsOf(session);
  const clients = new EncryptedTable<Client>(db, keys, entities.clients, untracked);
  await clients.update(clientId, (client) => ({
    ...client,
    createdAt: first,
    statusChangedAt: client.status === 'active' ? first : client.statusChangedAt,
  }));
}

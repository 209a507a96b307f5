import type { Assignment } from '../../../src-shared/domain/assignment';
import type { Client } from '../../../src-shared/domain/client';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault } from '../../session/VaultSessionProvider';

/**
 * What a session plan needs around the session itself, kept current: its client, the other
 * clients (so the shared screen can be checked against showing their names) and the client's
 * assignments. Undefined while the first read is under way.
 */
export function usePlanContext(
  clientId: string | undefined,
): { client: Client | undefined; otherClients: Client[]; assignments: Assignment[] } | undefined {
  const { clients, assignments } = useOpenVault();
  return useVaultQuery(async () => {
    if (!clientId) return undefined;
    const [everyone, theirs] = await Promise.all([clients.all(), assignments.forClient(clientId)]);
    return {
      client: everyone.records.find((client) => client.id === clientId),
      otherClients: everyone.records.filter((client) => client.id !== clientId),
      assignments: theirs.records,
    };
  }, [clients, assignments, clientId]);
}

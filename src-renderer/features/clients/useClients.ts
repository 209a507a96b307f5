import { useVaultQuery } from '../../session/useVaultQuery';
import type { Client } from '../../../src-shared/domain/client';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** The vault's clients, kept up to date as they change: `{ data, isLoading, damagedCount }`. */
export function useClients(): { data: Client[]; isLoading: boolean; damagedCount: number } {
  const { clients } = useOpenVault();
  const result = useVaultQuery(() => clients.all(), [clients]);
  return {
    data: result?.records ?? [],
    isLoading: result === undefined,
    damagedCount: result?.damagedIds.length ?? 0,
  };
}

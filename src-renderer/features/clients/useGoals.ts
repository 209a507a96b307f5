import { useVaultQuery } from '../../session/useVaultQuery';
import type { Goal } from '../../../src-shared/domain/goal';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** A client's goals, kept current: `{ data, isLoading, damagedCount }`. */
export function useGoals(clientId: string): {
  data: Goal[];
  isLoading: boolean;
  damagedCount: number;
} {
  const { goals } = useOpenVault();
  const result = useVaultQuery(() => goals.forClient(clientId), [goals, clientId]);
  return {
    data: result?.records ?? [],
    isLoading: result === undefined,
    damagedCount: result?.damagedIds.length ?? 0,
  };
}

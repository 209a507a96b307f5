import { useLiveQuery } from 'dexie-react-hooks';
import type { Goal } from '../../../src-shared/domain/goal';
import { useOpenVault } from '../vault/VaultSessionProvider';

/** A client's goals, kept current: `{ data, isLoading, damagedCount }`. */
export function useGoals(clientId: string): {
  data: Goal[];
  isLoading: boolean;
  damagedCount: number;
} {
  const { goals } = useOpenVault();
  const result = useLiveQuery(() => goals.forClient(clientId), [goals, clientId]);
  return {
    data: result?.records ?? [],
    isLoading: result === undefined,
    damagedCount: result?.damagedIds.length ?? 0,
  };
}

import { useLiveQuery } from 'dexie-react-hooks';

/**
 * A read from the vault's repositories that stays current: it runs again whenever a record it
 * read changes (Dexie's live queries), so screens never show stale data. Undefined while the
 * first read is under way. Features read through this rather than through Dexie.
 */
export function useVaultQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(query, deps);
}

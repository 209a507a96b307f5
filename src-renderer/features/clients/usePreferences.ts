import { useLiveQuery } from 'dexie-react-hooks';
import { useOpenVault } from '../vault/VaultSessionProvider';

/** The vault's preferences, kept current: `{ data, isLoading }`. */
export function usePreferences() {
  const { preferences } = useOpenVault();
  const data = useLiveQuery(() => preferences.get(), [preferences]);
  return {
    data: data ?? { initialsOnlyInLists: false, favouriteTemplates: [] },
    isLoading: data === undefined,
  };
}

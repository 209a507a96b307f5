import { defaultVaultPreferences } from '../../src-shared/domain/preferences';
import { useVaultQuery } from './useVaultQuery';
import { useOpenVault } from './VaultSessionProvider';

/** The vault's preferences, kept current: `{ data, isLoading }`. */
export function usePreferences() {
  const { preferences } = useOpenVault();
  const data = useVaultQuery(() => preferences.get(), [preferences]);
  return {
    data: data ?? defaultVaultPreferences,
    isLoading: data === undefined,
  };
}

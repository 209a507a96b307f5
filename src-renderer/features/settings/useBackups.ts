import { useCallback, useEffect, useState } from 'react';
import { type BackupListing, listBackups } from '../../data/backup-files';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** The vault's backups as listed by main: `{ data, isLoading, error, refresh }`. */
export function useBackups() {
  const { vaultIdHex } = useOpenVault();
  const [data, setData] = useState<BackupListing | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setData(await listBackups(vaultIdHex));
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The backups could not be listed.');
    }
  }, [vaultIdHex]);

  useEffect(() => {
    let current = true;
    listBackups(vaultIdHex).then(
      (listed) => current && setData(listed),
      (caught: unknown) =>
        current &&
        setError(caught instanceof Error ? caught.message : 'The backups could not be listed.'),
    );
    return () => {
      current = false;
    };
  }, [vaultIdHex]);

  return { data, isLoading: data === null && error === null, error, refresh };
}

import { useCallback, useEffect, useState } from 'react';
import type { IpcResponse } from '../../../src-shared/ipc/contract';
import { callMain } from '../../main-process';
import { useOpenVault } from '../vault/VaultSessionProvider';

/** The vault's backups as listed by main: `{ data, isLoading, error, refresh }`. */
export function useBackups() {
  const { vaultIdHex } = useOpenVault();
  const [data, setData] = useState<IpcResponse<'backup:list'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setData(await callMain('backup:list', { vaultId: vaultIdHex }));
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The backups could not be listed.');
    }
  }, [vaultIdHex]);

  useEffect(() => {
    let current = true;
    callMain('backup:list', { vaultId: vaultIdHex }).then(
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

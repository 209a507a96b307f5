import type { z } from 'zod';
import type { IpcChannel, IpcResponse, ipcContract } from '../../src-shared/ipc/contract';
import { createVaultStore } from './vault-store';

/** One handler per channel: takes the parsed request, returns the response or throws HandlerError. */
export type IpcHandlers = {
  [C in IpcChannel]: (
    request: z.output<(typeof ipcContract)[C]['request']>,
  ) => Promise<IpcResponse<C>>;
};

/**
 * Builds the handler map of every channel for a data folder. Plain Node, no Electron: the
 * app registers it through `src-main/ipc.ts`; tests and the e2e harness call it directly.
 */
export function createHandlers(options: { dataDir: string }): IpcHandlers {
  const vaults = createVaultStore(options.dataDir);
  return {
    'vault:list': () => vaults.list(),
    'vault:create': ({ header }) => vaults.create(header),
    'vault:read-header': ({ vaultId }) => vaults.readHeader(vaultId),
  };
}

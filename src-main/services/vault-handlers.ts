import type { vaultChannels } from '../../src-shared/ipc/vault';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlersOf } from './handler-context';

/** The vault channels: key files, and which vault is open. */
export function createVaultHandlers({
  vaults,
  openVault,
  clientView,
}: HandlerContext): HandlersOf<typeof vaultChannels> {
  return {
    'vault:list': () => vaults.list(),
    'vault:create': ({ header }) => vaults.create(header),
    'vault:read-header': ({ vaultId }) => vaults.readHeader(vaultId),
    'vault:replace-header': ({ vaultId, header }) => {
      openVault.require(vaultId);
      return vaults.replaceHeader(vaultId, header);
    },
    'vault:remove': async ({ vaultId }) => {
      if (openVault.isOpen(vaultId))
        throw new HandlerError('INVALID_REQUEST', 'Please lock the vault before removing it.');
      await vaults.remove(vaultId);
      return {};
    },
    'vault:opened': async ({ vaultId }) => {
      openVault.open(vaultId);
      // Each unlock starts the client view from its placeholder, whatever it showed before.
      await clientView.reset();
      return {};
    },
    'vault:closed': async () => {
      openVault.close();
      await clientView.reset();
      return {};
    },
  };
}

import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fromBase64, toBase64, toHex } from '../../src-shared/crypto/bytes';
import { loadSodium } from '../../src-shared/crypto/sodium';
import type { VaultSummary } from '../../src-shared/ipc/contract';
import { parseHeader } from '../../src-shared/vault/header';
import { isVaultError, vaultErrorMessages } from '../../src-shared/vault/vault-error';
import { ensurePrivateDir, writeFileAtomic } from './atomic-file';
import { HandlerError } from './handler-error';

/** Name of the header file inside a vault's folder. */
export const HEADER_FILE_NAME = 'header.bwvh';
const VAULT_FOLDER = /^[0-9a-f]{32}$/;

/**
 * The vault headers (key slots) on disk: `<dataDir>/vaults/<vault id>/header.bwvh`, folders
 * 0700 and files 0600. The main process only ever sees ciphertext and key slots here.
 */
export function createVaultStore(dataDir: string) {
  const vaultsDir = join(dataDir, 'vaults');
  const headerPath = (vaultId: string) => join(vaultsDir, vaultId, HEADER_FILE_NAME);

  async function summarize(vaultId: string): Promise<VaultSummary> {
    await loadSodium();
    try {
      const header = parseHeader(new Uint8Array(await readFile(headerPath(vaultId))));
      if (toHex(header.vaultId) !== vaultId)
        return { status: 'unreadable', vaultId, problem: 'DAMAGED' };
      return { status: 'ready', vaultId, name: header.name };
    } catch (error) {
      return {
        status: 'unreadable',
        vaultId,
        problem: isVaultError(error) ? error.code : 'DAMAGED',
      };
    }
  }

  async function vaultIdOf(headerBase64: string): Promise<string> {
    await loadSodium();
    try {
      return toHex(parseHeader(fromBase64(headerBase64)).vaultId);
    } catch (error) {
      const message = isVaultError(error)
        ? vaultErrorMessages[error.code]
        : 'The vault key file is not valid.';
      throw new HandlerError('INVALID_HEADER', message);
    }
  }

  async function exists(path: string): Promise<boolean> {
    return stat(path).then(
      () => true,
      () => false,
    );
  }

  return {
    /** Every vault folder with a header file, readable or not, sorted by name. */
    async list(): Promise<VaultSummary[]> {
      const entries = await readdir(vaultsDir, { withFileTypes: true }).catch(() => []);
      const ids = entries
        .filter((e) => e.isDirectory() && VAULT_FOLDER.test(e.name))
        .map((e) => e.name);
      const withHeaders = [];
      for (const id of ids) if (await exists(headerPath(id))) withHeaders.push(id);
      const summaries = await Promise.all(withHeaders.map(summarize));
      return summaries.sort((a, b) =>
        (a.status === 'ready' ? a.name : '').localeCompare(b.status === 'ready' ? b.name : ''),
      );
    },

    /** Stores the header of a new vault after checking it parses; refuses to overwrite one. */
    async create(headerBase64: string): Promise<VaultSummary> {
      await loadSodium();
      let vaultId: string;
      try {
        vaultId = toHex(parseHeader(fromBase64(headerBase64)).vaultId);
      } catch (error) {
        const message = isVaultError(error)
          ? vaultErrorMessages[error.code]
          : 'The vault key file is not valid.';
        throw new HandlerError('INVALID_HEADER', message);
      }
      await ensurePrivateDir(join(vaultsDir, vaultId));
      try {
        await writeFileAtomic(headerPath(vaultId), fromBase64(headerBase64), { exclusive: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        throw new HandlerError('ALREADY_EXISTS', 'A vault with this id already exists.');
      }
      return summarize(vaultId);
    },

    /**
     * Replaces the header of an existing vault (a new passphrase, recovery key or name),
     * atomically: after a crash exactly one of the old and the new header is in place.
     */
    async replaceHeader(vaultId: string, headerBase64: string): Promise<VaultSummary> {
      if ((await vaultIdOf(headerBase64)) !== vaultId) {
        throw new HandlerError('INVALID_HEADER', 'That key file belongs to another vault.');
      }
      if (!(await exists(headerPath(vaultId))))
        throw new HandlerError('NOT_FOUND', "We couldn't find this vault.");
      await writeFileAtomic(headerPath(vaultId), fromBase64(headerBase64));
      return summarize(vaultId);
    },

    /** Deletes a vault's folder (its key file); its backups elsewhere are kept. */
    async remove(vaultId: string): Promise<void> {
      await rm(join(vaultsDir, vaultId), { recursive: true, force: true });
    },

    /** The raw header bytes of a vault, for the renderer to unlock. */
    async readHeader(vaultId: string): Promise<{ header: string }> {
      try {
        return { header: toBase64(new Uint8Array(await readFile(headerPath(vaultId)))) };
      } catch {
        throw new HandlerError('NOT_FOUND', "We couldn't find this vault's key file.");
      }
    },
  };
}

/** The vault header store. */
export type VaultStore = ReturnType<typeof createVaultStore>;

import { newRecordId } from '../../src-shared/domain/record-id';
import type { VaultLogEntry } from '../../src-shared/domain/vault-log';
import {
  EncryptedTable,
  type ReadAll,
  type VaultKeys,
  untracked,
  type WriteTracker,
} from './encrypted-table';
import { entities } from './entities';
import type { VaultDatabase } from './vault-database';

/** The vault's log of exports and deletions. */
export function createLogRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<VaultLogEntry>(db, keys, entities.log, writes);
  return {
    /** Every entry, newest first. */
    async all(): Promise<ReadAll<VaultLogEntry>> {
      const result = await table.all();
      result.records.sort((a, b) => b.at.localeCompare(a.at));
      return result;
    },
    /** Notes that something left the vault in plaintext, at the clinician's request (only `exportFromVault` calls it). */
    recordExport: (
      what: string,
      format: Extract<VaultLogEntry, { kind: 'export' }>['format'],
      clientId: string | null = null,
    ) =>
      table.put({
        id: newRecordId(),
        kind: 'export',
        at: new Date().toISOString(),
        what,
        format,
        clientId,
      }),
  };
}

/** The vault log repository. */
export type LogRepository = ReturnType<typeof createLogRepository>;

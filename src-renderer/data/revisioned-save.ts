import { VaultError } from '../../src-shared/vault/vault-error';
import type { EncryptedTable } from './encrypted-table';

/** A record that counts its saves, so a save based on an older read can be noticed. */
type Revisioned = { id: string; revision: number; updatedAt: string };

/**
 * Saves `record` as the next revision, in one transaction with reading what is stored: when the
 * stored revision is not the one `record` was read at, another window saved in between, and
 * the save is refused with EDIT_CONFLICT instead of silently overwriting that work.
 */
export async function saveNextRevision<T extends Revisioned>(
  table: EncryptedTable<T>,
  record: T,
): Promise<T> {
  const saved = { ...record, revision: record.revision + 1, updatedAt: new Date().toISOString() };
  await table.table.db.transaction('rw', table.table, async () => {
    const stored = await table.get(record.id);
    if (!stored) throw new VaultError('RECORD_GONE');
    if (stored.revision !== record.revision) throw new VaultError('EDIT_CONFLICT');
    await table.put(saved);
  });
  return saved;
}

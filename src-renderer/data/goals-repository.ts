import { type Goal, goalSchema } from '../../src-shared/domain/goal';
import { newRecordId } from '../../src-shared/domain/record-id';
import {
  EncryptedTable,
  type ReadAll,
  type VaultKeys,
  untracked,
  type WriteTracker,
} from './encrypted-table';
import { entities } from './entities';
import type { VaultDatabase } from './vault-database';

/** What the clinician edits of a goal. */
export type GoalDraft = Pick<Goal, 'clientWords' | 'whyItMatters' | 'status'>;

/** Clients' goals, in their own words. */
export function createGoalsRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<Goal>(db, keys, entities.goals, writes);
  const now = () => new Date().toISOString();
  return {
    /** A client's goals, oldest first. */
    async forClient(clientId: string): Promise<ReadAll<Goal>> {
      const result = await table.where('clientId', clientId);
      result.records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return result;
    },
    async add(clientId: string, draft: GoalDraft): Promise<Goal> {
      const at = now();
      const goal = goalSchema.parse({
        id: newRecordId(),
        clientId,
        ...draft,
        createdAt: at,
        updatedAt: at,
      });
      await table.put(goal);
      return goal;
    },
    update: (id: string, draft: GoalDraft): Promise<void> =>
      table.update(id, (goal) => goalSchema.parse({ ...goal, ...draft, updatedAt: now() })),
    remove: (id: string): Promise<void> => table.delete(id),
  };
}

/** The goals repository. */
export type GoalsRepository = ReturnType<typeof createGoalsRepository>;

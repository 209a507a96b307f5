import { type Assignment, assignmentSchema } from '../../src-shared/domain/assignment';
import {
  type AssignmentPlacement,
  draftFromScratch,
  draftFromTemplate,
} from '../../src-shared/domain/assignment-draft';
import { newRecordId } from '../../src-shared/domain/record-id';
import type { TemplateContent, TemplateRef } from '../../src-shared/domain/template';
import {
  EncryptedTable,
  type ReadAll,
  type VaultKeys,
  untracked,
  type WriteTracker,
} from './encrypted-table';
import { entities } from './entities';
import { saveNextRevision } from './revisioned-save';
import type { VaultDatabase } from './vault-database';

/** Where a new assignment goes: its client, the session it is set in, its dates. */
export type NewAssignment = Omit<AssignmentPlacement, 'id' | 'at'>;

/** Clients' assignments: drafts being designed together, and the practice agreed. */
export function createAssignmentsRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<Assignment>(db, keys, entities.assignments, writes);
  const placed = (where: NewAssignment): AssignmentPlacement => ({
    ...where,
    id: newRecordId(),
    at: new Date().toISOString(),
  });

  async function add(assignment: Assignment): Promise<Assignment> {
    await table.put(assignment);
    return assignment;
  }

  return {
    /** A client's assignments, oldest first, and the ids of any that could not be read. */
    async forClient(clientId: string): Promise<ReadAll<Assignment>> {
      const result = await table.where('clientId', clientId);
      result.records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return result;
    },
    /** One assignment; throws RECORD_DAMAGED when it cannot be read. */
    get: (id: string): Promise<Assignment | undefined> => table.get(id),
    /** Starts a draft from a template: its own copy of the template's client-facing text. */
    startFromTemplate: (where: NewAssignment, ref: TemplateRef, template: TemplateContent) =>
      add(draftFromTemplate(placed(where), ref, template)),
    /** Starts a draft from scratch with just a title. */
    startFromScratch: (where: NewAssignment, title: string) =>
      add(draftFromScratch(placed(where), title)),
    /**
     * Saves an edited assignment as its next revision. Refused with EDIT_CONFLICT when another
     * window saved it since `assignment` was read, so neither overwrites the other unseen.
     */
    save: async (assignment: Assignment): Promise<Assignment> =>
      saveNextRevision(table, assignmentSchema.parse(assignment)),
    /** Removes an assignment (a draft that was not agreed). */
    remove: (id: string): Promise<void> => table.delete(id),
  };
}

/** The assignments repository. */
export type AssignmentsRepository = ReturnType<typeof createAssignmentsRepository>;

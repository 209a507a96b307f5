import { type Assignment, assignmentSchema } from '../../src-shared/domain/assignment';
import {
  type AssignmentPlacement,
  draftFromScratch,
  draftFromTemplate,
} from '../../src-shared/domain/assignment-draft';
import { newRecordId } from '../../src-shared/domain/record-id';
import type { Session } from '../../src-shared/domain/session';
import type { TemplateContent, TemplateRef } from '../../src-shared/domain/template';
import { VaultError } from '../../src-shared/vault/vault-error';
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

/** What a new assignment starts from: a template (its reference and content) or just a title. */
export type AssignmentSource =
  | { from: 'template'; ref: TemplateRef; template: TemplateContent }
  | { from: 'scratch'; title: string };

/** Clients' assignments: drafts being designed together, and the practice agreed. */
export function createAssignmentsRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<Assignment>(db, keys, entities.assignments, writes);
  const sessions = new EncryptedTable<Session>(db, keys, entities.sessions, writes);

  return {
    /** A client's assignments, oldest first, and the ids of any that could not be read. */
    async forClient(clientId: string): Promise<ReadAll<Assignment>> {
      const result = await table.where('clientId', clientId);
      result.records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return result;
    },
    /** Several clients' assignments at once (one read), oldest first. */
    async forClients(clientIds: readonly string[]): Promise<ReadAll<Assignment>> {
      const result = await table.whereAnyOf('clientId', clientIds);
      result.records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return result;
    },
    /** One assignment; throws RECORD_DAMAGED when it cannot be read. */
    get: (id: string): Promise<Assignment | undefined> => table.get(id),
    /**
     * Starts a draft, from a template (its own copy of the template's text) or from scratch, and
     * lists it on the session it is set in, in one transaction.
     */
    async start(where: NewAssignment, source: AssignmentSource): Promise<Assignment> {
      const placement = { ...where, id: newRecordId(), at: new Date().toISOString() };
      const draft =
        source.from === 'template'
          ? draftFromTemplate(placement, source.ref, source.template)
          : draftFromScratch(placement, source.title);
      await db.transaction('rw', [table.table, sessions.table], async () => {
        await table.put(draft);
        if (!where.sessionId) return;
        const session = await sessions.get(where.sessionId);
        if (!session) throw new VaultError('RECORD_GONE');
        await saveNextRevision(sessions, {
          ...session,
          assignmentIds: [...session.assignmentIds, draft.id],
        });
      });
      return draft;
    },
    /**
     * Saves an edited assignment as its next revision. Refused with EDIT_CONFLICT when another
     * window saved it since `assignment` was read, so neither overwrites the other unseen.
     */
    save: async (assignment: Assignment): Promise<Assignment> =>
      saveNextRevision(table, assignmentSchema.parse(assignment)),
    /** Removes a draft that was not agreed, and takes it off the session it was set in. */
    async discardDraft(draft: Assignment): Promise<void> {
      await db.transaction('rw', [table.table, sessions.table], async () => {
        await table.delete(draft.id);
        const session = draft.sessionId ? await sessions.get(draft.sessionId) : undefined;
        if (!session) return;
        await saveNextRevision(sessions, {
          ...session,
          assignmentIds: session.assignmentIds.filter((id) => id !== draft.id),
        });
      });
    },
  };
}

/** The assignments repository. */
export type AssignmentsRepository = ReturnType<typeof createAssignmentsRepository>;

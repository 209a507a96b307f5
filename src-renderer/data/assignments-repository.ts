import { type Assignment, assignmentSchema } from '../../src-shared/domain/assignment';
import {
  type AssignmentPlacement,
  draftFromScratch,
  draftFromTemplate,
  nextVersionOf,
} from '../../src-shared/domain/assignment-draft';
import type { NewVersionDecision } from '../../src-shared/domain/review';
import { newRecordId } from '../../src-shared/domain/record-id';
import type { Session } from '../../src-shared/domain/session';
import { reviewedFirstWhenPracticeStarts } from '../../src-shared/domain/session-agenda';
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
import { createInsightSummaries } from './insight-summaries';
import { saveNextRevision } from './revisioned-save';
import { createSessionCalendars } from './session-calendars';
import type { VaultDatabase } from './vault-database';

/** Where a new assignment goes: its client, the session it is set in, its dates. */
export type NewAssignment = Omit<AssignmentPlacement, 'id' | 'at'>;

/**
 * What a new assignment starts from: a template (its reference and content), just a title, or
 * the practice a review decided to carry on as a new version (what was decided, and why).
 */
export type AssignmentSource =
  | { from: 'template'; ref: TemplateRef; template: TemplateContent }
  | { from: 'scratch'; title: string }
  | { from: 'review'; previous: Assignment; decision: NewVersionDecision; reason: string };

/** Clients' assignments: drafts being designed together, and the practice agreed. */
export function createAssignmentsRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<Assignment>(db, keys, entities.assignments, writes);
  const sessions = new EncryptedTable<Session>(db, keys, entities.sessions, writes);
  const calendars = createSessionCalendars(db, keys, writes);
  const summaries = createInsightSummaries(db, keys, writes);
  const everyTable = [...new Set([...calendars.tables, ...summaries.tables])];

  /**
   * Puts a new draft and lists it on the session it is set in, noting whether practice was
   * reviewed before it, and keeps the client's calendar and insight summary in step: one
   * transaction.
   */
  async function putDraft(draft: Assignment): Promise<Assignment> {
    await db.transaction('rw', everyTable, async () => {
      const before = (await table.where('clientId', draft.clientId)).records;
      await table.put(draft);
      if (draft.sessionId) {
        const session = await sessions.get(draft.sessionId);
        if (!session) throw new VaultError('RECORD_GONE');
        await saveNextRevision(sessions, {
          ...session,
          assignmentIds: [...session.assignmentIds, draft.id],
          reviewedFirst: reviewedFirstWhenPracticeStarts(session, before),
        });
        await calendars.rewrite(draft.clientId);
      }
      await summaries.rewrite(draft.clientId);
    });
    return draft;
  }

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
    /**
     * The practice that can come up for review at these clients' sessions: each client's active
     * assignments and any of `namedIds` (those their agendas name), oldest first, without
     * opening the rest of their history. Which are active comes from the insight summaries; a
     * client whose summary is out of step has all their assignments read instead.
     */
    async inPlayFor(
      clientIds: readonly string[],
      namedIds: readonly string[],
    ): Promise<ReadAll<Assignment>> {
      const activeIds = await summaries.assignmentIdsAt(clientIds, ['active']);
      const unknown = clientIds.filter((clientId) => activeIds.get(clientId) === null);
      const wanted = new Set([...namedIds, ...[...activeIds.values()].flatMap((ids) => ids ?? [])]);
      const [opened, whole] = await Promise.all([
        table.many([...wanted]),
        unknown.length > 0 ? table.whereAnyOf('clientId', unknown) : undefined,
      ]);
      const clients = new Set(clientIds);
      const byId = new Map<string, Assignment>();
      for (const assignment of [...opened.records, ...(whole?.records ?? [])])
        if (clients.has(assignment.clientId)) byId.set(assignment.id, assignment);
      return {
        records: [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
        damagedIds: [...new Set([...opened.damagedIds, ...(whole?.damagedIds ?? [])])],
      };
    },
    /** One assignment; throws RECORD_DAMAGED when it cannot be read. */
    get: (id: string): Promise<Assignment | undefined> => table.get(id),
    /**
     * Starts a draft — from a template (its own copy of the template's text), from scratch, or as
     * a new version after a review — and lists it on the session it is set in, in one transaction.
     */
    async start(where: NewAssignment, source: AssignmentSource): Promise<Assignment> {
      const placement = { ...where, id: newRecordId(), at: new Date().toISOString() };
      if (source.from === 'template')
        return putDraft(draftFromTemplate(placement, source.ref, source.template));
      if (source.from === 'scratch') return putDraft(draftFromScratch(placement, source.title));
      // The previous version stays as it is until the new one is agreed (see `save`).
      return putDraft(nextVersionOf(source.previous, placement, source.decision, source.reason));
    },
    /**
     * Saves an edited assignment as its next revision. Refused with EDIT_CONFLICT when another
     * window saved it since `assignment` was read, so neither overwrites the other unseen.
     */
    async save(assignment: Assignment): Promise<Assignment> {
      const valid = assignmentSchema.parse(assignment);
      // Drafts save on every keystroke and count nowhere yet: only agreed practice touches the
      // insight summary, and agreeing a new version retires the one it replaces.
      if (valid.status === 'draft') return saveNextRevision(table, valid);
      return db.transaction('rw', everyTable, async () => {
        const saved = await saveNextRevision(table, valid);
        const replaced = valid.replaces ? await table.get(valid.replaces.assignmentId) : undefined;
        const retired =
          replaced && valid.status === 'active' && replaced.status !== 'replaced'
            ? await saveNextRevision<Assignment>(table, { ...replaced, status: 'replaced' })
            : null;
        await summaries.assignmentsSaved(retired ? [saved, retired] : [saved]);
        return saved;
      });
    },
    /** Removes a draft that was not agreed, and takes it off the session it was set in. */
    async discardDraft(draft: Assignment): Promise<void> {
      await db.transaction('rw', everyTable, async () => {
        await table.delete(draft.id);
        await summaries.rewrite(draft.clientId);
        const session = draft.sessionId ? await sessions.get(draft.sessionId) : undefined;
        if (!session) return;
        await saveNextRevision(sessions, {
          ...session,
          assignmentIds: session.assignmentIds.filter((id) => id !== draft.id),
        });
        await calendars.rewrite(draft.clientId);
      });
    },
  };
}

/** The assignments repository. */
export type AssignmentsRepository = ReturnType<typeof createAssignmentsRepository>;

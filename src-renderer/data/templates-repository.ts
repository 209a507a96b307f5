import { newRecordId } from '../../src-shared/domain/record-id';
import {
  type CustomTemplate,
  customTemplateSchema,
  type TemplateContent,
} from '../../src-shared/domain/template';
import type { TemplatePack } from '../../src-shared/domain/template-pack';
import { EncryptedTable, type VaultKeys, untracked, type WriteTracker } from './encrypted-table';

type PackedTemplate = TemplatePack['templates'][number];
import { entities } from './entities';
import type { VaultDatabase } from './vault-database';

/** Custom templates: every version is kept; the library shows the latest of each lineage. */
export function createTemplatesRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<CustomTemplate>(db, keys, entities.templates, writes, true);
  const now = () => new Date().toISOString();

  async function versionsOf(lineageId: string): Promise<CustomTemplate[]> {
    return (await table.where('lineageId', lineageId)).records.sort(
      (a, b) => a.version - b.version,
    );
  }

  return {
    /** The latest version of every custom template, archived ones included; and damaged record ids. */
    async latest(): Promise<{ templates: CustomTemplate[]; damagedIds: string[] }> {
      const { records, damagedIds } = await table.all();
      const newest = new Map<string, CustomTemplate>();
      for (const template of records) {
        const current = newest.get(template.lineageId);
        if (!current || template.version > current.version)
          newest.set(template.lineageId, template);
      }
      return { templates: [...newest.values()], damagedIds };
    },

    versionsOf,

    /** A specific version (what an assignment was made from). */
    get: (id: string): Promise<CustomTemplate | undefined> => table.get(id),

    /** A new custom template (version 1), optionally duplicated from another. */
    async create(
      content: TemplateContent,
      basedOn: CustomTemplate['basedOn'] = null,
    ): Promise<CustomTemplate> {
      const template = customTemplateSchema.parse({
        ...content,
        id: newRecordId(),
        lineageId: newRecordId(),
        version: 1,
        basedOn,
        archivedAt: null,
        createdAt: now(),
      });
      await table.put(template);
      return template;
    },

    /** Saves an edit as a new version; earlier versions stay as they were for existing assignments. */
    async edit(lineageId: string, content: TemplateContent): Promise<CustomTemplate> {
      const versions = await versionsOf(lineageId);
      const previous = versions.at(-1);
      if (!previous) throw new Error('template not found');
      const next = customTemplateSchema.parse({
        ...previous,
        ...content,
        id: newRecordId(),
        version: previous.version + 1,
        createdAt: now(),
      });
      await table.put(next);
      return next;
    },

    /**
     * Adds a pack's templates, all or none, in one transaction. A template keeps its id unless
     * one like it is already here, in which case it comes in as a copy. Returns how many came in.
     */
    async importPack(packed: PackedTemplate[]): Promise<number> {
      const existing = new Set((await table.all()).records.map((template) => template.lineageId));
      await table.table.db.transaction('rw', table.table, async () => {
        for (const { key, ...content } of packed) {
          const clash = existing.has(key);
          const lineageId = clash ? newRecordId() : key;
          existing.add(lineageId);
          await table.put(
            customTemplateSchema.parse({
              ...content,
              title: clash ? `${content.title.slice(0, 112)} (copy)` : content.title,
              id: newRecordId(),
              lineageId,
              version: 1,
              basedOn: null,
              archivedAt: null,
              createdAt: now(),
            }),
          );
        }
      });
      return packed.length;
    },

    /**
     * Deletes a custom template: every version and its worksheets' descriptions, in one
     * transaction. Returns the worksheet ids, whose files the caller then removes.
     */
    async deleteLineage(lineageId: string): Promise<string[]> {
      const attachments = db.sealed('attachments');
      let attachmentIds: string[] = [];
      const end = writes.begin();
      await db
        .transaction('rw', [table.table, attachments], async () => {
          attachmentIds = (await attachments
            .where('lineageId')
            .equals(lineageId)
            .primaryKeys()) as string[];
          await attachments.bulkDelete(attachmentIds);
          await table.table.where('lineageId').equals(lineageId).delete();
        })
        .finally(end);
      return attachmentIds;
    },

    /** Hides a template from the library (or brings it back); its versions are kept. */
    async setArchived(lineageId: string, archived: boolean): Promise<void> {
      const latest = (await versionsOf(lineageId)).at(-1);
      if (!latest) throw new Error('template not found');
      await table.update(latest.id, (template) => ({
        ...template,
        archivedAt: archived ? now() : null,
      }));
    },
  };
}

/** The custom templates repository. */
export type TemplatesRepository = ReturnType<typeof createTemplatesRepository>;

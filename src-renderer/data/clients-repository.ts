import {
  type Client,
  type ClientStatus,
  clientNameSchema,
  clientSchema,
} from '../../src-shared/domain/client';
import { newRecordId } from '../../src-shared/domain/record-id';
import {
  EncryptedTable,
  type ReadAll,
  type VaultKeys,
  untracked,
  type WriteTracker,
} from './encrypted-table';
import { entities } from './entities';
import { callMain } from './ipc-client';
import { CLIENT_OWNED_TABLES, type VaultDatabase } from './vault-database';

/** Clients of one unlocked vault. */
export function createClientsRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  vaultIdHex: string,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<Client>(db, keys, entities.clients, writes);
  const log = new EncryptedTable(db, keys, entities.log, writes);
  const now = () => new Date().toISOString();

  return {
    /** Every client (decrypted), and the ids of any that could not be read. */
    all: (): Promise<ReadAll<Client>> => table.all(),

    get: (id: string): Promise<Client | undefined> => table.get(id),

    /** The clients with these ids; damaged ones are listed by id. */
    many: (ids: readonly string[]): Promise<ReadAll<Client>> => table.many(ids),

    /** How many clients the vault holds (damaged records included), opening none of them. */
    count: (): Promise<number> => table.count(),

    /** Adds an active client with the given name; returns it. */
    async add(name: string): Promise<Client> {
      const at = now();
      const client = clientSchema.parse({
        id: newRecordId(),
        name: clientNameSchema.parse(name),
        status: 'active',
        privateNotes: '',
        createdAt: at,
        statusChangedAt: at,
      });
      await table.put(client);
      return client;
    },

    /** Gives a client a new name. */
    rename: (id: string, name: string): Promise<void> =>
      table.update(id, (client) => ({ ...client, name: clientNameSchema.parse(name) })),

    /** Moves a client to active, paused or discharged. */
    setStatus: (id: string, status: ClientStatus): Promise<void> =>
      table.update(id, (client) =>
        client.status === status ? client : { ...client, status, statusChangedAt: now() },
      ),

    /** Saves the clinician's private notes about a client. */
    setPrivateNotes: (id: string, privateNotes: string): Promise<void> =>
      table.update(id, (client) => ({ ...client, privateNotes })),

    /**
     * Deletes a client and every record that belongs to them (goals, sessions, assignments,
     * practice logs, reviews, kept trackers) in one transaction, and notes the deletion in the
     * vault's log without the client's name or id; then the kept trackers' encrypted files.
     * Returns how many records were removed.
     */
    async deleteWithAllRecords(id: string): Promise<number> {
      const owned = CLIENT_OWNED_TABLES.map((name) => db.sealed(name));
      let removed = 0;
      let attachmentIds: string[] = [];
      await db.transaction('rw', [table.table, log.table, ...owned], async () => {
        attachmentIds = (await db
          .sealed('attachments')
          .where('clientId')
          .equals(id)
          .primaryKeys()) as string[];
        for (const ownedTable of owned)
          removed += await ownedTable.where('clientId').equals(id).delete();
        await table.table.delete(id);
        removed += 1;
        await log.put({
          id: newRecordId(),
          kind: 'client-deleted',
          at: now(),
          recordsRemoved: removed,
        });
      });
      // The files after their descriptions, as a worksheet is removed. The client is already
      // gone: a file that can't be removed now is left encrypted, with nothing pointing at it,
      // rather than telling the clinician that nothing was deleted.
      for (const attachmentId of attachmentIds)
        await callMain('attachment:delete', { vaultId: vaultIdHex, attachmentId }).catch(
          () => undefined,
        );
      return removed;
    },
  };
}

/** The clients repository of an unlocked vault. */
export type ClientsRepository = ReturnType<typeof createClientsRepository>;

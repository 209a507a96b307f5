import {
  type Client,
  CLIENT_SCHEMA_VERSION,
  clientNameSchema,
  clientSchema,
} from '../../src-shared/domain/client';
import { newRecordId } from '../../src-shared/domain/record-id';
import { EncryptedTable, type ReadAll, type VaultKeys } from './encrypted-table';
import type { VaultDatabase } from './vault-database';

/** Clients of one unlocked vault. */
export function createClientsRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  onWrite: () => void = () => undefined,
) {
  const table = new EncryptedTable<Client>(
    db.clients,
    keys,
    clientSchema,
    CLIENT_SCHEMA_VERSION,
    onWrite,
  );
  const now = () => new Date().toISOString();

  return {
    /** Every client (decrypted), and the ids of any that could not be read. */
    all: (): Promise<ReadAll<Client>> => table.all(),

    /** Adds a client with the given name; returns it. */
    async add(name: string): Promise<Client> {
      const client: Client = {
        id: newRecordId(),
        name: clientNameSchema.parse(name),
        createdAt: now(),
        archivedAt: null,
      };
      await table.put(client);
      return client;
    },

    /** Gives a client a new name. */
    rename: (id: string, name: string): Promise<void> =>
      table.update(id, (client) => ({ ...client, name: clientNameSchema.parse(name) })),

    /** Archives a client (kept, but out of the everyday list), or brings them back. */
    setArchived: (id: string, archived: boolean): Promise<void> =>
      table.update(id, (client) => ({
        ...client,
        archivedAt: archived ? (client.archivedAt ?? now()) : null,
      })),
  };
}

/** The clients repository of an unlocked vault. */
export type ClientsRepository = ReturnType<typeof createClientsRepository>;

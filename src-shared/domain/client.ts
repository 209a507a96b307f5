import { z } from 'zod';
import { recordIdSchema } from './record-id';

/** Version of the client record's shape; sealed into each record's associated data. */
export const CLIENT_SCHEMA_VERSION = 1;

/** Longest client name accepted, in characters. */
export const MAX_CLIENT_NAME_LENGTH = 120;

/** A client's name as the clinician types it: trimmed, not empty, not overlong. */
export const clientNameSchema = z
  .string()
  .trim()
  .min(1, 'Please enter a name.')
  .max(MAX_CLIENT_NAME_LENGTH, `Names can be up to ${MAX_CLIENT_NAME_LENGTH} characters.`);

/** A person the clinician works with. Stored encrypted; only `id` is visible in storage. */
export const clientSchema = z
  .object({
    id: recordIdSchema,
    /** The name the clinician uses for this client; may be a pseudonym or initials. */
    name: clientNameSchema,
    /** When the client was added (ISO 8601, UTC). */
    createdAt: z.iso.datetime(),
    /** When the clinician archived the client (ISO 8601, UTC); null while active. */
    archivedAt: z.iso.datetime().nullable(),
  })
  .strict();

/** A client record. */
export type Client = z.infer<typeof clientSchema>;

/** Clients whose name contains `query` (case- and accent-insensitive), active ones first, then by name. */
export function searchClients(clients: readonly Client[], query: string): Client[] {
  const needle = foldForSearch(query.trim());
  return clients
    .filter((client) => foldForSearch(client.name).includes(needle))
    .sort(
      (a, b) =>
        Number(a.archivedAt !== null) - Number(b.archivedAt !== null) ||
        a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
    );
}

function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ø/gi, 'o')
    .toLowerCase();
}

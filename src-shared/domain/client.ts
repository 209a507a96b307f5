import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine, plainText } from './text';

/** Version of the client record's shape; sealed into each record's associated data. */
export const CLIENT_SCHEMA_VERSION = 2;

/** Longest client name accepted, in characters. */
export const MAX_CLIENT_NAME_LENGTH = 120;
/** Longest private notes accepted, in characters. */
export const MAX_PRIVATE_NOTES_LENGTH = 20_000;

/** Where a client is in their work with the clinician. */
export const clientStatuses = ['active', 'paused', 'discharged'] as const;

/** A client's status. */
export type ClientStatus = (typeof clientStatuses)[number];

/** Status labels as a clinician says them. */
export const clientStatusLabels: Record<ClientStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  discharged: 'Discharged',
};

/** A client's name as the clinician types it: one line, trimmed, not empty, not overlong. */
export const clientNameSchema = plainLine()
  .trim()
  .min(1, 'Please enter a name.')
  .max(MAX_CLIENT_NAME_LENGTH, `Names can be up to ${MAX_CLIENT_NAME_LENGTH} characters.`);

/** The clinician's private notes about a client, as typed. */
export const privateNotesSchema = plainText().max(
  MAX_PRIVATE_NOTES_LENGTH,
  `Notes can be up to ${MAX_PRIVATE_NOTES_LENGTH} characters.`,
);

/** A person the clinician works with. Stored encrypted; only `id` is visible in storage. */
export const clientSchema = z
  .object({
    id: recordIdSchema,
    /** The name the clinician uses for this client; may be a pseudonym or initials. */
    name: clientNameSchema,
    status: z.enum(clientStatuses),
    /** The clinician's private notes; never shown in the client view or on handouts. */
    privateNotes: privateNotesSchema,
    /** When the client was added (ISO 8601, UTC). */
    createdAt: z.iso.datetime(),
    /** When the status last changed (ISO 8601, UTC). */
    statusChangedAt: z.iso.datetime(),
  })
  .strict();

/** A client record. */
export type Client = z.infer<typeof clientSchema>;

/** The client record's one-line text fields, for repairing text stored before the rules (`repairStoredText`). */
export const clientSingleLineFields = ['name'];

/** Client record version 1 (issue 2): archived or not, no notes. (Its name's text is checked after the upgrade.) */
const clientV1Schema = z.object({
  id: recordIdSchema,
  name: z.string(),
  createdAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
});

/** Upgrades of older client records to the current shape, by the version they were written with. */
export const clientMigrations: Record<number, (old: unknown) => unknown> = {
  // 1 → 2: "archived" becomes the status "discharged"; private notes start empty.
  1: (old) => {
    const v1 = clientV1Schema.parse(old);
    return {
      id: v1.id,
      name: v1.name,
      status: v1.archivedAt ? 'discharged' : 'active',
      privateNotes: '',
      createdAt: v1.createdAt,
      statusChangedAt: v1.archivedAt ?? v1.createdAt,
    };
  },
};

/** Initials of a name, for lists when the privacy setting hides full names ("Jonas Ødegård" → "J. Ø."). */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${Array.from(part)[0]?.toUpperCase() ?? ''}.`)
    .join(' ');
}

/** Clients whose name contains `query` (case- and accent-insensitive) and whose status is in `statuses`, by name. */
export function searchClients(
  clients: readonly Client[],
  query: string,
  statuses?: readonly ClientStatus[],
): Client[] {
  const needle = foldForSearch(query.trim());
  return clients
    .filter(
      (client) =>
        (!statuses || statuses.includes(client.status)) &&
        foldForSearch(client.name).includes(needle),
    )
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

/** Folds text for accent-insensitive matching (also ø → o, which has no decomposition). */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .toLowerCase();
}

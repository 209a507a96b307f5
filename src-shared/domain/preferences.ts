import { z } from 'zod';
import { recordIdSchema } from './record-id';

/** Version of the vault preferences record's shape. */
export const PREFERENCES_SCHEMA_VERSION = 1;

/** Per-vault preferences, stored encrypted as a single record. */
export const vaultPreferencesSchema = z
  .object({
    id: recordIdSchema,
    /** Show only initials in lists (for working where others can see the screen). */
    initialsOnlyInLists: z.boolean(),
    /** Favourite templates: built-in slugs and custom lineage ids. */
    favouriteTemplates: z.array(z.string().max(120)).max(1000),
  })
  .strict();

/** The vault's preferences. */
export type VaultPreferences = z.infer<typeof vaultPreferencesSchema>;

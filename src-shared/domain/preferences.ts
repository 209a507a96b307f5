import { z } from 'zod';
import { recordIdSchema } from './record-id';

/**
 * Version of the vault preferences record's shape.
 * 2: the word the client sees for practice (`upgradePreferencesV1`).
 */
export const PREFERENCES_SCHEMA_VERSION = 2;

/**
 * What the client sees the week's practice called: "practice" or "this week's plan", never
 * "homework", which can sound like school and judgement.
 */
export const practiceWordings = ['practice', 'this-weeks-plan'] as const;

/** The client-side word for practice. */
export type PracticeWording = (typeof practiceWordings)[number];

/** Per-vault preferences, stored encrypted as a single record. */
export const vaultPreferencesSchema = z
  .object({
    id: recordIdSchema,
    /** Show only initials in lists (for working where others can see the screen). */
    initialsOnlyInLists: z.boolean(),
    /** Favourite templates: built-in slugs and custom lineage ids. */
    favouriteTemplates: z.array(z.string().max(120)).max(1000),
    /** What the client view and handouts call the week's practice. */
    practiceWording: z.enum(practiceWordings),
  })
  .strict();

/** The vault's preferences. */
export type VaultPreferences = z.infer<typeof vaultPreferencesSchema>;

/** The preferences of a vault that has saved none yet. */
export const defaultVaultPreferences: Omit<VaultPreferences, 'id'> = {
  initialsOnlyInLists: false,
  favouriteTemplates: [],
  practiceWording: 'practice',
};

/** A preferences record of shape 1 as shape 2: the client sees "practice". */
export function upgradePreferencesV1(old: Record<string, unknown>): Record<string, unknown> {
  return { ...old, practiceWording: 'practice' };
}

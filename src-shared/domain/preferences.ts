import { z } from 'zod';
import { recordIdSchema } from './record-id';
import { plainLine } from './text';

/**
 * Version of the vault preferences record's shape.
 * 2: the word the client sees for practice (`upgradePreferencesV1`).
 * 3: what handouts carry and how they are printed — the practice's and the clinician's names,
 *    the paper size, how the client is named, large print (`upgradePreferencesV2`).
 */
export const PREFERENCES_SCHEMA_VERSION = 3;

/**
 * What the client sees the week's practice called: "practice" or "this week's plan", never
 * "homework", which can sound like school and judgement.
 */
export const practiceWordings = ['practice', 'this-weeks-plan'] as const;

/** The client-side word for practice. */
export type PracticeWording = (typeof practiceWordings)[number];

/** The paper handouts are made for. */
export const pageSizes = ['letter', 'a4'] as const;

/** A paper size: US Letter or A4. */
export type PageSize = (typeof pageSizes)[number];

/**
 * How a handout names the client: their first name, their initials, or not at all. Initials
 * by default: a handout may lie on a kitchen table.
 */
export const handoutNamings = ['first-name', 'initials', 'none'] as const;

/** How a handout names the client. */
export type HandoutNaming = (typeof handoutNamings)[number];

/** The longest practice or clinician name a handout carries. */
export const HANDOUT_NAME_MAX = 120;

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
    /** The practice's name at the top of a handout (empty: none). */
    practiceName: plainLine().trim().max(HANDOUT_NAME_MAX),
    /** The clinician's name on a handout, as the client knows them (empty: none). */
    clinicianName: plainLine().trim().max(HANDOUT_NAME_MAX),
    /** The paper handouts are made for; null: this computer's region's (`pageSizeFor`). */
    pageSize: z.enum(pageSizes).nullable(),
    /** How a handout names the client. */
    nameOnHandouts: z.enum(handoutNamings),
    /** Handouts in large print. */
    largePrint: z.boolean(),
  })
  .strict();

/** The vault's preferences. */
export type VaultPreferences = z.infer<typeof vaultPreferencesSchema>;

/** The preferences' one-line text fields, for repairing text stored before the rules (`repairStoredText`). */
export const preferencesSingleLineFields = ['practiceName', 'clinicianName'];

/** The preferences of a vault that has saved none yet. */
export const defaultVaultPreferences: Omit<VaultPreferences, 'id'> = {
  initialsOnlyInLists: false,
  favouriteTemplates: [],
  practiceWording: 'practice',
  practiceName: '',
  clinicianName: '',
  pageSize: null,
  nameOnHandouts: 'initials',
  largePrint: false,
};

/** A preferences record of shape 1 as shape 2: the client sees "practice". */
export function upgradePreferencesV1(old: Record<string, unknown>): Record<string, unknown> {
  return { ...old, practiceWording: 'practice' };
}

/**
 * A preferences record of shape 2 as shape 3: handouts as a vault that never chose anything
 * gets them — no practice or clinician name, the region's paper, initials, regular print.
 */
export function upgradePreferencesV2(old: Record<string, unknown>): Record<string, unknown> {
  return {
    ...old,
    practiceName: '',
    clinicianName: '',
    pageSize: null,
    nameOnHandouts: 'initials',
    largePrint: false,
  };
}

/**
 * The regions whose paper is US Letter (CLDR's `paperSize` data: the US, Canada, Mexico,
 * Central America, the Philippines, Chile, Colombia, Venezuela, Puerto Rico); A4 everywhere else.
 */
const LETTER_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'BZ',
  'CL',
  'CO',
  'CR',
  'GT',
  'NI',
  'PA',
  'PH',
  'PR',
  'SV',
  'VE',
]);

/**
 * The paper a handout is made for: the chosen one, else the paper of the region of `locale`
 * (a BCP 47 tag such as "en-US" or "fr-CA"; a tag without a region counts as its likely one,
 * "en" as the US; one that isn't a tag gives A4).
 */
export function pageSizeFor(chosen: PageSize | null, locale: string): PageSize {
  if (chosen !== null) return chosen;
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return region !== undefined && LETTER_REGIONS.has(region) ? 'letter' : 'a4';
}

import {
  defaultVaultPreferences,
  type HandoutNaming,
  type PageSize,
  type PracticeWording,
  type VaultPreferences,
  vaultPreferencesSchema,
} from '../../src-shared/domain/preferences';
import { newRecordId } from '../../src-shared/domain/record-id';
import { EncryptedTable, type VaultKeys, untracked, type WriteTracker } from './encrypted-table';
import { entities } from './entities';
import type { VaultDatabase } from './vault-database';

const defaults = defaultVaultPreferences;

/** The vault's preferences: one encrypted record, created on first change. */
export function createPreferencesRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<VaultPreferences>(db, keys, entities.preferences, writes);

  async function read(): Promise<VaultPreferences | null> {
    const { records } = await table.all();
    return records[0] ?? null;
  }

  async function change(update: (current: VaultPreferences) => VaultPreferences): Promise<void> {
    await table.table.db.transaction('rw', table.table, async () => {
      const current = (await read()) ?? { id: newRecordId(), ...defaults };
      await table.put(vaultPreferencesSchema.parse(update(current)));
    });
  }

  return {
    /** The preferences, or the defaults when none were saved yet. */
    async get(): Promise<VaultPreferences | Omit<VaultPreferences, 'id'>> {
      return (await read()) ?? defaults;
    },
    setInitialsOnly: (initialsOnlyInLists: boolean) =>
      change((current) => ({ ...current, initialsOnlyInLists })),
    setPracticeWording: (practiceWording: PracticeWording) =>
      change((current) => ({ ...current, practiceWording })),
    /** What handouts carry and how they are printed (names trimmed; refused past their limit). */
    setHandouts: (
      handouts: Partial<{
        practiceName: string;
        clinicianName: string;
        pageSize: PageSize | null;
        nameOnHandouts: HandoutNaming;
        largePrint: boolean;
      }>,
    ) => change((current) => ({ ...current, ...handouts })),
    /** Adds or removes a template (built-in slug or custom lineage id) from the favourites. */
    toggleFavourite: (templateKey: string) =>
      change((current) => ({
        ...current,
        favouriteTemplates: current.favouriteTemplates.includes(templateKey)
          ? current.favouriteTemplates.filter((key) => key !== templateKey)
          : [...current.favouriteTemplates, templateKey],
      })),
  };
}

/** The preferences repository. */
export type PreferencesRepository = ReturnType<typeof createPreferencesRepository>;

import { useVaultQuery } from './useVaultQuery';
import { useMemo } from 'react';
import { type LibraryItem, LibrarySearch } from '../../src-shared/domain/library-search';
import type { CustomTemplate, TemplateContent } from '../../src-shared/domain/template';
import { usePreferences } from './usePreferences';
import type { VaultSession } from '../data/vault-session';
import { useOpenVault } from './VaultSessionProvider';
import { builtinTemplates } from '../data/builtin-library';

/** Only the content fields of a custom template record. */
export function contentOf(template: CustomTemplate): TemplateContent {
  const {
    id: _id,
    lineageId: _l,
    version: _v,
    basedOn: _b,
    archivedAt: _ar,
    createdAt: _c,
    ...content
  } = template;
  return content;
}

// The index outlives the screen, but not the session: reopening the library with the same
// templates reuses it (rebuilding costs tens of milliseconds with hundreds of templates), and
// locking drops it with the session, so no decrypted template stays in memory.
const indexes = new WeakMap<VaultSession, { key: string; search: LibrarySearch }>();

function searchFor(session: VaultSession, items: LibraryItem[]): LibrarySearch {
  const key = items
    .map((item) => `${item.key}:${item.version}:${item.favourite ? 1 : 0}:${item.archived ? 1 : 0}`)
    .join('|');
  const cached = indexes.get(session);
  if (cached?.key === key) return cached.search;
  const search = new LibrarySearch(items);
  indexes.set(session, { key, search });
  return search;
}

/** Built-in and custom templates (latest versions) as library items. */
function libraryItems(
  custom: readonly CustomTemplate[],
  favourites: readonly string[],
): LibraryItem[] {
  const fromBuiltins = builtinTemplates.map(({ id, version, ...content }) => ({
    key: id,
    origin: 'builtin' as const,
    version,
    recordId: null,
    content,
    archived: false,
    favourite: favourites.includes(id),
  }));
  const fromCustom = custom.map((template) => ({
    key: template.lineageId,
    origin: 'custom' as const,
    version: template.version,
    recordId: template.id,
    content: contentOf(template),
    archived: template.archivedAt !== null,
    favourite: favourites.includes(template.lineageId),
  }));
  return [...fromBuiltins, ...fromCustom];
}

/**
 * Opens the custom templates and builds the search index ahead of time (after unlocking, when
 * the app is idle), so the library opens at once the first time too.
 */
export async function prepareLibrary(session: VaultSession): Promise<void> {
  const [custom, preferences] = await Promise.all([
    session.templates.latest(),
    session.preferences.get(),
  ]);
  searchFor(session, libraryItems(custom.templates, preferences.favouriteTemplates));
}

/**
 * Built-in and custom templates as library items, without a search index (for screens that
 * only name templates): `{ items, customs, isLoading }`.
 */
export function useLibraryItems() {
  const session = useOpenVault();
  const prefs = usePreferences();
  const custom = useVaultQuery(() => session.templates.latest(), [session.templates]);
  const favourites = prefs.data.favouriteTemplates;
  const items = useMemo(
    () => libraryItems(custom?.templates ?? [], favourites),
    [custom, favourites],
  );
  return { items, customs: custom?.templates ?? [], isLoading: custom === undefined };
}

/** Built-in and custom templates as library items, with a search index: `{ items, search, customs, isLoading }`. */
export function useLibrary() {
  const session = useOpenVault();
  const library = useLibraryItems();
  const { items } = library;
  const search = useMemo(() => searchFor(session, items), [session, items]);
  return { ...library, search };
}

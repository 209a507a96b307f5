import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { type LibraryItem, LibrarySearch } from '../../../src-shared/domain/library-search';
import type { CustomTemplate, TemplateContent } from '../../../src-shared/domain/template';
import { usePreferences } from '../clients/usePreferences';
import { useOpenVault } from '../vault/VaultSessionProvider';
import { builtinTemplates } from './builtin-library';

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

// The index outlives the screen: reopening the library with the same templates reuses it
// instead of rebuilding it (which costs tens of milliseconds with hundreds of templates).
let cached: { key: string; search: LibrarySearch } | null = null;

function searchFor(items: LibraryItem[]): LibrarySearch {
  const key = items
    .map((item) => `${item.key}:${item.version}:${item.favourite ? 1 : 0}:${item.archived ? 1 : 0}`)
    .join('|');
  if (cached?.key !== key) cached = { key, search: new LibrarySearch(items) };
  return cached.search;
}

/** Built-in and custom templates as library items, with a search index: `{ items, search, customs, isLoading }`. */
export function useLibrary() {
  const { templates } = useOpenVault();
  const prefs = usePreferences();
  const custom = useLiveQuery(() => templates.latest(), [templates]);
  const favourites = prefs.data.favouriteTemplates;

  const items = useMemo<LibraryItem[]>(() => {
    const fromBuiltins = builtinTemplates.map(({ id, version, ...content }) => ({
      key: id,
      origin: 'builtin' as const,
      version,
      recordId: null,
      content,
      archived: false,
      favourite: favourites.includes(id),
    }));
    const fromCustom = (custom?.templates ?? []).map((template) => ({
      key: template.lineageId,
      origin: 'custom' as const,
      version: template.version,
      recordId: template.id,
      content: contentOf(template),
      archived: template.archivedAt !== null,
      favourite: favourites.includes(template.lineageId),
    }));
    return [...fromBuiltins, ...fromCustom];
  }, [custom, favourites]);

  const search = useMemo(() => searchFor(items), [items]);
  return { items, search, customs: custom?.templates ?? [], isLoading: custom === undefined };
}

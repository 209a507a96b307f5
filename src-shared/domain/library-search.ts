import MiniSearch from 'minisearch';
import { foldForSearch } from './client';
import {
  approachLabels,
  categoryLabels,
  type TemplateContent,
  type templateApproaches,
  type templateCategories,
} from './template';

/** One template as the library lists it, built-in or custom. */
export type LibraryItem = {
  /** Built-in slug, or a custom template's lineage id. */
  key: string;
  origin: 'builtin' | 'custom';
  /** The version shown (the latest). */
  version: number;
  /** For custom templates: the id of the shown version's record. */
  recordId: string | null;
  content: TemplateContent;
  archived: boolean;
  favourite: boolean;
};

/** What the library can be narrowed to. */
export type LibraryFilters = {
  category: (typeof templateCategories)[number] | null;
  approach: (typeof templateApproaches)[number] | null;
  concern: string | null;
  origin: 'builtin' | 'custom' | null;
  favouritesOnly: boolean;
  showArchived: boolean;
};

/** No filter at all. */
export const noFilters: LibraryFilters = {
  category: null,
  approach: null,
  concern: null,
  origin: null,
  favouritesOnly: false,
  showArchived: false,
};

type IndexedDocument = { key: string; title: string; purpose: string; tags: string; steps: string };

/**
 * Instant search over the library: prefix and fuzzy matching across titles, purpose, tags
 * (category, approaches, concerns) and steps, accent-insensitive. Build once per library
 * change; each keystroke is a `search` call.
 */
export class LibrarySearch {
  private readonly index = new MiniSearch<IndexedDocument>({
    idField: 'key',
    fields: ['title', 'purpose', 'tags', 'steps'],
    // Words are runs of letters and digits, so "<img" or "(worry" index as "img" and "worry".
    tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
    processTerm: (term) => foldForSearch(term),
    // Typos are forgiven in longer words only: fuzzy matching on short ones ("worry") pulls in
    // unrelated words ("sorry", "word").
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      boost: { title: 3, tags: 2 },
      combineWith: 'AND',
    },
  });
  private readonly items = new Map<string, LibraryItem>();

  constructor(items: readonly LibraryItem[]) {
    for (const item of items) this.items.set(item.key, item);
    this.index.addAll(
      items.map((item) => ({
        key: item.key,
        title: `${item.content.title} ${item.content.clientTitle} ${item.content.discreetTitle}`,
        purpose: item.content.purpose,
        tags: [
          categoryLabels[item.content.category],
          ...item.content.approaches.map((approach) => approachLabels[approach]),
          ...item.content.concerns,
        ].join(' '),
        steps: item.content.steps.join(' '),
      })),
    );
  }

  /** Items matching `query` (best first; all items by title when empty) and the filters. */
  search(query: string, filters: LibraryFilters = noFilters): LibraryItem[] {
    const trimmed = query.trim();
    const ranked = trimmed
      ? this.index.search(trimmed).flatMap((hit) => this.items.get(String(hit.id)) ?? [])
      : [...this.items.values()].sort((a, b) => a.content.title.localeCompare(b.content.title));
    return ranked.filter((item) => matchesFilters(item, filters));
  }
}

function matchesFilters(item: LibraryItem, filters: LibraryFilters): boolean {
  const { content } = item;
  if (item.archived && !filters.showArchived) return false;
  if (filters.category && content.category !== filters.category) return false;
  if (filters.approach && !content.approaches.includes(filters.approach)) return false;
  if (filters.concern && !content.concerns.includes(filters.concern)) return false;
  if (filters.origin && item.origin !== filters.origin) return false;
  if (filters.favouritesOnly && !item.favourite) return false;
  return true;
}

/** Every concern tag in the library, alphabetically, for the filter. */
export function concernsOf(items: readonly LibraryItem[]): string[] {
  return [...new Set(items.flatMap((item) => item.content.concerns))].sort();
}

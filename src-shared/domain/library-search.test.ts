import { describe, expect, it } from 'vitest';
import { LibrarySearch, type LibraryItem, noFilters } from './library-search';
import { loadBuiltinTemplates } from '../../tests/fixtures/library';

const builtins: LibraryItem[] = loadBuiltinTemplates().map(({ id, version, ...content }) => ({
  key: id,
  origin: 'builtin',
  version,
  recordId: null,
  content,
  archived: false,
  favourite: id === 'urge-surfing',
}));

describe('library search', () => {
  const search = new LibrarySearch(builtins);

  it('finds by prefix as the therapist types', () => {
    expect(
      search.search('expo').some((item) => item.key === 'graded-exposure-feared-situation'),
    ).toBe(true);
    expect(search.search('sle').some((item) => item.content.category === 'sleep')).toBe(true);
  });

  it('forgives a typo', () => {
    expect(search.search('breathng').some((item) => item.key === 'slow-breathing-practice')).toBe(
      true,
    );
  });

  it('searches tags: approaches and concerns', () => {
    const found = new Set(search.search('DBT skills').map((item) => item.key));
    const tagged = builtins
      .filter((item) => item.content.approaches.includes('dbt-skills'))
      .map((item) => item.key);
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.filter((key) => !found.has(key))).toEqual([]);
    const insomnia = new Set(search.search('insomnia').map((item) => item.key));
    const taggedInsomnia = builtins
      .filter((item) => item.content.concerns.includes('insomnia'))
      .map((item) => item.key);
    expect(taggedInsomnia.length).toBeGreaterThan(0);
    expect(taggedInsomnia.filter((key) => !insomnia.has(key))).toEqual([]);
  });

  it('narrows by category, approach, origin and favourites', () => {
    expect(
      search
        .search('', { ...noFilters, category: 'grounding' })
        .every((item) => item.content.category === 'grounding'),
    ).toBe(true);
    expect(search.search('', { ...noFilters, approach: 'mi' }).map((item) => item.key)).toContain(
      'weighing-up-a-change',
    );
    expect(search.search('', { ...noFilters, origin: 'custom' })).toEqual([]);
    expect(
      search.search('', { ...noFilters, favouritesOnly: true }).map((item) => item.key),
    ).toEqual(['urge-surfing']);
  });

  it('lists everything alphabetically with no query, hiding archived templates unless asked', () => {
    const archived = { ...builtins[0], key: 'x-archived', archived: true } as LibraryItem;
    const withArchived = new LibrarySearch([...builtins, archived]);
    expect(withArchived.search('')).toHaveLength(builtins.length);
    expect(withArchived.search('', { ...noFilters, showArchived: true })).toHaveLength(
      builtins.length + 1,
    );
  });
});

describe('short words', () => {
  it('match as typed, without pulling in look-alike words', () => {
    const search = new LibrarySearch(builtins);
    const results = search.search('worry');
    expect(results.length).toBeGreaterThan(0);
    const mentions = (item: LibraryItem) =>
      /worr/i.test(
        [
          item.content.title,
          item.content.discreetTitle,
          item.content.purpose,
          ...item.content.concerns,
          ...item.content.steps,
        ].join(' '),
      );
    expect(results.filter((item) => !mentions(item)).map((item) => item.key)).toEqual([]);
  });
});

describe('words inside symbols', () => {
  it('are found without their symbols', () => {
    const [first] = builtins;
    if (!first) throw new Error('no templates');
    const odd: LibraryItem = {
      ...first,
      key: 'odd',
      content: { ...first.content, title: '<img src=x> (worry-free)' },
    };
    const search = new LibrarySearch([odd]);
    expect(search.search('img').map((item) => item.key)).toEqual(['odd']);
    expect(search.search('worry free').map((item) => item.key)).toEqual(['odd']);
  });
});

import { Chip, Group, Select, Stack, Switch } from '@mantine/core';
import type { LibraryFilters } from '../../../src-shared/domain/library-search';
import {
  approachLabels,
  categoryLabels,
  templateApproaches,
  templateCategories,
} from '../../../src-shared/domain/template';

/** Category, approach, concern, built-in / mine, favourites and archived filters. */
export function LibraryFiltersBar({
  filters,
  concerns,
  onChange,
}: {
  filters: LibraryFilters;
  concerns: string[];
  onChange: (filters: LibraryFilters) => void;
}) {
  const set = (change: Partial<LibraryFilters>) => onChange({ ...filters, ...change });
  return (
    <Stack gap="xs">
      <Group gap="xs" grow>
        <Select
          aria-label="Category"
          placeholder="Category"
          data={templateCategories.map((value) => ({ value, label: categoryLabels[value] }))}
          value={filters.category}
          onChange={(value) => set({ category: value as LibraryFilters['category'] })}
          clearable
        />
        <Select
          aria-label="Approach"
          placeholder="Approach"
          data={templateApproaches.map((value) => ({ value, label: approachLabels[value] }))}
          value={filters.approach}
          onChange={(value) => set({ approach: value as LibraryFilters['approach'] })}
          clearable
        />
        <Select
          aria-label="Concern"
          placeholder="Concern"
          data={concerns}
          value={filters.concern}
          onChange={(value) => set({ concern: value })}
          clearable
          searchable
        />
      </Group>
      <Group gap="xs" justify="space-between">
        <Chip.Group
          value={filters.origin ?? 'all'}
          onChange={(value) =>
            set({ origin: value === 'all' ? null : (value as 'builtin' | 'custom') })
          }
        >
          <Group gap={6}>
            <Chip value="all" size="xs">
              All
            </Chip>
            <Chip value="builtin" size="xs">
              Built-in
            </Chip>
            <Chip value="custom" size="xs">
              Mine
            </Chip>
          </Group>
        </Chip.Group>
        <Group gap="md">
          <Switch
            size="xs"
            label="Favourites"
            checked={filters.favouritesOnly}
            onChange={(e) => set({ favouritesOnly: e.currentTarget.checked })}
          />
          <Switch
            size="xs"
            label="Archived"
            checked={filters.showArchived}
            onChange={(e) => set({ showArchived: e.currentTarget.checked })}
          />
        </Group>
      </Group>
    </Stack>
  );
}

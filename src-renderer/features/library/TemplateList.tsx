import { Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { IconStarFilled } from '@tabler/icons-react';
import type { LibraryItem } from '../../../src-shared/domain/library-search';
import { categoryLabels } from '../../../src-shared/domain/template';
import { UserText } from '../../components/UserText';

/** Results drawn at first; more on request, so a large library opens quickly. */
const FIRST_RESULTS = 60;

/** The search results; the selected one is highlighted. Remount (key) it when the search changes. */
export function TemplateList({
  items,
  selectedKey,
  onSelect,
}: {
  items: LibraryItem[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
}) {
  const [limit, setLimit] = useState(FIRST_RESULTS);
  if (items.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        Nothing matches. Try fewer words or clear a filter.
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      <Stack gap={6} role="listbox" aria-label="Templates">
        {items.slice(0, limit).map((item) => {
          const selected = item.key === selectedKey;
          return (
            <UnstyledButton
              key={item.key}
              onClick={() => onSelect(item.key)}
              role="option"
              aria-selected={selected}
            >
              <Paper
                withBorder
                radius="md"
                px="sm"
                py={8}
                bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
                style={{
                  borderColor: selected ? 'var(--mantine-primary-color-filled)' : undefined,
                }}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600} size="sm" truncate>
                      <UserText>{item.content.title}</UserText>
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {categoryLabels[item.content.category]}
                      {item.origin === 'custom' ? ` · Mine, version ${item.version}` : ''}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    {item.archived && (
                      <Badge size="xs" color="gray" variant="light">
                        Archived
                      </Badge>
                    )}
                    {item.favourite && (
                      <IconStarFilled
                        size={14}
                        aria-label="Favourite"
                        color="var(--mantine-color-yellow-6)"
                      />
                    )}
                  </Group>
                </Group>
              </Paper>
            </UnstyledButton>
          );
        })}
      </Stack>
      {items.length > limit && (
        <Button variant="subtle" size="xs" onClick={() => setLimit(items.length)}>
          Show all {items.length} templates
        </Button>
      )}
    </Stack>
  );
}

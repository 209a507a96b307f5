import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A small editor for a list of rows (tracker fields, barriers, dose options…): add, edit, remove. */
export function ListEditor<T>({
  label,
  items,
  onChange,
  renderRow,
  newItem,
  max,
  addLabel,
}: {
  label: string;
  items: T[];
  onChange: (items: T[]) => void;
  renderRow: (item: T, update: (item: T) => void, index: number) => ReactNode;
  newItem: () => T;
  max: number;
  addLabel: string;
}) {
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {label}
      </Text>
      {items.map((item, index) => (
        <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
          <div style={{ flex: 1 }}>
            {renderRow(
              item,
              (next) => onChange(items.map((old, i) => (i === index ? next : old))),
              index,
            )}
          </div>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove ${label.toLowerCase()} ${index + 1}`}
            onClick={() => onChange(items.filter((_, i) => i !== index))}
            mb={4}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {items.length < max && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...items, newItem()])}
          style={{ alignSelf: 'flex-start' }}
        >
          {addLabel}
        </Button>
      )}
    </Stack>
  );
}

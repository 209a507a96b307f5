import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * Where focus goes once the list has changed: into a new row, after a moved row (on the same
 * move button while it can still be used, else the other one), or to the add button.
 */
type FocusTarget = { row: number; on: 'field' | 'up' | 'down' } | 'add' | null;

const FIELD = 'input:not([type="hidden"]), textarea';

/** The element in a row that `on` names, skipping a move button that is disabled at that end. */
function focusableIn(row: Element, on: 'field' | 'up' | 'down'): HTMLElement | null {
  if (on === 'field') return row.querySelector<HTMLElement>(FIELD);
  const wanted = row.querySelector<HTMLButtonElement>(`[data-move="${on}"]`);
  if (wanted && !wanted.disabled) return wanted;
  return row.querySelector<HTMLElement>(`[data-move="${on === 'up' ? 'down' : 'up'}"]`);
}

/**
 * A small editor for a list of rows (tracker fields, barriers, dose options, ladder steps…): add,
 * edit, remove and, when `reorderable`, move rows up and down. The rows sit in a group named by
 * `label`; each row's buttons name the row by `itemName` ("Remove dose option 2"). Adding a row
 * moves focus into it, and removing one moves focus to the add button, so the keyboard never
 * falls back to the top of the page.
 */
export function ListEditor<T>({
  label,
  description,
  itemName,
  items,
  onChange,
  renderRow,
  newItem,
  max,
  addLabel,
  reorderable = false,
}: {
  label: string;
  description?: string;
  /** What one row is called, in lower case, e.g. "dose option". */
  itemName: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  renderRow: (item: T, update: (item: T) => void, index: number) => ReactNode;
  newItem: () => T;
  max: number;
  addLabel: string;
  reorderable?: boolean;
}) {
  const labelId = useId();
  const descriptionId = useId();
  const rows = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<FocusTarget>(null);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'add') addButton.current?.focus();
    else if (target) {
      const row = rows.current?.querySelectorAll('[data-list-row]')[target.row];
      if (row) focusableIn(row, target.on)?.focus();
    }
  }, [items]);

  const add = () => {
    focusNext.current = { row: items.length, on: 'field' };
    onChange([...items, newItem()]);
  };
  const remove = (index: number) => {
    focusNext.current = 'add';
    onChange(items.filter((_, i) => i !== index));
  };
  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    if (moved === undefined) return;
    next.splice(to, 0, moved);
    focusNext.current = { row: to, on: to < from ? 'up' : 'down' };
    onChange(next);
  };

  return (
    <Stack
      gap={6}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={description ? descriptionId : undefined}
      ref={rows}
    >
      <Text fw={600} size="sm" id={labelId}>
        {label}
      </Text>
      {description && (
        <Text size="xs" c="dimmed" id={descriptionId}>
          {description}
        </Text>
      )}
      {items.map((item, index) => (
        <Group key={index} gap="xs" align="flex-end" wrap="nowrap" data-list-row>
          <div style={{ flex: 1 }}>
            {renderRow(
              item,
              (next) => onChange(items.map((old, i) => (i === index ? next : old))),
              index,
            )}
          </div>
          {reorderable && (
            <>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Move ${itemName} ${index + 1} up`}
                data-move="up"
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
                mb={4}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Move ${itemName} ${index + 1} down`}
                data-move="down"
                disabled={index === items.length - 1}
                onClick={() => move(index, index + 1)}
                mb={4}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
            </>
          )}
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove ${itemName} ${index + 1}`}
            onClick={() => remove(index)}
            mb={4}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {items.length < max && (
        <Button
          ref={addButton}
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={add}
          style={{ alignSelf: 'flex-start' }}
        >
          {addLabel}
        </Button>
      )}
    </Stack>
  );
}

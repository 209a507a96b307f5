import { Chip, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';

/**
 * A rating from 0 to `top` (10 for the client's confidence and importance, 4 for review
 * ratings), as choices in a row: one named group of radios, so it is one Tab stop and the arrows
 * move the choice. Choosing the chosen number again clears it.
 */
export function RatingChoice({
  label,
  description,
  top,
  value,
  onChange,
}: {
  label: string;
  description?: string;
  top: number;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  const labelId = useId();
  return (
    <Stack gap={6}>
      <div>
        <Text fw={500} size="sm" id={labelId}>
          {label}
        </Text>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      <Chip.Group
        value={value === null ? '' : String(value)}
        onChange={(next) => onChange(next === '' || next === String(value) ? null : Number(next))}
      >
        <Group gap={4} role="radiogroup" aria-labelledby={labelId}>
          {Array.from({ length: top + 1 }, (_, n) => (
            <Chip key={n} value={String(n)} size="sm" radius="sm" type="radio" name={labelId}>
              {n}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}

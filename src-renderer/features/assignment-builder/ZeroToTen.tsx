import { Chip, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';

/**
 * A 0–10 rating the client gives, as eleven choices in a row (keyboard: arrows move, space
 * picks). Choosing the chosen number again clears it.
 */
export function ZeroToTen({
  label,
  description,
  value,
  onChange,
}: {
  label: string;
  description?: string;
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
          {Array.from({ length: 11 }, (_, n) => (
            <Chip key={n} value={String(n)} size="sm" radius="sm" type="radio">
              {n}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}

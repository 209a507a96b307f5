import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useOneAtATime } from './useOneAtATime';

/**
 * The question under a kept file about to be removed, its two answers, and what went wrong if
 * removing failed: asked once, as the vault holds the app's only copy of the file.
 */
export function ConfirmRemoval({
  question,
  confirmLabel,
  failure,
  remove,
  onKeep,
}: {
  question: string;
  confirmLabel: string;
  /** Said if removing fails. */
  failure: string;
  remove: () => Promise<void>;
  onKeep: () => void;
}) {
  const [failed, setFailed] = useState(false);
  const removing = useOneAtATime(() => remove().catch(() => setFailed(true)));
  return (
    <Stack gap={2}>
      <Group gap="xs" justify="flex-end">
        <Text size="xs">{question}</Text>
        <Button
          size="compact-xs"
          color="red"
          variant="light"
          loading={removing.busy}
          onClick={() => void removing.run()}
        >
          {confirmLabel}
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={onKeep}>
          Keep it
        </Button>
      </Group>
      {failed && (
        <Text size="xs" c="var(--mantine-color-error)" role="alert">
          {failure}
        </Text>
      )}
    </Stack>
  );
}

import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';

/**
 * Shows the recovery key exactly once. The clinician must confirm they have stored it before
 * going on; after this screen Bridgework no longer knows it.
 */
export function RecoveryKeyStep({
  recoveryKey,
  onDone,
  doneLabel = 'Continue to my vault',
}: {
  recoveryKey: string;
  onDone: () => void;
  doneLabel?: string;
}) {
  const [stored, setStored] = useState(false);
  return (
    <Stack gap="md">
      <Text>
        If you ever forget your passphrase, this key is the only other way into your vault. Write it
        down on paper and keep it somewhere safe away from this laptop. You’ll only see it this
        once.
      </Text>
      <Paper withBorder p="md" radius="md" bg="var(--mantine-color-default-hover)">
        <Text
          ff="monospace"
          fz="md"
          ta="center"
          fw={600}
          style={{ letterSpacing: '0.04em' }}
          data-testid="recovery-key"
        >
          {recoveryKey}
        </Text>
      </Paper>
      <Alert color="yellow" variant="light">
        Anyone with this key can open your vault, so treat it like the key to your filing cabinet.
      </Alert>
      <Checkbox
        label="I’ve stored my recovery key somewhere safe"
        checked={stored}
        onChange={(event) => setStored(event.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button onClick={onDone} disabled={!stored}>
          {doneLabel}
        </Button>
      </Group>
    </Stack>
  );
}

import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { type Client, MAX_PRIVATE_NOTES_LENGTH } from '../../../src-shared/domain/client';
import { useOpenVault } from '../vault/VaultSessionProvider';

/** The clinician's private notes about a client: never in the client view or on handouts. */
export function PrivateNotesSection({ client }: { client: Client }) {
  const { clients } = useOpenVault();
  const [notes, setNotes] = useState(client.privateNotes);
  const [saved, setSaved] = useState(true);

  async function save() {
    await clients.setPrivateNotes(client.id, notes);
    setSaved(true);
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group gap="xs">
          <IconLock size={16} aria-hidden />
          <Title order={2} size="h4">
            Private notes
          </Title>
        </Group>
        <Text size="xs" c="dimmed">
          Only you see these. They never appear on the shared screen or on handouts.
        </Text>
        <Textarea
          aria-label="Private notes"
          value={notes}
          onChange={(event) => {
            setNotes(event.currentTarget.value);
            setSaved(false);
          }}
          maxLength={MAX_PRIVATE_NOTES_LENGTH}
          autosize
          minRows={6}
          maxRows={16}
          autoComplete="off"
        />
        <Group justify="flex-end" gap="xs">
          <Text size="xs" c="dimmed" role="status">
            {saved ? 'Saved' : 'Not saved yet'}
          </Text>
          <Button size="xs" onClick={() => void save()} disabled={saved}>
            Save notes
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

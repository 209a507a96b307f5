import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type Client,
  MAX_PRIVATE_NOTES_LENGTH,
  privateNotesSchema,
} from '../../../src-shared/domain/client';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** The clinician's private notes about a client: never in the client view or on handouts. */
export function PrivateNotesSection({ client }: { client: Client }) {
  const { clients } = useOpenVault();
  const [notes, setNotes] = useState(client.privateNotes);
  const [saved, setSaved] = useState(true);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const parsed = privateNotesSchema.safeParse(notes);
    setError(parsed.error?.issues[0]?.message ?? null);
    if (!parsed.success) return;
    try {
      await clients.setPrivateNotes(client.id, parsed.data);
      setSaved(true);
    } catch {
      setError('Your notes couldn’t be saved. Please try again.');
    }
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
          error={error}
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

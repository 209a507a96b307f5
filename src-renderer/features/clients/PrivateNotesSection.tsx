import { Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import {
  type Client,
  MAX_PRIVATE_NOTES_LENGTH,
  privateNotesSchema,
} from '../../../src-shared/domain/client';
import { CharacterCount } from '../../components/CharacterCount';
import { type AutosaveStatus, useAutosave } from '../../session/useAutosave';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** The quiet line under the notes: what a screen reader hears when it changes, too. */
const statusWords: Record<AutosaveStatus['state'], string> = {
  saved: 'Saved',
  unsaved: '',
  saving: 'Saving…',
  error: 'Not saved',
};

/**
 * The clinician's private notes about a client: never in the client view or on handouts. They
 * save themselves as the clinician types (after a pause, on leaving the box, and before locking).
 */
export function PrivateNotesSection({ client }: { client: Client }) {
  const { clients } = useOpenVault();
  const notes = useAutosave({
    initial: client.privateNotes,
    save: (text) => clients.setPrivateNotes(client.id, text),
    refusal: (text) => privateNotesSchema.safeParse(text).error?.issues[0]?.message ?? null,
    failureMessage: 'Your notes couldn’t be saved. Please try again.',
  });

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
          value={notes.value}
          onChange={(event) => notes.change(event.currentTarget.value)}
          onBlur={() => void notes.flush()}
          error={notes.status.state === 'error' ? notes.status.message : null}
          resize="vertical"
          rows={6}
          autoComplete="off"
        />
        <CharacterCount value={notes.value} max={MAX_PRIVATE_NOTES_LENGTH} />
        <Text size="xs" c="dimmed" role="status" ta="right" mih="1.5em">
          {statusWords[notes.status.state]}
        </Text>
      </Stack>
    </Paper>
  );
}

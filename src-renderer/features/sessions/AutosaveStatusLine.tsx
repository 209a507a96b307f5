import { Text } from '@mantine/core';
import type { AutosaveStatus } from '../../session/useAutosave';

/** The quiet line under an autosaved field: what a screen reader hears when it changes, too. */
const statusWords: Record<AutosaveStatus['state'], string> = {
  saved: 'Saved',
  unsaved: '',
  saving: 'Saving…',
  error: 'Not saved',
};

/** "Saved", "Saving…" or "Not saved" under a field that saves itself, announced politely. */
export function AutosaveStatusLine({ status }: { status: AutosaveStatus }) {
  return (
    <Text size="xs" c="dimmed" role="status" ta="right" mih="1.5em">
      {statusWords[status.state]}
    </Text>
  );
}

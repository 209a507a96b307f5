import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { PracticeList } from '../../components/PracticeList';

/**
 * The practice set in this session, drafts and agreed alike, each opening in the builder; "Add
 * practice" starts a new one for this client and session. `note` is the gentle word when more
 * practice would be running at once than is easy to keep up with.
 */
export function NewPracticeSection({
  setHere,
  note,
  onOpen,
  onAdd,
}: {
  setHere: readonly Assignment[];
  note: string | null;
  onOpen: (assignment: Assignment) => void;
  onAdd: () => void;
}) {
  return (
    <Stack gap="sm">
      {setHere.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing set yet. Design this week’s practice together, on the shared screen if you like.
        </Text>
      ) : (
        <PracticeList assignments={setHere} onOpen={onOpen} />
      )}
      {note && (
        <Alert color="sage" variant="light" role="note">
          {note}
        </Alert>
      )}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd}>
          Add practice
        </Button>
      </Group>
    </Stack>
  );
}

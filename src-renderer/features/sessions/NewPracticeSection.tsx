import { Alert, Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconPlus } from '@tabler/icons-react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { assignmentStatusLabels } from '../../components/SessionBookingModal';
import { UserText } from '../../components/UserText';

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
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {setHere.map((assignment) => (
            <li key={assignment.id}>
              <UnstyledButton onClick={() => onOpen(assignment)} w="100%">
                <Paper withBorder radius="sm" px="md" py="xs">
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="xs">
                      <Text fw={600}>
                        <UserText>{assignment.title}</UserText>
                      </Text>
                      <Badge
                        variant="light"
                        color={assignment.status === 'draft' ? 'yellow' : 'sage'}
                        size="sm"
                      >
                        {assignmentStatusLabels[assignment.status]}
                      </Badge>
                    </Group>
                    <IconChevronRight size={16} aria-hidden />
                  </Group>
                </Paper>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
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

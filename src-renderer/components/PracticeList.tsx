import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { Assignment } from '../../src-shared/domain/assignment';
import { AssignmentStatusBadge } from './StatusBadges';
import { UserText } from './UserText';

/** Practice as a list of cards, each with its plain title and status, each opening it. */
export function PracticeList({
  assignments,
  onOpen,
}: {
  assignments: readonly Assignment[];
  onOpen: (assignment: Assignment) => void;
}) {
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {assignments.map((assignment) => (
        <li key={assignment.id}>
          <UnstyledButton onClick={() => onOpen(assignment)} w="100%">
            <Paper withBorder radius="sm" px="md" py="xs">
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    <UserText>{assignment.title}</UserText>
                  </Text>
                  <AssignmentStatusBadge status={assignment.status} />
                </Group>
                <IconChevronRight size={16} aria-hidden />
              </Group>
            </Paper>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}

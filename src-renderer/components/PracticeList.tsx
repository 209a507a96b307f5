import { Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { Assignment } from '../../src-shared/domain/assignment';
import { AssignmentStatusBadge } from './StatusBadges';
import { UserText } from './UserText';

/**
 * Practice as a list of cards, each with its plain title and status, each opening it; with
 * `onReview`, agreed practice also has a button straight into its review.
 */
export function PracticeList({
  assignments,
  onOpen,
  onReview,
}: {
  assignments: readonly Assignment[];
  onOpen: (assignment: Assignment) => void;
  onReview?: (assignment: Assignment) => void;
}) {
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {assignments.map((assignment) => (
        <Group component="li" key={assignment.id} gap="xs" wrap="nowrap">
          <UnstyledButton onClick={() => onOpen(assignment)} style={{ flex: 1 }}>
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
          {onReview && assignment.status === 'active' && (
            <Button
              size="xs"
              variant="light"
              onClick={() => onReview(assignment)}
              aria-label={`Review ${assignment.title}`}
            >
              Review
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}

import { Badge, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { type Client, clientStatusLabels, initialsOf } from '../../../src-shared/domain/client';
import { UserText } from '../../components/UserText';

const addedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const statusColors = { active: 'sage', paused: 'yellow', discharged: 'gray' } as const;

/** One client in the list; opens the client page. Shows initials only when the privacy setting asks. */
export function ClientListItem({
  client,
  initialsOnly,
  onOpen,
}: {
  client: Client;
  initialsOnly: boolean;
  onOpen: () => void;
}) {
  const shownName = initialsOnly ? initialsOf(client.name) : client.name;
  return (
    <UnstyledButton onClick={onOpen} role="listitem" aria-label={shownName}>
      <Paper withBorder radius="md" px="md" py="sm">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Group gap="xs">
              <Text fw={600}>
                <UserText>{shownName}</UserText>
              </Text>
              {client.status !== 'active' && (
                <Badge variant="light" color={statusColors[client.status]} size="sm">
                  {clientStatusLabels[client.status]}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              Added {addedFormat.format(new Date(client.createdAt))}
            </Text>
          </div>
          <IconChevronRight size={18} aria-hidden />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

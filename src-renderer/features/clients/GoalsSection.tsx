import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type Goal, goalStatusLabels } from '../../../src-shared/domain/goal';
import { UserText } from '../../components/UserText';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { GoalForm } from './GoalForm';
import { useGoals } from './useGoals';

const statusColors = {
  active: 'sage',
  achieved: 'green',
  paused: 'yellow',
  'let-go': 'gray',
} as const;

/** The client's goals in their own words, with why each matters. */
export function GoalsSection({ clientId }: { clientId: string }) {
  const { goals } = useOpenVault();
  const { data } = useGoals(clientId);
  const [editing, setEditing] = useState<Goal | 'new' | null>(null);

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Goals
          </Title>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
          >
            Add a goal
          </Button>
        </Group>
        {data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No goals yet. Write them in the client’s own words: what would they like to be
            different?
          </Text>
        ) : (
          <Stack gap="xs" role="list" aria-label="Goals">
            {data.map((goal) => (
              <Paper
                key={goal.id}
                withBorder
                radius="sm"
                p="sm"
                role="listitem"
                aria-label={goal.clientWords}
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  {/* The words wrap (a long word too); the status and edit button keep their size. */}
                  <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                    <Text fw={600}>
                      “<UserText>{goal.clientWords}</UserText>”
                    </Text>
                    {goal.whyItMatters && (
                      <Text size="sm" c="dimmed" mt={2}>
                        Why it matters: <UserText>{goal.whyItMatters}</UserText>
                      </Text>
                    )}
                  </div>
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    <Badge variant="light" color={statusColors[goal.status]} tt="none">
                      {goalStatusLabels[goal.status]}
                    </Badge>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Edit goal: ${goal.clientWords}`}
                      onClick={() => setEditing(goal)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
      {editing && (
        <GoalForm
          goal={editing === 'new' ? null : editing}
          onSave={async (draft) => {
            if (editing === 'new') await goals.add(clientId, draft);
            else await goals.update(editing.id, draft);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}

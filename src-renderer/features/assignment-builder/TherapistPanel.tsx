import { Alert, Button, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { UserText } from '../../components/UserText';

/**
 * The therapist's side of the builder, never on the shared view: where the practice comes from,
 * the template's cautions (to acknowledge once for this assignment) and the clinician's notes.
 */
export function TherapistPanel({
  assignment,
  clinicianNotes,
  onAcknowledge,
  onDiscard,
}: {
  assignment: Assignment;
  clinicianNotes: string;
  onAcknowledge: (acknowledged: boolean) => void;
  onDiscard: (() => void) | null;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="aside" aria-label="Only for you">
      <Stack gap="sm">
        <Group gap={6}>
          <IconLock size={16} aria-hidden />
          <Title order={2} size="h5">
            Only for you
          </Title>
        </Group>
        <Text size="xs" c="dimmed">
          Nothing here is shown on the shared view or printed.
        </Text>
        {assignment.clinicalTitle && (
          <Text size="sm">
            From the library: <UserText>{assignment.clinicalTitle}</UserText>
          </Text>
        )}
        {assignment.cautions.length > 0 && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title="Cautions"
          >
            <Stack gap="xs">
              <List size="sm" spacing={4}>
                {assignment.cautions.map((caution) => (
                  <List.Item key={caution}>
                    <UserText>{caution}</UserText>
                  </List.Item>
                ))}
              </List>
              <Checkbox
                label="I’ve considered these for this client"
                checked={assignment.cautionsAcknowledgedAt !== null}
                onChange={(event) => onAcknowledge(event.currentTarget.checked)}
              />
            </Stack>
          </Alert>
        )}
        {clinicianNotes && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              Notes for the clinician
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <UserText>{clinicianNotes}</UserText>
            </Text>
          </Stack>
        )}
        {onDiscard && (
          <Button variant="subtle" color="red" size="xs" onClick={onDiscard}>
            Discard this draft…
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

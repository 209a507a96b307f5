import { Anchor, Button, Group, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Session } from '../../../src-shared/domain/session';
import { SessionStatusBadge } from '../../components/StatusBadges';
import { UserText } from '../../components/UserText';
import { lengthOf, whenOf } from './session-words';

/** The top of a session plan: whose session, when, how long, where it stands, and Edit. */
export function SessionPlanHeader({
  session,
  clientName,
  onBack,
  onEdit,
  sharedView,
}: {
  session: Session;
  clientName: string;
  onBack: () => void;
  onEdit: () => void;
  /** The shared screen's controls, on their own strip under the heading. */
  sharedView: ReactNode;
}) {
  return (
    <>
      <Anchor component="button" type="button" onClick={onBack} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden /> Today
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div>
          <Title order={1} size="h2">
            <UserText>{clientName}</UserText>
          </Title>
          <Group gap="xs" mt={4}>
            <Text size="sm" c="dimmed">
              {whenOf(session.startsAt, session.durationMinutes)} ·{' '}
              {lengthOf(session.durationMinutes)}
            </Text>
            <SessionStatusBadge status={session.status} />
          </Group>
        </div>
        <Button variant="default" leftSection={<IconPencil size={16} />} onClick={onEdit}>
          Edit
        </Button>
      </Group>
      {sharedView}
    </>
  );
}

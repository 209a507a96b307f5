import {
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconCalendarPlus, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import type { Client } from '../../../src-shared/domain/client';
import type { Session } from '../../../src-shared/domain/session';
import { assignmentStatusLabels } from '../../../src-shared/domain/assignment';
import { PracticeList } from '../../components/PracticeList';
import { localDate } from '../../formatting/local-date';
import { SessionBookingModal } from '../../components/SessionBookingModal';
import { SessionStatusBadge } from '../../components/StatusBadges';
import { UserText } from '../../components/UserText';
import { useNavigation } from '../../session/navigation';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault } from '../../session/VaultSessionProvider';

const whenFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** What happened to each piece of practice reviewed at a session, in a few words. */
function ReviewLines({ session, byId }: { session: Session; byId: Map<string, Assignment> }) {
  if (session.reviewItems.length === 0) return null;
  return (
    <Stack gap={0}>
      {session.reviewItems.map((item) => {
        const title = byId.get(item.assignmentId)?.title ?? 'Practice no longer here';
        return (
          <Text size="xs" c="dimmed" key={item.assignmentId}>
            {item.state === 'reviewed'
              ? 'Reviewed: '
              : item.state === 'deferred'
                ? 'Set aside: '
                : 'To review: '}
            <UserText>{title}</UserText>
            {item.state === 'deferred' && (
              <>
                {' '}
                — <UserText>{item.deferredBecause}</UserText>
              </>
            )}
          </Text>
        );
      })}
    </Stack>
  );
}

/** One session in the client's history; opens its plan. */
function SessionRow({
  session,
  byId,
  onOpen,
}: {
  session: Session;
  byId: Map<string, Assignment>;
  onOpen: () => void;
}) {
  const setHere = session.assignmentIds.flatMap((id) => byId.get(id) ?? []);
  const when = whenFormat.format(new Date(session.startsAt));
  return (
    <UnstyledButton onClick={onOpen} w="100%">
      <Paper withBorder radius="sm" px="md" py="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600} size="sm" c={session.status === 'cancelled' ? 'dimmed' : undefined}>
                {when}
              </Text>
              <SessionStatusBadge status={session.status} />
            </Group>
            <Stack gap={0}>
              {setHere.map((assignment) => (
                <Text size="xs" key={assignment.id}>
                  Set: <UserText>{assignment.title}</UserText> (
                  {assignmentStatusLabels[assignment.status]})
                </Text>
              ))}
              <ReviewLines session={session} byId={byId} />
            </Stack>
          </Stack>
          <IconChevronRight size={16} aria-hidden style={{ flexShrink: 0, marginTop: 4 }} />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

/**
 * The client's sessions, newest first, each with the practice set and reviewed in it and a link
 * to its plan; and the practice going now (agreed and drafts), each opening in the builder.
 */
export function ClientSessionsSection({ client }: { client: Client }) {
  const { sessions, assignments } = useOpenVault();
  const { navigate } = useNavigation();
  const [booking, setBooking] = useState(false);
  const data = useVaultQuery(async () => {
    const [theirSessions, theirAssignments] = await Promise.all([
      sessions.forClient(client.id),
      assignments.forClient(client.id),
    ]);
    return { sessions: theirSessions.records, assignments: theirAssignments.records };
  }, [sessions, assignments, client.id]);
  const byId = new Map((data?.assignments ?? []).map((assignment) => [assignment.id, assignment]));
  const history = [...(data?.sessions ?? [])].reverse();
  // A review started here belongs to today's session, when there is one.
  const todays = data?.sessions.find(
    (session) => session.status !== 'cancelled' && localDate(session.startsAt) === localDate(),
  );
  const current = (data?.assignments ?? []).filter(
    (assignment) => assignment.status === 'active' || assignment.status === 'draft',
  );

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Paper withBorder radius="md" p="lg" component="section" aria-label="Sessions">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              Sessions
            </Title>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCalendarPlus size={14} />}
              onClick={() => setBooking(true)}
            >
              Plan a session
            </Button>
          </Group>
          {history.length === 0 ? (
            <Text size="sm" c="dimmed">
              No sessions yet. Plan the next one, and it opens with the practice to review.
            </Text>
          ) : (
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {history.map((session) => (
                <li key={session.id}>
                  <SessionRow
                    session={session}
                    byId={byId}
                    onOpen={() => navigate({ screen: 'session', sessionId: session.id })}
                  />
                </li>
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg" component="section" aria-label="Practice now">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Practice now
          </Title>
          {current.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing agreed or being designed right now. Practice is set from a session plan.
            </Text>
          ) : (
            <PracticeList
              assignments={current}
              onOpen={(assignment) =>
                navigate({ screen: 'assignment', assignmentId: assignment.id })
              }
              onReview={(assignment) =>
                navigate({
                  screen: 'review',
                  assignmentId: assignment.id,
                  sessionId: todays?.id ?? null,
                })
              }
            />
          )}
        </Stack>
      </Paper>
      {booking && <SessionBookingModal clientId={client.id} onClose={() => setBooking(false)} />}
    </SimpleGrid>
  );
}

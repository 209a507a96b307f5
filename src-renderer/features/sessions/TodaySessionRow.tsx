import { Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconMessageCircle } from '@tabler/icons-react';
import { initialsOf } from '../../../src-shared/domain/client';
import { SessionStatusBadge } from '../../components/StatusBadges';
import { UserText } from '../../components/UserText';
import { lengthOf, timeOf } from './session-words';
import type { UpcomingSession } from './useUpcomingSessions';

/** Width of the review buttons when they name their practice; longer titles are cut with "…". */
const REVIEW_BUTTON_WIDTH = 220;

/** How review went at the client's previous session, in a few words (or nothing if there was none). */
function LastTime({ lastTime }: { lastTime: NonNullable<UpcomingSession['lastTime']> }) {
  if (lastTime.state === 'reviewed') return <>Reviewed last time</>;
  if (lastTime.state === 'deferred')
    return (
      <>
        Review was set aside last time:{' '}
        {lastTime.reasons.map((reason, index) => (
          <span key={index}>
            {index > 0 && '; '}
            <UserText>{reason}</UserText>
          </span>
        ))}
      </>
    );
  return <>Not reviewed last time</>;
}

/**
 * One session on Today: time, client, length and status, the practice due for review and how
 * review went last time. The row is one button that opens the session plan (its name is all it
 * says, so what is heard matches what is seen); beside it, each piece of practice due has its own
 * button straight into its review, naming it when there are several. Cancelled sessions read
 * quietly.
 */
export function TodaySessionRow({
  upcoming,
  initialsOnly,
  onOpen,
  onReview,
}: {
  upcoming: UpcomingSession;
  initialsOnly: boolean;
  onOpen: () => void;
  onReview: (assignmentId: string) => void;
}) {
  const { session, client, due, lastTime } = upcoming;
  const name = client
    ? initialsOnly
      ? initialsOf(client.name)
      : client.name
    : 'A client whose record can’t be read';
  const cancelled = session.status === 'cancelled';
  const time = timeOf(session.startsAt);
  return (
    <Group gap="xs" wrap="nowrap" align="stretch">
      <UnstyledButton onClick={onOpen} style={{ flex: 1 }}>
        <Paper withBorder radius="md" px="md" py="sm" bg={cancelled ? 'transparent' : undefined}>
          <Group justify="space-between" wrap="nowrap" align="center">
            <Group gap="lg" wrap="nowrap" align="flex-start">
              <Stack gap={0} w={84} style={{ flexShrink: 0 }}>
                <Text
                  fw={600}
                  c={cancelled ? 'dimmed' : undefined}
                  td={cancelled ? 'line-through' : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {time}
                </Text>
                <Text size="xs" c="dimmed">
                  {lengthOf(session.durationMinutes)}
                </Text>
              </Stack>
              <Stack gap={4}>
                <Group gap="xs">
                  <Text fw={600} c={cancelled ? 'dimmed' : undefined}>
                    <UserText>{name}</UserText>
                  </Text>
                  <SessionStatusBadge status={session.status} />
                </Group>
                {!cancelled && (
                  <>
                    <Text size="sm">
                      {due.length === 0 ? (
                        <Text span c="dimmed" size="sm">
                          No practice due for review
                        </Text>
                      ) : (
                        <>
                          To review:{' '}
                          {due.map((assignment, index) => (
                            <span key={assignment.id}>
                              {index > 0 && ', '}
                              <UserText>{assignment.title}</UserText>
                            </span>
                          ))}
                        </>
                      )}
                    </Text>
                    {lastTime && (
                      <Text size="xs" c="dimmed">
                        <LastTime lastTime={lastTime} />
                      </Text>
                    )}
                  </>
                )}
              </Stack>
            </Group>
            <IconChevronRight size={18} aria-hidden style={{ flexShrink: 0 }} />
          </Group>
        </Paper>
      </UnstyledButton>
      {!cancelled && due.length > 0 && (
        <Stack gap={4} justify="center" w={due.length > 1 ? REVIEW_BUTTON_WIDTH : undefined}>
          {due.map((assignment) => (
            <Button
              key={assignment.id}
              size="xs"
              variant="light"
              justify="flex-start"
              leftSection={<IconMessageCircle size={14} />}
              onClick={() => onReview(assignment.id)}
              aria-label={`Review ${assignment.title}`}
            >
              {/* With several due, each button says which practice it reviews (cut to fit). */}
              {due.length === 1 ? (
                'Review'
              ) : (
                <Text span inherit truncate="end">
                  Review <UserText>{assignment.title}</UserText>
                </Text>
              )}
            </Button>
          ))}
        </Stack>
      )}
    </Group>
  );
}

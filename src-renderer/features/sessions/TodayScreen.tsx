import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { LoadingMark } from '../../components/LoadingMark';
import { SessionBookingModal } from '../../components/SessionBookingModal';
import { useNavigation } from '../../session/navigation';
import { usePreferences } from '../../session/usePreferences';
import { groupByDay } from './today-days';
import { TodaySessionRow } from './TodaySessionRow';
import { useUpcomingSessions } from './useUpcomingSessions';
import { whenIdle } from '../../when-idle';

/** The time now, moving on every minute, so "Today" turns into tomorrow at midnight. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * Whether the days after the first may be drawn: a busy week holds dozens of sessions, and
 * drawing them all before anything is painted keeps the clinician waiting after unlocking. The
 * first day comes at once; the rest of the week follows as soon as the page is idle.
 */
function useRestOfWeek(loaded: boolean): boolean {
  const [rest, setRest] = useState(false);
  useEffect(() => (loaded && !rest ? whenIdle(() => setRest(true)) : undefined), [loaded, rest]);
  return rest;
}

/** What to do when there is nothing on Today: say plainly how to start. */
function NothingPlanned({
  hasClients,
  onAddClient,
  onPlan,
}: {
  hasClients: boolean;
  onAddClient: () => void;
  onPlan: () => void;
}) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4">
          {hasClients ? 'Nothing planned for the next seven days' : 'Nothing planned yet'}
        </Title>
        <Text>
          {hasClients
            ? 'Plan a session with one of your clients, and it will appear here with the practice to review.'
            : 'To start, add a client on the Clients page. Then plan a session with them here: each session opens with last week’s practice.'}
        </Text>
        <Group gap="sm">
          {!hasClients && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={onAddClient}>
              Add a client
            </Button>
          )}
          <Button
            variant={hasClients ? 'filled' : 'default'}
            leftSection={<IconCalendarPlus size={16} />}
            onClick={onPlan}
          >
            Plan a session
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * Home: today's and the next seven days' sessions across all clients, by day, each with the
 * practice due for review and how review went last time; one click opens the session plan.
 */
export function TodayScreen() {
  const now = useNow();
  const { navigate } = useNavigation();
  const prefs = usePreferences();
  const { data, isLoading, damagedCount, hasClients } = useUpcomingSessions(now);
  const [booking, setBooking] = useState(false);
  const days = groupByDay(data, (upcoming) => upcoming.session.startsAt, now);
  const restOfWeek = useRestOfWeek(!isLoading);
  const shownDays = restOfWeek ? days : days.slice(0, 1);

  return (
    <Stack gap="lg" maw={820}>
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          Today
        </Title>
        {days.length > 0 && (
          <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setBooking(true)}>
            Plan a session
          </Button>
        )}
      </Group>
      {damagedCount > 0 && (
        <Alert color="orange" title="Some records couldn’t be read">
          {damagedCount === 1 ? 'One session record is' : `${damagedCount} session records are`}{' '}
          damaged and can’t be shown. Everything else is fine. Restoring a backup can bring them
          back.
        </Alert>
      )}
      {isLoading ? (
        <Center py="xl">
          <LoadingMark label="Loading sessions" />
        </Center>
      ) : days.length === 0 ? (
        <NothingPlanned
          hasClients={hasClients}
          onAddClient={() => navigate({ screen: 'clients' })}
          onPlan={() => setBooking(true)}
        />
      ) : (
        shownDays.map((day) => (
          <section key={day.key} aria-labelledby={`day-${day.key}`}>
            <Title
              order={2}
              size="h5"
              id={`day-${day.key}`}
              mb="xs"
              c="dimmed"
              tt="uppercase"
              fw={650}
            >
              {day.label}
            </Title>
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {day.items.map((upcoming) => (
                <li key={upcoming.session.id}>
                  <TodaySessionRow
                    upcoming={upcoming}
                    initialsOnly={prefs.data.initialsOnlyInLists}
                    onOpen={() => navigate({ screen: 'session', sessionId: upcoming.session.id })}
                    onReview={(assignmentId) =>
                      navigate({ screen: 'review', assignmentId, sessionId: upcoming.session.id })
                    }
                  />
                </li>
              ))}
            </Stack>
          </section>
        ))
      )}
      {booking && <SessionBookingModal onClose={() => setBooking(false)} />}
    </Stack>
  );
}

import { Stack, Text, Title } from '@mantine/core';
import { useNavigation } from '../../session/navigation';
import { BuilderScreen } from './BuilderScreen';
import { StartPracticeScreen } from './StartPracticeScreen';

/** Designing practice: choosing where it starts, then the builder. */
export function AssignmentArea() {
  const { route } = useNavigation();
  if (route.screen === 'new-assignment')
    return <StartPracticeScreen clientId={route.clientId} sessionId={route.sessionId} />;
  if (route.screen !== 'assignment') return null;
  if (route.mode === 'edit') return <BuilderScreen assignmentId={route.assignmentId} />;
  return (
    <Stack gap="sm" maw={620}>
      <Title order={1} size="h2">
        Reviewing practice together
      </Title>
      <Text>
        The review, one practice at a time, comes in the next version of Bridgework. Until then, the
        session plan keeps this practice on the agenda for review.
      </Text>
    </Stack>
  );
}

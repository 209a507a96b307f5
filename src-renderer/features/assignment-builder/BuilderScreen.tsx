import { Center, Text } from '@mantine/core';
import { LoadingMark } from '../../components/LoadingMark';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { AssignmentBuilder } from './AssignmentBuilder';

/**
 * Opens an assignment in the builder: reads it with its client, the client's goals and the
 * session it was set in. The builder then keeps its own copy as typed, so later reads (its own
 * saves coming back) never reset what is on screen.
 */
export function BuilderScreen({ assignmentId }: { assignmentId: string }) {
  const { assignments, clients, goals, sessions } = useOpenVault();
  const loaded = useVaultQuery(async () => {
    try {
      const assignment = await assignments.get(assignmentId);
      if (!assignment) return { problem: 'This practice has been deleted.' } as const;
      const [client, clientGoals, session] = await Promise.all([
        clients.get(assignment.clientId),
        goals.forClient(assignment.clientId),
        assignment.sessionId ? sessions.get(assignment.sessionId) : undefined,
      ]);
      if (!client) return { problem: 'The client of this practice has been deleted.' } as const;
      return { assignment, client, goals: clientGoals.records, session: session ?? null };
    } catch {
      return {
        problem: 'This practice is damaged and can’t be opened. The rest of the vault is fine.',
      } as const;
    }
  }, [assignments, clients, goals, sessions, assignmentId]);

  if (!loaded)
    return (
      <Center h={240}>
        <LoadingMark label="Opening the practice" />
      </Center>
    );
  if ('problem' in loaded) return <Text>{loaded.problem}</Text>;
  return (
    <AssignmentBuilder
      key={assignmentId}
      stored={loaded.assignment}
      client={loaded.client}
      goals={loaded.goals}
      session={loaded.session}
    />
  );
}

import { Anchor, Center, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { LoadingMark } from '../../components/LoadingMark';
import type { Review } from '../../../src-shared/domain/review';
import { describeVaultError } from '../../formatting/describe-error';
import { useNavigation } from '../../session/navigation';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { ReviewFlow } from './ReviewFlow';

/**
 * Opens the review of one piece of practice: reads it with its client and the client's other
 * records the review draws on (earlier versions and their reviews, the days already entered),
 * then carries on with the review of it in this session, or starts one. The flow keeps its own
 * copy as it is filled in, so its own saves coming back never reset what is on screen.
 */
export function ReviewScreen({
  assignmentId,
  sessionId,
}: {
  assignmentId: string;
  sessionId: string | null;
}) {
  const { assignments, clients, reviews } = useOpenVault();
  const { navigate } = useNavigation();
  const [opened, setOpened] = useState<Review | string | null>(null);

  const loaded = useVaultQuery(async () => {
    try {
      const assignment = await assignments.get(assignmentId);
      if (!assignment) return { problem: 'This practice has been deleted.' } as const;
      const [everyone, theirAssignments, theirReviews] = await Promise.all([
        clients.all(),
        assignments.forClient(assignment.clientId),
        reviews.forClient(assignment.clientId),
      ]);
      const client = everyone.records.find((each) => each.id === assignment.clientId);
      if (!client) return { problem: 'The client of this practice has been deleted.' } as const;
      return {
        assignment,
        client,
        otherClients: everyone.records.filter((each) => each.id !== client.id),
        clientAssignments: theirAssignments.records,
        clientReviews: theirReviews.records,
      };
    } catch {
      return {
        problem: 'This practice is damaged and can’t be opened. The rest of the vault is fine.',
      } as const;
    }
  }, [assignments, clients, reviews, assignmentId]);

  const assignment = loaded && 'assignment' in loaded ? loaded.assignment : undefined;
  useEffect(() => {
    if (!assignment || opened !== null) return;
    reviews.open(assignment, sessionId).then(setOpened, (error: unknown) => {
      setOpened(describeVaultError(error));
    });
  }, [assignment, opened, reviews, sessionId]);

  if (loaded && 'problem' in loaded)
    return (
      <Stack gap="sm" maw={620}>
        <Title order={1} size="h2">
          This review can’t be opened
        </Title>
        <Text>{loaded.problem}</Text>
        <Anchor component="button" type="button" onClick={() => navigate({ screen: 'today' })}>
          Back to Today
        </Anchor>
      </Stack>
    );
  if (typeof opened === 'string') return <Text role="alert">{opened}</Text>;
  if (!loaded || !opened)
    return (
      <Center h={240}>
        <LoadingMark label="Opening the review" />
      </Center>
    );
  return <ReviewFlow key={opened.id} stored={opened} sessionId={sessionId} {...loaded} />;
}

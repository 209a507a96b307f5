import { BarChart } from '@mantine/charts';
import { Anchor, Center, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { format, parseISO } from 'date-fns';
import { useMemo } from 'react';
import { LoadingMark } from '../../components/LoadingMark';
import { insightSummaryOf, reviewedOnOf } from '../../../src-shared/domain/insight-facts';
import {
  barriersByFrequency,
  completionOf,
  ladderPositions,
  reviewTimeline,
  smallestVersionShare,
  trackerReturnShare,
} from '../../../src-shared/domain/insights';
import { newRecordId } from '../../../src-shared/domain/record-id';
import { reviewOutcomeLabels } from '../../../src-shared/domain/review';
import { SectionCard } from '../../components/SectionCard';
import { UserText } from '../../components/UserText';
import { useNavigation } from '../../session/navigation';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { BarrierCounts } from './BarrierCounts';
import { ShareText } from './ShareText';

const dayOf = (date: string) => format(parseISO(date), 'd MMM yyyy');

/**
 * One client's insights, for the clinician alone: each review over time (any attempt, the full
 * plan, the smallest version), where each ladder stands, what gets in the way, how often a
 * tracker comes back, and what the client has learned, in their words.
 */
export function ClientInsightsScreen({ clientId }: { clientId: string }) {
  const { clients, reviews, assignments } = useOpenVault();
  const { navigate } = useNavigation();
  const data = useVaultQuery(async () => {
    const [client, theirReviews, theirAssignments] = await Promise.all([
      clients.get(clientId),
      reviews.forClient(clientId),
      assignments.forClient(clientId),
    ]);
    return { client, reviews: theirReviews.records, assignments: theirAssignments.records };
  }, [clients, reviews, assignments, clientId]);

  const numbers = useMemo(() => {
    if (!data) return undefined;
    const summary = insightSummaryOf(newRecordId(), clientId, data.reviews, data.assignments);
    return {
      timeline: reviewTimeline(summary.reviews),
      completion: completionOf(summary.reviews),
      smallest: smallestVersionShare(summary.reviews),
      trackers: trackerReturnShare(summary.reviews),
      barriers: barriersByFrequency(summary.reviews),
      ladders: ladderPositions(summary.assignments),
    };
  }, [data, clientId]);

  if (!data || !numbers)
    return (
      <Center h={240}>
        <LoadingMark label="Working out the insights" />
      </Center>
    );
  if (!data.client) return <Text>This client has been deleted.</Text>;

  const titleOf = new Map(data.assignments.map((each) => [each.id, each]));
  const finished = data.reviews.filter((review) => review.finished);
  const titleOfReview = new Map(
    finished.map((review) => [review.id, titleOf.get(review.assignmentId)?.title ?? 'Practice']),
  );
  const learned = finished.filter((review) => review.learned.trim() !== '');

  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap={4}>
        <Anchor
          component="button"
          type="button"
          size="sm"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => navigate({ screen: 'client', clientId })}
        >
          Back to the client
        </Anchor>
        <Title order={1} size="h2">
          Insights: <UserText>{data.client.name}</UserText>
        </Title>
        <Text c="dimmed">
          Only you see this. Every week’s answer is information about what fits — counts sit beside
          every figure, and a few reviews can swing them.
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {[
          { label: 'Any attempt', share: numbers.completion.anyAttempt },
          { label: 'The full plan', share: numbers.completion.fullDose },
          { label: 'The smallest version happened', share: numbers.smallest },
          { label: 'A tracker came back', share: numbers.trackers },
        ].map(({ label, share }) => (
          <SectionCard key={label} title={label}>
            <ShareText share={share} />
          </SectionCard>
        ))}
      </SimpleGrid>
      <SectionCard title="Each review over time">
        {numbers.timeline.length === 0 ? (
          <Text size="sm" c="dimmed">
            Once practice has been reviewed together, each review will show here in order.
          </Text>
        ) : (
          <>
            <figure aria-label="Share of the plan done at each review" style={{ margin: 0 }}>
              <BarChart
                h={200}
                data={numbers.timeline.map((point) => ({
                  date: dayOf(point.date),
                  'Share of the plan done': point.percentDone ?? 0,
                }))}
                dataKey="date"
                unit="%"
                yAxisProps={{ domain: [0, 100] }}
                series={[{ name: 'Share of the plan done', color: 'sage.6' }]}
              />
            </figure>
            <Table striped withTableBorder aria-label="Each review">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Practice</Table.Th>
                  <Table.Th>How it went</Table.Th>
                  <Table.Th>Any attempt</Table.Th>
                  <Table.Th>The full plan</Table.Th>
                  <Table.Th>Smallest version</Table.Th>
                  <Table.Th>Share done</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {numbers.timeline.map((point) => (
                  <Table.Tr key={point.reviewId}>
                    <Table.Td>{dayOf(point.date)}</Table.Td>
                    <Table.Td>
                      <UserText>{titleOfReview.get(point.reviewId) ?? 'Practice'}</UserText>
                    </Table.Td>
                    <Table.Td>{reviewOutcomeLabels[point.outcome]}</Table.Td>
                    <Table.Td>{point.anyAttempt ? 'Yes' : 'No'}</Table.Td>
                    <Table.Td>{point.fullDose ? 'Yes' : 'No'}</Table.Td>
                    <Table.Td>
                      {point.smallestVersionMet === null
                        ? '—'
                        : point.smallestVersionMet
                          ? 'Happened'
                          : 'Not this time'}
                    </Table.Td>
                    <Table.Td>
                      {point.percentDone === null ? '—' : `${point.percentDone}%`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </SectionCard>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SectionCard title="Ladders in use">
          {numbers.ladders.length === 0 ? (
            <Text size="sm" c="dimmed">
              Practice with steps to climb will show where it stands here.
            </Text>
          ) : (
            <List size="sm">
              {numbers.ladders.map((position) => {
                const assignment = titleOf.get(position.assignmentId);
                const step =
                  position.stepIndex === null ? undefined : assignment?.ladder[position.stepIndex];
                return (
                  <List.Item key={position.assignmentId}>
                    <UserText>{assignment?.title ?? 'Practice'}</UserText>:{' '}
                    {position.stepIndex === null
                      ? 'no step chosen yet'
                      : `step ${position.stepIndex + 1} of ${position.length}`}
                    {step && (
                      <>
                        {' — '}
                        <UserText>{step.step}</UserText>
                      </>
                    )}
                  </List.Item>
                );
              })}
            </List>
          )}
        </SectionCard>
        <SectionCard title="What gets in the way">
          <BarrierCounts
            counts={numbers.barriers}
            empty="What gets in the way will show here as reviews note it."
          />
        </SectionCard>
      </SimpleGrid>
      <SectionCard title="What they have learned" note="In their words, newest first.">
        {learned.length === 0 ? (
          <Text size="sm" c="dimmed">
            What the client notices and learns, noted in reviews, will gather here.
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {[...learned].reverse().map((review) => (
              <List.Item key={review.id}>
                <Text span size="xs" c="dimmed">
                  {dayOf(reviewedOnOf(review))} ·{' '}
                </Text>
                <UserText>{review.learned}</UserText>
              </List.Item>
            ))}
          </List>
        )}
      </SectionCard>
    </Stack>
  );
}

import { Chip, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { barrierKindLabels, barrierKinds } from '../../../src-shared/domain/barrier-kinds';
import {
  type BarrierMet,
  type PlanUse,
  planUseLabels,
  planUses,
  type Review,
  reviewTextLimits,
} from '../../../src-shared/domain/review';
import { LimitedField } from '../../components/LimitedField';
import { UserText } from '../../components/UserText';

const planUseOptions = planUses.map((use) => ({ value: use, label: planUseLabels[use] }));

/**
 * What got in the way, from the one taxonomy the builder plans with (so Insights can set planned
 * and met side by side), each with a note in the client's words; and whether the if-then and the
 * backup plan came into play and helped.
 */
export function BarriersMet({
  assignment,
  review,
  onChange,
}: {
  assignment: Assignment;
  review: Review;
  onChange: (change: Partial<Review>) => void;
}) {
  const chosen = review.barriersMet.map((met) => met.kind);
  const setKinds = (kinds: string[]) =>
    onChange({
      barriersMet: barrierKinds
        .filter((kind) => kinds.includes(kind))
        .map(
          (kind): BarrierMet =>
            review.barriersMet.find((met) => met.kind === kind) ?? { kind, note: '' },
        ),
    });
  const setNote = (kind: BarrierMet['kind'], note: string) =>
    onChange({
      barriersMet: review.barriersMet.map((met) => (met.kind === kind ? { ...met, note } : met)),
    });
  return (
    <Stack gap="sm">
      {assignment.barriers.length > 0 && (
        <Text size="sm" c="dimmed">
          Planned for:{' '}
          {assignment.barriers.map((barrier, index) => (
            <span key={`${barrier.kind}-${index}`}>
              {index > 0 && '; '}
              <UserText>{barrier.barrier || barrierKindLabels[barrier.kind]}</UserText>
            </span>
          ))}
        </Text>
      )}
      <Chip.Group multiple value={chosen} onChange={setKinds}>
        <Group gap={6} role="group" aria-label="What got in the way">
          {barrierKinds.map((kind) => (
            <Chip key={kind} value={kind} size="sm">
              {barrierKindLabels[kind]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {review.barriersMet.map((met) => (
        <LimitedField
          key={met.kind}
          label={`${barrierKindLabels[met.kind]} — in their words`}
          value={met.note}
          max={reviewTextLimits.barrierNote}
          onChange={(note) => setNote(met.kind, note)}
        />
      ))}
      <LimitedField
        label="Anything else about what got in the way"
        value={review.barrierNotes}
        max={reviewTextLimits.barrierNotes}
        multiline
        onChange={(barrierNotes) => onChange({ barrierNotes })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="The if-then plans"
          placeholder="Choose"
          data={planUseOptions}
          value={review.ifThenPlan}
          onChange={(value) => onChange({ ifThenPlan: value as PlanUse | null })}
          clearable
        />
        <Select
          label="The backup plan for a hard day"
          placeholder="Choose"
          data={planUseOptions}
          value={review.backupPlan}
          onChange={(value) => onChange({ backupPlan: value as PlanUse | null })}
          clearable
        />
      </SimpleGrid>
    </Stack>
  );
}

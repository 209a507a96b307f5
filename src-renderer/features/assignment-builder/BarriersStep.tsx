import { Alert, Group, Stack, Text, TextInput } from '@mantine/core';
import { assignmentTextLimits } from '../../../src-shared/domain/assignment';
import { planGaps } from '../../../src-shared/domain/practice-plan';
import type { Barrier } from '../../../src-shared/domain/template';
import { LimitedField } from '../../components/LimitedField';
import { PlannedBarriersEditor } from './PlannedBarriersEditor';
import type { StepProps } from './StepProps';

/**
 * Step 3, plan around barriers: "I will [what] [when / after which cue] at [where]", with a
 * check that names what is missing; what might get in the way, each with an if-then; and a
 * backup plan for a bad day.
 */
export function BarriersStep({
  assignment,
  update,
  suggestions,
}: StepProps & { suggestions: Barrier[] }) {
  const { plan } = assignment;
  const setPlan = (patch: Partial<typeof plan>) => update({ plan: { ...plan, ...patch } });
  const gaps = planGaps(plan);
  return (
    <Stack gap="lg">
      <Stack gap="xs" role="group" aria-labelledby="plan-heading">
        <Text fw={600} id="plan-heading">
          My plan: I will…
        </Text>
        <LimitedField
          label="What, exactly"
          placeholder="walk round the block"
          value={plan.what}
          onChange={(what) => setPlan({ what })}
          max={assignmentTextLimits.what}
        />
        <Group grow align="flex-start">
          <TextInput
            type="time"
            label="At what time (optional)"
            value={plan.time ?? ''}
            onChange={(event) => setPlan({ time: event.currentTarget.value || null })}
          />
          <LimitedField
            label="Or right after…"
            placeholder="I brush my teeth"
            value={plan.cue}
            onChange={(cue) => setPlan({ cue })}
            max={assignmentTextLimits.cue}
          />
        </Group>
        <LimitedField
          label="Where"
          placeholder="the park by the house"
          value={plan.where}
          onChange={(where) => setPlan({ where })}
          max={assignmentTextLimits.where}
        />
        {gaps.length > 0 && (
          <Alert variant="light" color="blue" title="To make the plan easier to follow">
            <Stack gap={2}>
              {gaps.map((gap) => (
                <Text size="sm" key={gap.field}>
                  {gap.message}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
      </Stack>
      <PlannedBarriersEditor
        value={assignment.barriers}
        onChange={(barriers) => update({ barriers })}
        suggestions={suggestions}
      />
      <LimitedField
        label="Backup plan for a hard day"
        placeholder="Two minutes on the balcony instead"
        value={assignment.backupPlan}
        onChange={(backupPlan) => update({ backupPlan })}
        max={assignmentTextLimits.backupPlan}
        multiline
      />
    </Stack>
  );
}

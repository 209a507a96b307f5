import { Checkbox, Stack, Text } from '@mantine/core';
import { assignmentTextLimits } from '../../../src-shared/domain/assignment';
import type { Goal } from '../../../src-shared/domain/goal';
import { LinesTextarea } from '../../components/editors/LinesTextarea';
import { UserText } from '../../components/UserText';
import { LimitedField } from '../../components/LimitedField';
import type { StepProps } from './StepProps';

/**
 * Step 1, why and what: the client names it, says why it matters and what feels doable, in
 * their own words (never pre-filled), and links it to their goals.
 */
export function WhyAndWhatStep({ assignment, update, goals }: StepProps & { goals: Goal[] }) {
  const linked = new Set(assignment.goals.map((goal) => goal.goalId));
  const toggleGoal = (goal: Goal, checked: boolean) =>
    update({
      goals: checked
        ? [...assignment.goals, { goalId: goal.id, words: goal.clientWords }]
        : assignment.goals.filter((served) => served.goalId !== goal.id),
    });
  return (
    <Stack gap="md">
      <LimitedField
        label="What shall we call it?"
        description="The title the client sees"
        value={assignment.title}
        onChange={(title) => update({ title })}
        max={assignmentTextLimits.title}
      />
      <LimitedField
        label="A title that gives nothing away"
        description="For handouts and reminders other people might see"
        value={assignment.discreetTitle}
        onChange={(discreetTitle) => update({ discreetTitle })}
        max={assignmentTextLimits.title}
      />
      <LimitedField
        label="Why does this matter to you?"
        description="In the client’s own words"
        value={assignment.whyItMatters}
        onChange={(whyItMatters) => update({ whyItMatters })}
        max={assignmentTextLimits.whyItMatters}
        multiline
      />
      <LimitedField
        label="What part of it feels doable?"
        description="In the client’s own words"
        value={assignment.whatFeelsDoable}
        onChange={(whatFeelsDoable) => update({ whatFeelsDoable })}
        max={assignmentTextLimits.whatFeelsDoable}
        multiline
      />
      <Stack gap={6} role="group" aria-labelledby="served-goals">
        <Text fw={500} size="sm" id="served-goals">
          Which of your goals does it help with?
        </Text>
        <Stack gap={6}>
          {goals.length === 0 && (
            <Text size="sm" c="dimmed">
              No goals written down yet. You can add them on the client’s page.
            </Text>
          )}
          {goals.map((goal) => (
            <Checkbox
              key={goal.id}
              checked={linked.has(goal.id)}
              onChange={(event) => toggleGoal(goal, event.currentTarget.checked)}
              label={<UserText>{goal.clientWords}</UserText>}
            />
          ))}
        </Stack>
      </Stack>
      {linked.size === 0 && (
        <LimitedField
          label="Not linked to a goal because…"
          description="Optional: for example, it’s a first step before goals are set"
          value={assignment.noGoalBecause}
          onChange={(noGoalBecause) => update({ noGoalBecause })}
          max={assignmentTextLimits.noGoalBecause}
        />
      )}
      <LinesTextarea
        label="What it involves"
        description="One step per line"
        value={assignment.steps}
        onChange={(steps) => update({ steps })}
      />
    </Stack>
  );
}

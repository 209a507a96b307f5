import { Button, Checkbox, Chip, Group, Radio, Stack, Text } from '@mantine/core';
import { assignmentTextLimits } from '../../../src-shared/domain/assignment';
import type { DoseOption, TrackerField } from '../../../src-shared/domain/template';
import { DoseEditor } from '../../components/editors/DoseEditor';
import { UserText } from '../../components/UserText';
import { LimitedField } from '../../components/LimitedField';
import { PracticeDates } from './PracticeDates';
import type { StepProps } from './StepProps';

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const sameDose = (a: DoseOption | null, b: DoseOption) =>
  a !== null && a.label === b.label && JSON.stringify(a.dose) === JSON.stringify(b.dose);

/**
 * Step 2, start small: how much (a choice between the template's ways of doing it, or their
 * own), the smallest version that still counts, which days and until when, the step on the
 * ladder, and what they'd like to note, if anything.
 */
export function StartSmallStep({
  assignment,
  update,
  trackerChoices,
}: StepProps & { trackerChoices: TrackerField[] }) {
  const chosenIndex = assignment.doseOptions.findIndex((option) =>
    sameDose(assignment.dose, option),
  );
  const ownDose = assignment.dose !== null && chosenIndex === -1;
  const chosenColumns = new Set(assignment.trackerFields.map((field) => field.label));
  return (
    <Stack gap="lg">
      <Radio.Group
        label="How much feels right for this week?"
        value={ownDose ? 'own' : chosenIndex >= 0 ? String(chosenIndex) : null}
        onChange={(value) =>
          update({
            dose:
              value === 'own'
                ? { label: 'Our own amount', dose: { kind: 'per-week', timesPerWeek: 2 } }
                : (assignment.doseOptions[Number(value)] ?? null),
          })
        }
      >
        <Stack gap={6} mt={6}>
          {assignment.doseOptions.map((option, index) => (
            <Radio key={index} value={String(index)} label={<UserText>{option.label}</UserText>} />
          ))}
          <Radio value="own" label="Something else we agree on" />
        </Stack>
      </Radio.Group>
      {ownDose && assignment.dose && (
        <Stack gap="xs">
          <LimitedField
            label="Our own amount, in words"
            value={assignment.dose.label}
            onChange={(label) => assignment.dose && update({ dose: { ...assignment.dose, label } })}
            max={80}
          />
          <DoseEditor
            name="our own amount"
            value={assignment.dose.dose}
            onChange={(dose) => assignment.dose && update({ dose: { ...assignment.dose, dose } })}
          />
        </Stack>
      )}
      <LimitedField
        label="The smallest version that still counts"
        description="On a hard day, this is enough"
        value={assignment.minimum.label}
        onChange={(label) => update({ minimum: { ...assignment.minimum, label } })}
        max={assignmentTextLimits.minimumLabel}
      />
      <Chip.Group
        multiple
        value={assignment.days.map(String)}
        onChange={(values) => update({ days: values.map(Number).sort((a, b) => a - b) })}
      >
        <Stack gap={6}>
          <Text fw={500} size="sm" id="practice-days">
            Which days?{' '}
            <Text span c="dimmed" size="sm">
              (none chosen: any days that suit)
            </Text>
          </Text>
          <Group gap={6} role="group" aria-labelledby="practice-days">
            {weekdays.map((day, index) => (
              <Chip key={day} value={String(index + 1)} size="sm">
                {day}
              </Chip>
            ))}
          </Group>
        </Stack>
      </Chip.Group>
      <PracticeDates assignment={assignment} update={update} />
      {assignment.ladder.length > 0 && (
        <Radio.Group
          label="Which step feels right to start with?"
          description="Easiest first. Starting where success is likely is good design."
          value={assignment.ladderStep === null ? null : String(assignment.ladderStep)}
          onChange={(value) => update({ ladderStep: Number(value) })}
        >
          <Stack gap={6} mt={6}>
            {assignment.ladder.map((rung, index) => (
              <Radio
                key={index}
                value={String(index)}
                label={
                  <>
                    <UserText>{rung.step}</UserText>
                    {rung.difficulty !== undefined && (
                      <Text span c="dimmed" size="sm">
                        {' '}
                        · about {rung.difficulty} out of 10
                      </Text>
                    )}
                  </>
                }
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {trackerChoices.length > 0 && (
        <Stack gap={6}>
          <Text fw={500} size="sm" id="tracker-columns">
            What would you like to note each day?
          </Text>
          <Stack gap={6} role="group" aria-labelledby="tracker-columns">
            {trackerChoices.map((field) => (
              <Checkbox
                key={field.label}
                label={<UserText>{field.label}</UserText>}
                checked={chosenColumns.has(field.label)}
                onChange={(event) =>
                  update({
                    trackerFields: event.currentTarget.checked
                      ? trackerChoices.filter(
                          (choice) => chosenColumns.has(choice.label) || choice === field,
                        )
                      : assignment.trackerFields.filter((chosen) => chosen.label !== field.label),
                  })
                }
              />
            ))}
          </Stack>
          <Group>
            <Button variant="subtle" size="xs" onClick={() => update({ trackerFields: [] })}>
              No tracker this time
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

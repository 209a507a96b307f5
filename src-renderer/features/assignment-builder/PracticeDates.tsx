import { Group, Stack, Text, TextInput } from '@mantine/core';
import { expectedTotal, scheduleProblem } from '../../../src-shared/domain/practice-schedule';
import { localDate } from '../../formatting/local-date';
import type { StepProps } from './StepProps';

const longDate = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

/**
 * From when, and until the review: the two dates, a plain message when they don't fit together,
 * and how much practice that comes to (so the dose can be sized to the real week).
 */
export function PracticeDates({ assignment, update }: StepProps) {
  const problem = scheduleProblem(assignment.startsOn, assignment.reviewBy, localDate());
  const total = problem
    ? null
    : expectedTotal({
        dose: assignment.dose?.dose ?? null,
        days: assignment.days,
        startsOn: assignment.startsOn,
        until: assignment.reviewBy,
      });
  return (
    <Stack gap={6}>
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label="Starting on"
          value={assignment.startsOn}
          onChange={(event) =>
            event.currentTarget.value && update({ startsOn: event.currentTarget.value })
          }
          error={problem !== null}
        />
        <TextInput
          type="date"
          label="Until we look at it together on"
          value={assignment.reviewBy}
          onChange={(event) =>
            event.currentTarget.value && update({ reviewBy: event.currentTarget.value })
          }
          error={problem !== null}
        />
      </Group>
      {problem ? (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {problem}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {total !== null && total > 0
            ? `About ${total} ${total === 1 ? 'time' : 'times'} before ${longDate.format(new Date(`${assignment.reviewBy}T00:00:00Z`))}.`
            : `We’ll look at it together on ${longDate.format(new Date(`${assignment.reviewBy}T00:00:00Z`))}.`}
        </Text>
      )}
    </Stack>
  );
}

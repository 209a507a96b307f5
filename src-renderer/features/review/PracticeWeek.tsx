import {
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { format, parseISO } from 'date-fns';
import { useEffect, useMemo, useState } from 'react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import type { Client } from '../../../src-shared/domain/client';
import type { PracticeLog } from '../../../src-shared/domain/practice-log';
import type { GridEntry } from '../../data/reviews-repository';
import type { Review } from '../../../src-shared/domain/review';
import {
  type DayMark,
  gridDaysOf,
  gridProblemMessages,
  percentFromGrid,
} from '../../../src-shared/domain/review-grid';
import type { TrackerField } from '../../../src-shared/domain/template';
import { UserText } from '../../components/UserText';
import { describeVaultError } from '../../formatting/describe-error';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { KeptTrackers } from './KeptTrackers';
import { ReadReturnedTracker } from './ReadReturnedTracker';

/** The quick estimate's choices when no tracker came back, as a share of the plan. */
const estimates = [
  { value: '0', label: 'None of it' },
  { value: '25', label: 'A little' },
  { value: '50', label: 'About half' },
  { value: '75', label: 'Most of it' },
  { value: '100', label: 'All of it' },
];

const marks: { value: DayMark | ''; label: string }[] = [
  { value: '', label: '–' },
  { value: 'yes', label: 'Done' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'Not' },
];

type TrackerValue = string | number | boolean;

function ColumnInput({
  field,
  value,
  onChange,
  label,
  disabled,
}: {
  field: TrackerField;
  value: TrackerValue | undefined;
  onChange: (value: TrackerValue | undefined) => void;
  label: string;
  /** Columns fill in once the day is marked. */
  disabled: boolean;
}) {
  if (field.kind === 'yes-no')
    return (
      <Checkbox
        aria-label={label}
        disabled={disabled}
        checked={value === true}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    );
  if (field.kind === 'count' || field.kind === 'minutes' || field.kind === 'rating-0-10')
    return (
      <NumberInput
        aria-label={label}
        disabled={disabled}
        size="xs"
        w={80}
        min={0}
        max={field.kind === 'rating-0-10' ? 10 : 1440}
        allowDecimal={false}
        clampBehavior="strict"
        value={typeof value === 'number' ? value : ''}
        onChange={(next) => onChange(typeof next === 'number' ? next : undefined)}
      />
    );
  return (
    <TextInput
      aria-label={label}
      disabled={disabled}
      size="xs"
      w={field.kind === 'time-of-day' ? 90 : 160}
      maxLength={field.kind === 'time-of-day' ? 5 : 200}
      placeholder={field.kind === 'time-of-day' ? 'HH:MM' : undefined}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(event.currentTarget.value || undefined)}
    />
  );
}

/**
 * The week, from what came back: a returned tracker entered as a quick grid of the practice's
 * days (done, partly, not, and the tracker columns the client chose), or — when no tracker came
 * back — a quick estimate. No day-by-day entry is ever required. The amount done is worked out
 * from the grid (or taken from the estimate) and saved on the review.
 */
export function PracticeWeek({
  assignment,
  client,
  review,
  onAmount,
  onDays,
}: {
  assignment: Assignment;
  client: Pick<Client, 'id' | 'name'>;
  review: Review;
  onAmount: (change: Pick<Review, 'amountFrom' | 'percentDone'>) => void;
  /** The grid's marks, as they change (the shared view lists the days practised). */
  onDays: (days: ReadonlyMap<string, DayMark>) => void;
}) {
  const { reviews } = useOpenVault();
  const days = useMemo(() => gridDaysOf(assignment), [assignment]);
  const [entered, setEntered] = useState<Map<string, PracticeLog> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mode = review.amountFrom ?? 'estimate';

  useEffect(() => {
    void reviews.practiceDays(assignment.id).then((found) => setEntered(found));
  }, [reviews, assignment.id]);

  const dayMarks = useMemo(
    () => new Map([...(entered ?? new Map<string, PracticeLog>())].map(([d, l]) => [d, l.done])),
    [entered],
  );
  useEffect(() => onDays(dayMarks), [dayMarks, onDays]);

  /**
   * Records days in the grid, one after another, then reads the days back and works the amount
   * out again: what is shown is always what is stored. A day refused (outside the practice's
   * dates, a value that doesn't fit) stops there, with the reason.
   */
  async function record(entries: readonly GridEntry[]) {
    setProblem(null);
    try {
      for (const entry of entries) {
        const refused = await reviews.recordDay(assignment, entry);
        if (refused) {
          setProblem(gridProblemMessages[refused]);
          break;
        }
      }
      const stored = await reviews.practiceDays(assignment.id);
      setEntered(stored);
      onAmount({
        amountFrom: 'tracker',
        percentDone: percentFromGrid(days, new Map([...stored].map(([d, l]) => [d, l.done]))),
      });
    } catch (error) {
      setProblem(describeVaultError(error));
    }
  }

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="What came back"
        value={mode}
        onChange={(value) =>
          onAmount(
            value === 'tracker'
              ? { amountFrom: 'tracker', percentDone: percentFromGrid(days, dayMarks) }
              : { amountFrom: 'estimate', percentDone: null },
          )
        }
        data={[
          { value: 'estimate', label: 'No tracker came back' },
          { value: 'tracker', label: 'A tracker came back' },
        ]}
      />
      {mode === 'estimate' ? (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="review-estimate">
            Roughly how much of the plan happened?
          </Text>
          <SegmentedControl
            aria-labelledby="review-estimate"
            value={review.percentDone === null ? '' : String(review.percentDone)}
            onChange={(value) => onAmount({ amountFrom: 'estimate', percentDone: Number(value) })}
            data={estimates}
          />
        </Stack>
      ) : (
        <>
          <ReadReturnedTracker
            assignment={assignment}
            client={client}
            reviewId={review.id}
            onConfirmed={record}
          />
          <Table
            withTableBorder
            withColumnBorders
            striped={false}
            aria-label="The week, day by day"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th>How it went</Table.Th>
                {assignment.trackerFields.map((field) => (
                  <Table.Th key={field.label}>
                    <UserText>{field.label}</UserText>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {days.map((day) => {
                const log = entered?.get(day.date);
                const dayName = format(parseISO(day.date), 'EEEE d MMMM');
                return (
                  <Table.Tr key={day.date}>
                    <Table.Td>
                      <Text size="sm">{dayName}</Text>
                      {day.times > 0 && (
                        <Text size="xs" c="dimmed">
                          Planned{day.times > 1 ? ` ${day.times} times` : ''}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <SegmentedControl
                        size="xs"
                        aria-label={`How ${dayName} went`}
                        value={log?.done ?? ''}
                        onChange={(value) =>
                          void record([
                            {
                              date: day.date,
                              mark: value === '' ? null : (value as DayMark),
                              tracker: log?.tracker ?? {},
                            },
                          ])
                        }
                        data={marks}
                      />
                    </Table.Td>
                    {assignment.trackerFields.map((field) => (
                      <Table.Td key={field.label}>
                        <ColumnInput
                          field={field}
                          label={`${field.label}, ${dayName}`}
                          value={log?.tracker[field.label]}
                          disabled={!log}
                          onChange={(value) => {
                            if (!log) return;
                            const others = Object.entries(log.tracker).filter(
                              ([label]) => label !== field.label,
                            );
                            const tracker = Object.fromEntries(
                              value === undefined ? others : [...others, [field.label, value]],
                            );
                            void record([{ date: day.date, mark: log.done, tracker }]);
                          }}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </>
      )}
      {problem && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {problem}
        </Text>
      )}
      <KeptTrackers clientId={client.id} assignmentId={assignment.id} />
      {mode === 'tracker' && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {review.percentDone === null
              ? 'Mark the days that came back; the amount done is worked out from them.'
              : `About ${review.percentDone}% of what was planned (only you see this).`}
          </Text>
        </Group>
      )}
    </Stack>
  );
}

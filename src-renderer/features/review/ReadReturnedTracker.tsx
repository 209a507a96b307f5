import { Alert, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { useState } from 'react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { notTakenMessages, type ReturnedDay } from '../../../src-shared/domain/returned-tracker';
import { type ReturnedTrackerOutcome, readReturnedTrackerFor } from '../../data/returned-tracker';
import type { GridEntry } from '../../data/reviews-repository';
import { UserText } from '../../components/UserText';
import { useOpenVault } from '../../session/VaultSessionProvider';

const markWords = { yes: 'Did it', partly: 'Some of it', no: 'Not this time' } as const;

/** One day as read from the form, in words: the mark, each value, the note. */
function dayWords(entry: ReturnedDay): string {
  const values = Object.entries(entry.tracker).map(
    ([label, value]) => `${label}: ${value === true ? 'yes' : value === false ? 'no' : value}`,
  );
  return [markWords[entry.mark], ...values, ...(entry.note ? [`“${entry.note}”`] : [])].join(' · ');
}

const dayName = (date: string) => format(parseISO(date), 'EEEE d MMMM');

/**
 * "Read a returned tracker…": opens a tracker PDF the client filled in on their phone and sent
 * back (however they share files with the clinician, outside the app), reads only its form
 * values — never its scripts, links or anything else — and shows what was read, day by day, for
 * the therapist to confirm before it goes into the grid. The file itself is not kept.
 */
export function ReadReturnedTracker({
  assignment,
  onConfirmed,
}: {
  assignment: Assignment;
  /** Puts the confirmed days into the grid. */
  onConfirmed: (entries: readonly GridEntry[]) => Promise<void>;
}) {
  const session = useOpenVault();
  const [reading, setReading] = useState(false);
  const [read, setRead] = useState<Extract<ReturnedTrackerOutcome, { ok: true }> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const open = async (file: File | null) => {
    if (!file) return;
    setReading(true);
    setProblem(null);
    setRead(null);
    try {
      const result = await readReturnedTrackerFor(session, assignment, file);
      if (result.ok) setRead(result);
      else setProblem(result.message);
    } finally {
      setReading(false);
    }
  };

  const confirm = async () => {
    if (!read) return;
    await onConfirmed(read.entries);
    setRead(null);
  };

  return (
    <Stack gap="xs">
      <Group>
        <FileButton onChange={(file) => void open(file)} accept="application/pdf,.pdf">
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="xs"
              loading={reading}
              leftSection={<IconFileImport size={14} />}
            >
              Read a returned tracker…
            </Button>
          )}
        </FileButton>
      </Group>
      {problem && (
        <Alert color="orange" variant="light" role="alert" title="This tracker couldn’t be read">
          {problem} Nothing was changed.
        </Alert>
      )}
      {read && (
        <Alert color="sage" variant="light" title="What the tracker says" role="status">
          <Stack gap="xs">
            <Text size="sm">{read.summary}</Text>
            {read.entries.length > 0 && (
              <List size="sm" spacing={2} aria-label="Days read from the tracker">
                {read.entries.map((entry) => (
                  <List.Item key={entry.date}>
                    {dayName(entry.date)}: <UserText>{dayWords(entry)}</UserText>
                  </List.Item>
                ))}
              </List>
            )}
            {read.read.notTaken.length > 0 && (
              <List size="sm" spacing={2} aria-label="Not put in the grid">
                {read.read.notTaken.map((item, index) => (
                  <List.Item key={`${item.date}-${index}`}>
                    {dayName(item.date)}
                    {item.field && (
                      <>
                        {', '}
                        <UserText>{item.field}</UserText>
                      </>
                    )}
                    {item.value && (
                      <>
                        {' '}
                        <UserText>{item.value}</UserText>
                      </>
                    )}
                    : {notTakenMessages[item.reason]}
                  </List.Item>
                ))}
              </List>
            )}
            <Group gap="xs">
              <Button size="xs" onClick={() => void confirm()} disabled={read.entries.length === 0}>
                Put these in the grid
              </Button>
              <Button size="xs" variant="subtle" color="gray" onClick={() => setRead(null)}>
                Not now
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

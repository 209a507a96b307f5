import { Alert, Button, Checkbox, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { useRef, useState } from 'react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import type { Client } from '../../../src-shared/domain/client';
import { notTakenMessages, type ReturnedDay } from '../../../src-shared/domain/returned-tracker';
import { AttachmentRejected } from '../../data/attachments-repository';
import { type ReturnedTrackerOutcome, readReturnedTrackerFor } from '../../data/returned-tracker';
import type { GridEntry } from '../../data/reviews-repository';
import { UserText } from '../../components/UserText';
import { useOneAtATime } from '../../components/useOneAtATime';
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

/** A tracker read and waiting for the therapist's confirmation, with the file it came from. */
type TrackerRead = Extract<ReturnedTrackerOutcome, { ok: true }> & { file: File };

/**
 * "Read a returned tracker…": opens a tracker PDF the client filled in on their phone and sent
 * back (however they share files with the clinician, outside the app), reads only its form
 * values — never its scripts, links or anything else — and shows what was read, day by day, for
 * the therapist to confirm before it goes into the grid. The file itself is kept only if the
 * therapist chooses to keep it with the client's records (then encrypted like any worksheet).
 */
export function ReadReturnedTracker({
  assignment,
  client,
  reviewId,
  onConfirmed,
}: {
  assignment: Assignment;
  client: Pick<Client, 'id' | 'name'>;
  /** The review the tracker is read into (a kept file remembers it). */
  reviewId: string;
  /** Puts the confirmed days into the grid. */
  onConfirmed: (entries: readonly GridEntry[]) => Promise<void>;
}) {
  const session = useOpenVault();
  const [reading, setReading] = useState(false);
  const [read, setRead] = useState<TrackerRead | null>(null);
  const [keep, setKeep] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notKept, setNotKept] = useState<string | null>(null);
  // Cleared after each choice, so choosing the same file again (after "Not now") reads it again.
  const resetChooser = useRef<() => void>(null);

  const open = async (file: File | null) => {
    if (!file) return;
    resetChooser.current?.();
    setReading(true);
    setProblem(null);
    setNotKept(null);
    setRead(null);
    setKeep(false);
    try {
      const result = await readReturnedTrackerFor(session, assignment, file);
      if (result.ok) setRead({ ...result, file });
      else setProblem(result.message);
    } finally {
      setReading(false);
    }
  };

  /** Keeps the very file that was read, encrypted, with the client's records. */
  const keepFile = async (file: File) => {
    try {
      await session.attachments.keepReturnedTracker(
        { clientId: client.id, assignmentId: assignment.id, reviewId },
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      );
    } catch (caught) {
      setNotKept(
        `The days are in the grid, but the file wasn’t kept: ${
          caught instanceof AttachmentRejected
            ? caught.message
            : 'it couldn’t be saved just now. You can read it again and keep it.'
        }`,
      );
    }
  };

  // Once per press: a double click must not put the days in twice or keep the file twice.
  const confirming = useOneAtATime(async () => {
    if (!read) return;
    await onConfirmed(read.entries);
    if (keep) await keepFile(read.file);
    setRead(null);
  });

  return (
    <Stack gap="xs">
      <Group>
        <FileButton
          resetRef={resetChooser}
          onChange={(file) => void open(file)}
          accept="application/pdf,.pdf"
        >
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
      {notKept && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {notKept}
        </Text>
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
            <Checkbox
              size="xs"
              checked={keep}
              onChange={(event) => setKeep(event.currentTarget.checked)}
              label={
                <>
                  Keep this file with <UserText>{client.name}</UserText>’s records
                </>
              }
              description="It’s stored encrypted, like your worksheets. If you leave this unticked, only the days go into the grid and the file isn’t kept."
            />
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => void confirming.run()}
                loading={confirming.busy}
                disabled={read.entries.length === 0}
              >
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

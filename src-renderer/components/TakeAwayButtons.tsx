import { Button, Group, Menu, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import {
  IconCalendarPlus,
  IconChevronDown,
  IconDeviceMobile,
  IconFileTypePdf,
  IconNote,
  IconPrinter,
  IconTable,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Assignment } from '../../src-shared/domain/assignment';
import type { HandoutNaming } from '../../src-shared/domain/preferences';
import type { ReminderImageKind } from '../../src-shared/domain/reminder-image-layout';
import {
  calendarReminderBlocked,
  checkHandout,
  exportCalendarReminder,
  exportHandout,
  exportPhoneHandout,
  exportReminderImage,
  exportTracker,
  handoutPdf,
} from '../data/take-away';
import { usePreferences } from '../session/usePreferences';
import { useOpenVault } from '../session/VaultSessionProvider';
import { printPdf } from './print-pdf';
import {
  LeftOutNote,
  PrintableCheck,
  printable,
  SaveNotice,
  useCheck,
  useSaveAction,
} from './take-away-parts';

/**
 * What the client takes away from an assignment: the handout and tracker as PDFs (plain wording
 * by default), the handout also laid out for their phone, printed at once if wanted, and a
 * calendar reminder and reminder images (discreet by default: calendars are shared and lock
 * screens seen, and they never carry a name). Each file is saved where the clinician chooses
 * and noted in the export log once saved whole.
 */
export function TakeAwayButtons({ assignment }: { assignment: Assignment }) {
  const session = useOpenVault();
  const preferences = usePreferences();
  const [discreetPrint, setDiscreetPrint] = useState(false);
  const [discreetReminders, setDiscreetReminders] = useState(true);
  const [naming, setNaming] = useState<HandoutNaming | undefined>(undefined);
  const [reminderTime, setReminderTime] = useState('');
  const { busy, notice, run, dismiss } = useSaveAction();

  const documentChoice = { discreet: discreetPrint, naming };
  const reminderChoice = { discreet: discreetReminders, reminderTime: reminderTime || null };
  const check = useCheck(
    () => checkHandout(session, assignment, documentChoice),
    [session, assignment, discreetPrint, naming],
  );
  const calendarProblem = useCheck(
    () => calendarReminderBlocked(session, assignment, reminderChoice),
    [session, assignment, reminderTime],
  );
  const needsTime = assignment.plan.time === null;
  const canPrint = printable(check) && busy === null;

  const image = (kind: ReminderImageKind) =>
    run(kind, () => exportReminderImage(session, assignment, kind, reminderChoice));

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          To take away
        </Title>
        <Text size="xs" c="dimmed">
          Each file is saved where you choose and nowhere else. Cautions and your notes are never on
          them.
        </Text>
        <PrintableCheck
          check={check}
          naming={naming ?? preferences.data.nameOnHandouts}
          onNaming={setNaming}
        />
        <GroupHeading
          title="Handout and tracker"
          discreet={discreetPrint}
          onDiscreet={setDiscreetPrint}
          switchLabel="Discreet wording on the handout and tracker"
        />
        <Group gap="xs" align="center">
          <Button
            size="xs"
            leftSection={<IconFileTypePdf size={14} />}
            loading={busy === 'handout'}
            disabled={!canPrint}
            onClick={() =>
              void run('handout', () => exportHandout(session, assignment, documentChoice))
            }
          >
            Handout PDF
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDeviceMobile size={14} />}
            loading={busy === 'phone'}
            disabled={!canPrint}
            onClick={() =>
              void run('phone', () => exportPhoneHandout(session, assignment, documentChoice))
            }
          >
            For their phone (PDF)
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconTable size={14} />}
            loading={busy === 'tracker'}
            disabled={!canPrint}
            onClick={() =>
              void run('tracker', () => exportTracker(session, assignment, documentChoice))
            }
          >
            Tracker PDF
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPrinter size={14} />}
            loading={busy === 'print'}
            disabled={!canPrint}
            onClick={() =>
              void run('print', async () => {
                const made = await handoutPdf(session, assignment, documentChoice);
                await printPdf(made.bytes, made.model.title, made.pageSize);
                return null;
              })
            }
          >
            Print handout
          </Button>
        </Group>
        {discreetPrint && <LeftOutNote check={check} />}
        <GroupHeading
          title="Reminders (never with a name)"
          discreet={discreetReminders}
          onDiscreet={setDiscreetReminders}
          switchLabel="Discreet wording on the reminders"
        />
        <Group gap="xs" align="center">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconCalendarPlus size={14} />}
            loading={busy === 'calendar'}
            disabled={busy !== null || calendarProblem !== null}
            title={calendarProblem ?? undefined}
            onClick={() =>
              void run('calendar', () =>
                exportCalendarReminder(session, assignment, reminderChoice),
              )
            }
          >
            Calendar reminder
          </Button>
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconDeviceMobile size={14} />}
                rightSection={<IconChevronDown size={14} />}
                loading={busy === 'lock-screen-1170' || busy === 'lock-screen-1080'}
                disabled={busy !== null}
              >
                Lock-screen image
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void image('lock-screen-1170')}>
                iPhone (1170 × 2532)
              </Menu.Item>
              <Menu.Item onClick={() => void image('lock-screen-1080')}>
                Android (1080 × 2400)
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconNote size={14} />}
            loading={busy === 'sticky-note'}
            disabled={busy !== null}
            onClick={() => void image('sticky-note')}
          >
            Sticky note
          </Button>
        </Group>
        {needsTime && (
          <TextInput
            type="time"
            size="xs"
            w={180}
            label="Remind at"
            description="The plan says when, not at what time."
            value={reminderTime}
            onChange={(event) => setReminderTime(event.currentTarget.value)}
          />
        )}
        {calendarProblem && (!needsTime || reminderTime !== '') && (
          <Text size="xs" c="dimmed">
            {calendarProblem}
          </Text>
        )}
        <SaveNotice notice={notice} onDismiss={dismiss} />
      </Stack>
    </Paper>
  );
}

/** A group's name, with its own discreet-wording switch beside it. */
function GroupHeading({
  title,
  discreet,
  onDiscreet,
  switchLabel,
}: {
  title: string;
  discreet: boolean;
  onDiscreet: (discreet: boolean) => void;
  switchLabel: string;
}) {
  return (
    <Group justify="space-between" gap="xs" mt={4}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <Switch
        size="xs"
        label="Discreet wording"
        aria-label={switchLabel}
        checked={discreet}
        onChange={(event) => onDiscreet(event.currentTarget.checked)}
      />
    </Group>
  );
}

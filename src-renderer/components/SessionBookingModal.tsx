import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Radio,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { initialsOf } from '../../src-shared/domain/client';
import {
  type Session,
  type SessionStatus,
  sessionStatuses,
  sessionStatusLabels,
} from '../../src-shared/domain/session';
import type { SessionBooking } from '../data/sessions-repository';
import { describeVaultError } from '../formatting/describe-error';
import { localDate } from '../formatting/local-date';
import { usePreferences } from '../session/usePreferences';
import { useVaultQuery } from '../session/useVaultQuery';
import { useOpenVault } from '../session/VaultSessionProvider';

/** A new session is this long unless the clinician says otherwise. */
export const DEFAULT_SESSION_MINUTES = 50;

const pad = (n: number) => String(n).padStart(2, '0');

/** The local time of day of an instant, as a time input holds it ("HH:MM"). */
export function localTimeOf(at: Date): string {
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The instant a local date ("YYYY-MM-DD") and time ("HH:MM") name, or null when either is incomplete. */
export function instantOf(date: string, time: string): Date | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !clock) return null;
  const at = new Date(
    Number(day[1]),
    Number(day[2]) - 1,
    Number(day[3]),
    Number(clock[1]),
    Number(clock[2]),
  );
  return Number.isNaN(at.getTime()) ? null : at;
}

type Fields = {
  clientId: string | null;
  date: string;
  time: string;
  minutes: number | string;
  status: SessionStatus;
};

type Problems = Partial<Record<'clientId' | 'date' | 'time' | 'minutes', string>>;

/** What stops the form from being saved, field by field, in words a colleague would use. */
export function bookingProblems(fields: Fields, now: Date): Problems {
  const problems: Problems = {};
  if (!fields.clientId) problems.clientId = 'Please choose who the session is with.';
  if (!fields.date) problems.date = 'Please pick the day of the session.';
  if (!fields.time) problems.time = 'Please pick a start time.';
  const minutes = typeof fields.minutes === 'number' ? fields.minutes : Number.NaN;
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480)
    problems.minutes = 'A session can be from 5 to 480 minutes long.';
  const at = instantOf(fields.date, fields.time);
  if (fields.date && fields.time && !at) problems.date = 'This date doesn’t look complete.';
  if (at && fields.status === 'planned' && at < now)
    problems.date =
      localDate(at) === localDate(now)
        ? 'This time has passed — mark it as held, or pick a later time.'
        : 'This date has passed — mark it as held, or pick a later date.';
  if (at && fields.status === 'held' && at > now)
    problems.date = 'This session hasn’t happened yet — keep it planned, or pick an earlier date.';
  return problems;
}

type Props = {
  onClose: () => void;
} & (
  | {
      /** Booking a new session; the client is preselected when opened from their page. */
      session?: undefined;
      clientId?: string | null;
      onBooked?: (session: Session) => void;
    }
  | {
      /** Editing a session's booking: the session plan saves the change in its own order. */
      session: Session;
      onSave: (booking: SessionBooking) => Promise<void>;
    }
);

/**
 * Books a session or changes its booking: who with, the day and time, how long, and whether it
 * is planned, held or cancelled. Problems show beside their field, in plain words; nothing is
 * saved until the form reads right.
 */
export function SessionBookingModal(props: Props) {
  const { clients, sessions } = useOpenVault();
  const prefs = usePreferences();
  const everyone = useVaultQuery(() => clients.all(), [clients]);
  const editing = props.session;
  const startsAt = editing ? new Date(editing.startsAt) : null;
  const [fields, setFields] = useState<Fields>({
    clientId: editing?.clientId ?? (props.session === undefined ? (props.clientId ?? null) : null),
    date: startsAt ? localDate(startsAt) : '',
    time: startsAt ? localTimeOf(startsAt) : '',
    minutes: editing?.durationMinutes ?? DEFAULT_SESSION_MINUTES,
    status: editing?.status ?? 'planned',
  });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const problems = tried ? bookingProblems(fields, new Date()) : {};
  const set = (changes: Partial<Fields>) => setFields((now) => ({ ...now, ...changes }));

  const clientOptions = useMemo(() => {
    const records = everyone?.records ?? [];
    return records
      .filter((client) => client.status !== 'discharged' || client.id === fields.clientId)
      .map((client) => ({
        value: client.id,
        label: prefs.data.initialsOnlyInLists ? initialsOf(client.name) : client.name,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [everyone, prefs.data.initialsOnlyInLists, fields.clientId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    const at = instantOf(fields.date, fields.time);
    if (Object.keys(bookingProblems(fields, new Date())).length > 0 || !at || !fields.clientId)
      return;
    const booking: SessionBooking = {
      clientId: fields.clientId,
      startsAt: at.toISOString(),
      durationMinutes: Number(fields.minutes),
      status: fields.status,
    };
    setBusy(true);
    setFailure(null);
    try {
      if (props.session) await props.onSave(booking);
      else {
        const booked = await sessions.book(booking);
        props.onBooked?.(booked);
      }
      props.onClose();
    } catch (error) {
      setFailure(describeVaultError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={editing ? 'Change this session' : 'Plan a session'}
      centered
    >
      <form onSubmit={(event) => void submit(event)} autoComplete="off" noValidate>
        <Stack gap="md">
          <Select
            label="Client"
            placeholder="Choose a client"
            data={clientOptions}
            value={fields.clientId}
            onChange={(clientId) => set({ clientId })}
            error={problems.clientId}
            disabled={Boolean(editing)}
            searchable
            nothingFoundMessage="No client by that name"
            allowDeselect={false}
            data-autofocus={editing ? undefined : true}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label="Date"
              value={fields.date}
              onChange={(event) => set({ date: event.currentTarget.value })}
              error={problems.date}
            />
            <TextInput
              type="time"
              label="Starts at"
              value={fields.time}
              onChange={(event) => set({ time: event.currentTarget.value })}
              error={problems.time}
            />
          </Group>
          <NumberInput
            label="Length in minutes"
            value={fields.minutes}
            onChange={(minutes) => set({ minutes })}
            error={problems.minutes}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            min={5}
            max={480}
            step={5}
            w={180}
          />
          <Radio.Group
            label="Status"
            value={fields.status}
            onChange={(status) => set({ status: status as SessionStatus })}
          >
            <Group gap="lg" mt={6}>
              {sessionStatuses.map((status) => (
                <Radio key={status} value={status} label={sessionStatusLabels[status]} />
              ))}
            </Group>
          </Radio.Group>
          {failure && (
            <Alert color="orange" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {editing ? 'Save changes' : 'Plan session'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import 'fake-indexeddb/auto';
// Live reads (useVaultQuery) run through Dexie's liveQuery, which needs an IndexedDB to exist.
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultVaultPreferences } from '../../src-shared/domain/preferences';
import type { Client } from '../../src-shared/domain/client';
import type { Session } from '../../src-shared/domain/session';
import type { SessionBooking } from '../data/sessions-repository';
import { renderInOpenVault, settle } from '../../tests/support/open-vault';
import { bookingProblems, SessionBookingModal } from './SessionBookingModal';

/** Monday 2 March 2026, 09:00 on the test machine's clock. */
const now = new Date(2026, 2, 2, 9, 0);

const maya: Client = {
  id: 'MMMMMMMMMMMMMMMMMMMMMM',
  name: 'Maya Lindqvist',
  status: 'active',
  privateNotes: '',
  createdAt: '2026-01-05T09:00:00.000Z',
  statusChangedAt: '2026-01-05T09:00:00.000Z',
};

async function renderBooking() {
  const book = vi.fn(async (booking: SessionBooking) => ({ id: 'new', ...booking }) as Session);
  const onClose = vi.fn();
  const rendered = await renderInOpenVault(
    <SessionBookingModal clientId={maya.id} onClose={onClose} />,
    {
      repositories: {
        clients: { all: () => Promise.resolve({ records: [maya], damagedIds: [] }) },
        sessions: { book },
        preferences: {
          get: () => Promise.resolve(defaultVaultPreferences),
        },
      },
    },
  );
  const dialog = screen.getByRole('dialog', { name: 'Plan a session' });
  const field = (label: string) => within(dialog).getByLabelText(label) as HTMLInputElement;
  const set = (label: string, value: string) =>
    fireEvent.change(field(label), { target: { value } });
  const submit = () =>
    rendered.user.click(within(dialog).getByRole('button', { name: 'Plan session' }));
  return { ...rendered, dialog, field, set, submit, book, onClose };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
});
afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

describe('SessionBookingModal', () => {
  it('books a planned session with the client preselected and 50 minutes unless changed', async () => {
    const { set, submit, book, onClose, field } = await renderBooking();
    await settle();
    expect(field('Length in minutes').value).toBe('50');
    set('Date', '2026-03-03');
    set('Starts at', '10:30');
    await submit();
    await settle();
    expect(book).toHaveBeenCalledWith({
      clientId: maya.id,
      startsAt: new Date(2026, 2, 3, 10, 30).toISOString(),
      durationMinutes: 50,
      status: 'planned',
    });
    expect(onClose).toHaveBeenCalled();
  });

  it('refuses a planned session in the past beside the date, and books nothing', async () => {
    const { dialog, set, submit, book } = await renderBooking();
    set('Date', '2026-02-23');
    set('Starts at', '10:30');
    await submit();
    expect(
      within(dialog).getByText('This date has passed — mark it as held, or pick a later date.'),
    ).toBeTruthy();
    expect(book).not.toHaveBeenCalled();
  });

  it('asks for a date, and a length from 5 to 480 minutes', async () => {
    const { dialog, set, submit, book } = await renderBooking();
    set('Length in minutes', '600');
    await submit();
    expect(within(dialog).getByText('Please pick the day of the session.')).toBeTruthy();
    expect(within(dialog).getByText('A session can be from 5 to 480 minutes long.')).toBeTruthy();
    expect(book).not.toHaveBeenCalled();
  });
});

describe('bookingProblems', () => {
  const fields = {
    clientId: maya.id,
    date: '2026-02-23',
    time: '10:30',
    minutes: 50,
    status: 'held' as const,
  };
  it('lets a session in the past be recorded as held', () => {
    expect(bookingProblems(fields, now)).toEqual({});
  });
  it('keeps a session that hasn’t happened yet from being marked held', () => {
    expect(bookingProblems({ ...fields, date: '2026-03-04' }, now).date).toMatch(
      /hasn’t happened yet/,
    );
  });
  it('names a time already passed today as a time, not a date', () => {
    expect(
      bookingProblems({ ...fields, date: '2026-03-02', time: '08:00', status: 'planned' }, now)
        .date,
    ).toBe('This time has passed — mark it as held, or pick a later time.');
  });
});

import 'fake-indexeddb/auto';
// Live reads (useVaultQuery) run through Dexie's liveQuery, which needs an IndexedDB to exist.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Assignment } from '../../src-shared/domain/assignment';
import { draftFromScratch } from '../../src-shared/domain/assignment-draft';
import { defaultVaultPreferences } from '../../src-shared/domain/preferences';
import {
  calendarReminderBlocked,
  checkHandout,
  type DocumentCheck,
  exportCalendarReminder,
  exportHandout,
  exportPhoneHandout,
} from '../data/take-away';
import { renderInOpenVault } from '../../tests/support/open-vault';
import { TakeAwayButtons } from './TakeAwayButtons';

vi.mock('../data/take-away', () => ({
  checkHandout: vi.fn(),
  calendarReminderBlocked: vi.fn(),
  exportHandout: vi.fn(),
  exportPhoneHandout: vi.fn(),
  exportTracker: vi.fn(),
  exportCalendarReminder: vi.fn(),
  exportReminderImage: vi.fn(),
  handoutPdf: vi.fn(),
}));

const walk: Assignment = {
  ...draftFromScratch(
    {
      id: 'WWWWWWWWWWWWWWWWWWWWWW',
      clientId: 'MMMMMMMMMMMMMMMMMMMMMM',
      sessionId: null,
      startsOn: '2026-12-01',
      reviewBy: '2026-12-08',
      at: '2026-12-01T09:00:00.000Z',
    },
    'Evening walks',
  ),
  plan: { what: 'walk round the block', time: '19:30', cue: '', where: '' },
};

const printable: DocumentCheck = {
  printedName: 'Z. Ø.',
  nameCharacters: [],
  textCharacters: [],
  leftOut: [],
};

async function renderButtons() {
  return renderInOpenVault(<TakeAwayButtons assignment={walk} />, {
    repositories: {
      preferences: {
        get: () => Promise.resolve({ ...defaultVaultPreferences, nameOnHandouts: 'first-name' }),
      },
    },
  });
}

afterEach(() => vi.clearAllMocks());

describe('the take-away buttons', () => {
  it('stop a PDF whose name the fonts can’t draw until initials are chosen', async () => {
    vi.mocked(calendarReminderBlocked).mockResolvedValue(null);
    vi.mocked(checkHandout).mockImplementation(async (_session, _assignment, choice) =>
      choice.naming === 'initials'
        ? { ...printable, printedName: 'ส.' }
        : { ...printable, printedName: 'สมชาย', nameCharacters: ['ส', 'ม'] },
    );
    const { user } = await renderButtons();
    expect(await screen.findByText('The name can’t be printed as it is')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Handout PDF' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Use initials' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Handout PDF' })).toHaveProperty('disabled', false),
    );
    expect(screen.queryByText('The name can’t be printed as it is')).toBeNull();
    vi.mocked(exportHandout).mockResolvedValue({ saved: true, fileName: 'walk.pdf' });
    await user.click(screen.getByRole('button', { name: 'Handout PDF' }));
    expect(vi.mocked(exportHandout).mock.calls[0]?.[2]).toEqual({
      discreet: false,
      naming: 'initials',
    });
    expect(await screen.findByText(/Saved .*walk\.pdf/)).toBeTruthy();
  });

  it('save the handout for their phone with the same choices as the printed one', async () => {
    vi.mocked(calendarReminderBlocked).mockResolvedValue(null);
    vi.mocked(checkHandout).mockResolvedValue(printable);
    vi.mocked(exportPhoneHandout).mockResolvedValue({ saved: true, fileName: 'walk (phone).pdf' });
    const { user } = await renderButtons();
    const phone = screen.getByRole('button', { name: 'For their phone (PDF)' });
    await waitFor(() => expect(phone).toHaveProperty('disabled', false));
    await user.click(
      screen.getByRole('switch', { name: 'Discreet wording on the handout and tracker' }),
    );
    await waitFor(() => expect(vi.mocked(checkHandout).mock.calls.at(-1)?.[2].discreet).toBe(true));
    await waitFor(() => expect(phone).toHaveProperty('disabled', false));
    await user.click(phone);
    expect(vi.mocked(exportPhoneHandout).mock.calls[0]?.[2]).toEqual({
      discreet: true,
      naming: undefined,
    });
    expect(await screen.findByText(/Saved .*walk \(phone\)\.pdf/)).toBeTruthy();
  });

  it('stop the phone handout too while the name can’t be printed', async () => {
    vi.mocked(calendarReminderBlocked).mockResolvedValue(null);
    vi.mocked(checkHandout).mockResolvedValue({
      ...printable,
      printedName: 'สมชาย',
      nameCharacters: ['ส', 'ม'],
    });
    await renderButtons();
    expect(await screen.findByText('The name can’t be printed as it is')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'For their phone (PDF)' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('make reminders in discreet words by default, and say plainly when a save fails', async () => {
    vi.mocked(calendarReminderBlocked).mockResolvedValue(null);
    vi.mocked(checkHandout).mockResolvedValue(printable);
    // As main's STORAGE_FAILED reaches the screen: an error whose message is safe to show.
    vi.mocked(exportCalendarReminder).mockRejectedValue(
      new Error('The disk is full. Nothing was saved.'),
    );
    const { user } = await renderButtons();
    const calendar = screen.getByRole('button', { name: 'Calendar reminder' });
    await waitFor(() => expect(calendar).toHaveProperty('disabled', false));
    await user.click(calendar);
    expect(vi.mocked(exportCalendarReminder).mock.calls[0]?.[2]).toMatchObject({ discreet: true });
    expect(await screen.findByText('The disk is full. Nothing was saved.')).toBeTruthy();
    expect(screen.queryByText(/^Saved/)).toBeNull();
  });

  it('say nothing when the save dialog is cancelled', async () => {
    vi.mocked(calendarReminderBlocked).mockResolvedValue(null);
    vi.mocked(checkHandout).mockResolvedValue(printable);
    vi.mocked(exportHandout).mockResolvedValue({ saved: false, fileName: null });
    const { user } = await renderButtons();
    const handout = screen.getByRole('button', { name: 'Handout PDF' });
    await waitFor(() => expect(handout).toHaveProperty('disabled', false));
    await user.click(handout);
    await waitFor(() => expect(exportHandout).toHaveBeenCalled());
    expect(screen.queryByText(/^Saved/)).toBeNull();
    expect(screen.queryByText('Nothing was saved')).toBeNull();
  });
});

import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Client } from '../../../src-shared/domain/client';
import { renderInOpenVault } from '../../../tests/support/open-vault';
import { AUTOSAVE_DELAY_MS } from '../../session/useAutosave';
import { PrivateNotesSection } from './PrivateNotesSection';

const { lockVault } = await import('../../data/vault-lifecycle');

const client: Client = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  name: 'Maya Lindqvist',
  status: 'active',
  privateNotes: 'Prefers early appointments.',
  createdAt: '2026-01-05T09:00:00.000Z',
  statusChangedAt: '2026-01-05T09:00:00.000Z',
};

async function renderNotes(
  setPrivateNotes = vi.fn((_id: string, _text: string) => Promise.resolve()),
) {
  const rendered = await renderInOpenVault(<PrivateNotesSection client={client} />, {
    repositories: { clients: { setPrivateNotes } },
    fakeTimers: vi.isFakeTimers(),
  });
  const notes = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Private notes' });
  return { ...rendered, notes, setPrivateNotes };
}

afterEach(() => {
  vi.clearAllMocks();
  vi.useRealTimers();
});

describe('PrivateNotesSection', () => {
  it('saves the notes once, a moment after the clinician stops typing, and says so quietly', async () => {
    vi.useFakeTimers();
    const { user, notes, setPrivateNotes } = await renderNotes();
    await user.type(notes, ' Finds Mondays hard.');
    expect(screen.getByRole('status').textContent).toBe('');
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(setPrivateNotes).toHaveBeenCalledOnce();
    expect(setPrivateNotes).toHaveBeenCalledWith(
      client.id,
      'Prefers early appointments. Finds Mondays hard.',
    );
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });

  it('saves what was typed before the vault locks, however recently', async () => {
    const order: string[] = [];
    const { user, notes, lock } = await renderNotes(
      vi.fn(async (_id: string, text: string) => {
        order.push(`saved “${text}”`);
      }),
    );
    vi.mocked(lockVault).mockImplementation(async () => {
      order.push('session closed');
      return null;
    });
    await user.type(notes, ' Ask about sleep.');
    await lock();
    expect(order).toEqual([
      'saved “Prefers early appointments. Ask about sleep.”',
      'session closed',
    ]);
    expect(screen.queryByRole('textbox', { name: 'Private notes' })).toBeNull();
  });

  it('shows why text is refused, keeps it in the box and saves nothing', async () => {
    const { user, notes, setPrivateNotes } = await renderNotes();
    await user.click(notes);
    // A right-to-left override pasted in from elsewhere: hidden, and refused by the schema.
    await user.paste(' Dose \u202E2 tablets');
    await user.tab();
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(notes.value).toBe('Prefers early appointments. Dose \u202E2 tablets');
    expect(notes.getAttribute('aria-invalid')).toBe('true');
    const describedBy = notes.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy.split(' ').at(-1) ?? '')?.textContent).toMatch(
      /right-to-left override/,
    );
    expect(screen.getByRole('status').textContent).toBe('Not saved');
    expect(setPrivateNotes).not.toHaveBeenCalled();
  });
});

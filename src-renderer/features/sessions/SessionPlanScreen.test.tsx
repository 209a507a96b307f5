import 'fake-indexeddb/auto';
// Live reads (useVaultQuery) run through Dexie's liveQuery, which needs an IndexedDB to exist.
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultVaultPreferences } from '../../../src-shared/domain/preferences';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { draftFromScratch } from '../../../src-shared/domain/assignment-draft';
import type { Client } from '../../../src-shared/domain/client';
import type { Session } from '../../../src-shared/domain/session';
import { renderInOpenVault, settle } from '../../../tests/support/open-vault';
import { NavigationProvider } from '../../session/navigation';
import { AUTOSAVE_DELAY_MS } from '../../session/useAutosave';
import { SessionPlanScreen } from './SessionPlanScreen';

// The session summary's PDF button reads the vault's preferences; it has its own tests.
vi.mock('../../components/SessionSummaryButton', () => ({ SessionSummaryButton: () => null }));

const maya: Client = {
  id: 'MMMMMMMMMMMMMMMMMMMMMM',
  name: 'Maya Lindqvist',
  status: 'active',
  privateNotes: '',
  createdAt: '2026-01-05T09:00:00.000Z',
  statusChangedAt: '2026-01-05T09:00:00.000Z',
};

const walk: Assignment = {
  ...draftFromScratch(
    {
      id: 'WWWWWWWWWWWWWWWWWWWWWW',
      clientId: maya.id,
      sessionId: null,
      startsOn: '2026-02-23',
      reviewBy: '2026-03-02',
      at: '2026-02-23T10:00:00.000Z',
    },
    'A short walk after lunch',
  ),
  status: 'active',
};

const planned: Session = {
  id: 'SSSSSSSSSSSSSSSSSSSSSS',
  clientId: maya.id,
  startsAt: '2026-03-02T14:00:00.000Z',
  durationMinutes: 50,
  status: 'planned',
  reviewItems: [],
  topics: ['Sleep'],
  assignmentIds: [],
  summaryForClient: '',
  privateNotes: '',
  reviewedFirst: null,
  revision: 3,
  createdAt: '2026-02-23T10:00:00.000Z',
  updatedAt: '2026-02-23T10:00:00.000Z',
};

async function renderPlan(
  save = vi.fn(async (session: Session) => ({ ...session, revision: session.revision + 1 })),
) {
  const read = <T,>(records: T[]) => Promise.resolve({ records, damagedIds: [] });
  const rendered = await renderInOpenVault(
    <NavigationProvider>
      <SessionPlanScreen sessionId={planned.id} />
    </NavigationProvider>,
    {
      repositories: {
        sessions: { get: () => Promise.resolve(planned), save },
        clients: { all: () => read([maya]) },
        assignments: { forClient: () => read([walk]) },
        preferences: { get: () => Promise.resolve(defaultVaultPreferences) },
      },
    },
  );
  await screen.findByRole('heading', { name: 'Maya Lindqvist', level: 1 });
  return { ...rendered, save };
}

afterEach(() => vi.clearAllMocks());

describe('SessionPlanScreen', () => {
  it('opens with last week’s practice to review, before the topics', async () => {
    await renderPlan();
    const sections = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(sections).toEqual([
      'Review last week’s practice',
      'Topics',
      'This week’s new practice',
      'Summary for the client',
      'Private notes',
    ]);
    const review = screen.getByRole('region', { name: 'Review last week’s practice' });
    expect(within(review).getByText('A short walk after lunch')).toBeTruthy();
    expect(within(review).getByText('To review')).toBeTruthy();
  });

  it('marks the private notes as the clinician’s only, and saves them apart from the summary', async () => {
    const { user, save } = await renderPlan();
    const notes = screen.getByRole('region', { name: 'Private notes' });
    expect(notes.textContent).toContain(
      'Only you see these. Never shown on the shared screen or on handouts.',
    );
    const box = within(notes).getByRole('textbox', { name: 'Private notes' });
    const summary = screen.getByRole('region', { name: 'Summary for the client' });
    expect(summary.textContent).not.toContain('Only you see these');
    await user.type(box, 'Seemed tired.');
    await act(() => new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 50)));
    expect(save).toHaveBeenLastCalledWith(
      expect.objectContaining({ privateNotes: 'Seemed tired.', summaryForClient: '' }),
    );
  });

  it('sets a review aside only with a reason, shows it, and can take it back', async () => {
    const { user, save } = await renderPlan();
    const review = screen.getByRole('region', { name: 'Review last week’s practice' });
    await user.click(within(review).getByRole('button', { name: 'Set aside for today…' }));
    const dialog = screen.getByRole('dialog', { name: 'Set this review aside for today' });
    await user.click(within(dialog).getByRole('button', { name: 'Set aside' }));
    expect(within(dialog).getByText(/Please say why, in a few words/)).toBeTruthy();
    expect(save).not.toHaveBeenCalled();

    await user.type(
      within(dialog).getByRole('textbox', { name: 'Reason' }),
      'Risk check took the time',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Set aside' }));
    await settle();
    expect(save).toHaveBeenLastCalledWith(
      expect.objectContaining({
        reviewItems: [
          {
            assignmentId: walk.id,
            state: 'deferred',
            deferredBecause: 'Risk check took the time',
            reviewId: null,
          },
        ],
      }),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(review.textContent).toContain('Set aside');
    expect(review.textContent).toContain('Risk check took the time');

    await user.click(within(review).getByRole('button', { name: 'Undo' }));
    await settle();
    expect(save).toHaveBeenLastCalledWith(
      expect.objectContaining({
        reviewItems: [expect.objectContaining({ state: 'to-review', deferredBecause: '' })],
      }),
    );
    expect(within(review).getByText('To review')).toBeTruthy();
  });

  it('says so when a change can’t be saved, and offers to reload rather than overwrite', async () => {
    const { user } = await renderPlan(vi.fn(() => Promise.reject(new Error('refused'))));
    await user.type(screen.getByRole('textbox', { name: 'New topic' }), 'Work{Enter}');
    await settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Your latest changes aren’t saved');
    expect(within(alert).getByRole('button', { name: 'Reload the session' })).toBeTruthy();
  });
});

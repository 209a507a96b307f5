import 'fake-indexeddb/auto';
// Live reads (useVaultQuery) run through Dexie's liveQuery, which needs an IndexedDB to exist.
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultVaultPreferences } from '../../../src-shared/domain/preferences';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { draftFromScratch } from '../../../src-shared/domain/assignment-draft';
import type { Client } from '../../../src-shared/domain/client';
import type { Session } from '../../../src-shared/domain/session';
import { renderInOpenVault } from '../../../tests/support/open-vault';
import { NavigationProvider } from '../../session/navigation';
import { TodayScreen } from './TodayScreen';

/** Work Today leaves for an idle moment, run when a test says the page is idle. */
const idleTasks = vi.hoisted(() => [] as (() => void)[]);
vi.mock('../../when-idle', () => ({
  whenIdle: (task: () => void) => {
    idleTasks.push(task);
    return () => undefined;
  },
}));
/**
 * The page goes idle: the work left for it runs. Waits for Today to have left some first, since
 * its first day can be in the DOM a moment before the effect that leaves the rest has run.
 */
async function pageGoesIdle(): Promise<void> {
  await vi.waitFor(() => expect(idleTasks.length).toBeGreaterThan(0));
  act(() => idleTasks.splice(0).forEach((task) => task()));
}

/** Monday 2 March 2026, 09:00 on the test machine's clock. */
const now = new Date(2026, 2, 2, 9, 0);
const at = (day: number, hour: number) => new Date(2026, 2, day, hour, 0).toISOString();

const client = (id: string, name: string): Client => ({
  id,
  name,
  status: 'active',
  privateNotes: '',
  createdAt: '2026-01-05T09:00:00.000Z',
  statusChangedAt: '2026-01-05T09:00:00.000Z',
});
const maya = client('MMMMMMMMMMMMMMMMMMMMMM', 'Maya Lindqvist');
const jonas = client('JJJJJJJJJJJJJJJJJJJJJJ', 'Jonas Ødegård');

let sessionCount = 0;
function session(clientId: string, startsAt: string, changes: Partial<Session> = {}): Session {
  sessionCount += 1;
  return {
    id: `S${String(sessionCount).padStart(21, '0')}`,
    clientId,
    startsAt,
    durationMinutes: 50,
    status: 'planned',
    reviewItems: [],
    topics: [],
    assignmentIds: [],
    summaryForClient: '',
    privateNotes: '',
    reviewedFirst: null,
    revision: 0,
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
    ...changes,
  };
}

function activePractice(
  id: string,
  clientId: string,
  sessionId: string,
  title: string,
): Assignment {
  const draft = draftFromScratch(
    {
      id,
      clientId,
      sessionId,
      startsOn: '2026-02-23',
      reviewBy: '2026-03-02',
      at: now.toISOString(),
    },
    title,
  );
  return { ...draft, status: 'active' };
}

async function renderToday(data: {
  clients: Client[];
  sessions: Session[];
  assignments?: Assignment[];
  initialsOnly?: boolean;
}) {
  const read = <T,>(records: T[]) => Promise.resolve({ records, damagedIds: [] });
  return renderInOpenVault(
    <NavigationProvider>
      <TodayScreen />
    </NavigationProvider>,
    {
      repositories: {
        clients: {
          many: (ids: readonly string[]) =>
            read(data.clients.filter((client) => ids.includes(client.id))),
          count: () => Promise.resolve(data.clients.length),
        },
        sessions: {
          startingBetween: (from: string, to: string) => {
            const inWindow = data.sessions.filter((s) => s.startsAt >= from && s.startsAt < to);
            const before = (session: Session) =>
              data.sessions
                .filter(
                  (other) =>
                    other.clientId === session.clientId &&
                    other.status !== 'cancelled' &&
                    other.startsAt < session.startsAt,
                )
                .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
                .at(-1) ?? null;
            return Promise.resolve({
              records: inWindow,
              damagedIds: [],
              previous: new Map(inWindow.map((session) => [session.id, before(session)])),
            });
          },
        },
        assignments: {
          inPlayFor: (clientIds: readonly string[]) =>
            read((data.assignments ?? []).filter((a) => clientIds.includes(a.clientId))),
        },
        preferences: {
          get: () =>
            Promise.resolve({
              ...defaultVaultPreferences,
              initialsOnlyInLists: data.initialsOnly ?? false,
            }),
        },
      },
    },
  );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
});
afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
  idleTasks.length = 0;
});

describe('TodayScreen', () => {
  it('groups the week’s sessions by day, earliest first, and leaves out what is outside it', async () => {
    const walkId = 'AAAAAAAAAAAAAAAAAAAAAA';
    // Last week (23 February): the walk was agreed, and reviewing older practice was set aside.
    const lastWeek = session(maya.id, at(23 - 28, 14), {
      status: 'held',
      assignmentIds: [walkId],
      reviewItems: [
        {
          assignmentId: 'BBBBBBBBBBBBBBBBBBBBBB',
          state: 'deferred',
          deferredBecause: 'A risk check took the time',
          reviewId: null,
        },
      ],
    });
    const walk = activePractice(walkId, maya.id, lastWeek.id, 'A short walk after lunch');
    await renderToday({
      clients: [maya, jonas],
      assignments: [walk],
      sessions: [
        lastWeek,
        session(jonas.id, at(5, 16)),
        session(maya.id, at(2, 14)),
        session(jonas.id, at(3, 10), { status: 'cancelled' }),
        session(maya.id, at(12, 9)),
      ],
    });
    await screen.findByRole('heading', { name: 'Today', level: 2 });
    // The first day is drawn at once, the rest of the week once the page is idle.
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(1);
    await pageGoesIdle();
    await screen.findByRole('heading', { name: /Thursday/, level: 2 });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toHaveLength(3);
    expect(headings[0]).toBe('Today');
    expect(headings[1]).toBe('Tomorrow');
    expect(headings[2]).toMatch(/Thursday/);

    const today = screen.getByRole('region', { name: 'Today' });
    const mayaRow = within(today).getByRole('button', { name: /Maya Lindqvist/ });
    expect(mayaRow.textContent).toContain('To review: A short walk after lunch');
    expect(mayaRow.textContent).toContain(
      'Review was set aside last time: A risk check took the time',
    );
    expect(mayaRow.textContent).toContain('50 min');

    const tomorrow = screen.getByRole('region', { name: 'Tomorrow' });
    expect(
      within(tomorrow).getByRole('button', { name: /Jonas Ødegård\s*Cancelled/ }),
    ).toBeTruthy();
    expect(screen.queryByText(/12 March|March 12/)).toBeNull();
  });

  it('names the practice on each review button when more than one is due, and not when one is', async () => {
    const planned = session(maya.id, at(16 - 28, 14), { status: 'held' });
    const single = session(jonas.id, at(16 - 28, 15), { status: 'held' });
    await renderToday({
      clients: [maya, jonas],
      assignments: [
        activePractice('AAAAAAAAAAAAAAAAAAAAAA', maya.id, planned.id, 'A short walk after lunch'),
        activePractice('BBBBBBBBBBBBBBBBBBBBBB', maya.id, planned.id, 'Worry time at six'),
        activePractice('CCCCCCCCCCCCCCCCCCCCCC', jonas.id, single.id, 'Phone one friend'),
      ],
      sessions: [planned, single, session(maya.id, at(2, 14)), session(jonas.id, at(2, 15))],
    });
    const walk = await screen.findByRole('button', { name: 'Review A short walk after lunch' });
    expect(walk.textContent).toBe('Review A short walk after lunch');
    expect(screen.getByRole('button', { name: 'Review Worry time at six' }).textContent).toBe(
      'Review Worry time at six',
    );
    expect(screen.getByRole('button', { name: 'Review Phone one friend' }).textContent).toBe(
      'Review',
    );
  });

  it('shows initials only when the privacy setting asks', async () => {
    await renderToday({
      clients: [jonas],
      sessions: [session(jonas.id, at(2, 15))],
      initialsOnly: true,
    });
    const row = await screen.findByRole('button', { name: /J\. Ø\./ });
    expect(row.textContent).not.toContain('Jonas');
  });

  it('says plainly how to start when there are no clients yet', async () => {
    await renderToday({ clients: [], sessions: [] });
    expect(await screen.findByRole('heading', { name: 'Nothing planned yet' })).toBeTruthy();
    expect(screen.getByText(/add a client on the Clients page\. Then plan a session/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add a client' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Plan a session' })).toBeTruthy();
  });

  it('with clients but nothing this week, offers to plan a session', async () => {
    await renderToday({ clients: [maya], sessions: [session(maya.id, at(20, 9))] });
    expect(
      await screen.findByRole('heading', { name: 'Nothing planned for the next seven days' }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a client' })).toBeNull();
  });
});

import 'fake-indexeddb/auto';
// Live reads (useVaultQuery) run through Dexie's liveQuery, which needs an IndexedDB to exist.
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { draftFromScratch } from '../../../src-shared/domain/assignment-draft';
import type { Client } from '../../../src-shared/domain/client';
import { defaultVaultPreferences } from '../../../src-shared/domain/preferences';
import { renderInOpenVault, settle } from '../../../tests/support/open-vault';
import { NavigationProvider, useNavigation } from '../../session/navigation';
import { CommandPalette, PALETTE_NAME } from './CommandPalette';

const client = (id: string, name: string): Client => ({
  id,
  name,
  status: 'active',
  privateNotes: '',
  createdAt: '2026-01-05T09:00:00.000Z',
  statusChangedAt: '2026-01-05T09:00:00.000Z',
});
const maya = client('M'.repeat(22), 'Maya Lindqvist');
const marked = client('B'.repeat(22), '<b>Bea</b> Marsh');

function agreed(id: string, clientId: string, title: string): Assignment {
  const draft = draftFromScratch(
    {
      id,
      clientId,
      sessionId: null,
      startsOn: '2026-02-23',
      reviewBy: '2026-03-02',
      at: '2026-02-23T09:00:00.000Z',
    },
    title,
  );
  return { ...draft, status: 'active' };
}

/** Where the app is now, as the frame would show it. */
function Route() {
  const { route } = useNavigation();
  return <output aria-label="Route">{JSON.stringify(route)}</output>;
}

/** The palette in an open vault of Maya and Bea; `clientsRead` holds back the reading of the clients. */
async function renderPalette({
  practice = [],
  clientsRead = Promise.resolve(),
}: { practice?: Assignment[]; clientsRead?: Promise<void> } = {}) {
  const read = <T,>(records: T[]) => Promise.resolve({ records, damagedIds: [] });
  const reads = {
    clients: vi.fn(() => clientsRead.then(() => read([maya, marked]))),
    calendars: vi.fn(() => Promise.resolve(new Map())),
    templates: vi.fn(() => Promise.resolve({ templates: [], damagedIds: [] })),
    practice: vi.fn((clientId: string) =>
      read(practice.filter((each) => each.clientId === clientId)),
    ),
  };
  const rendered = await renderInOpenVault(
    <NavigationProvider>
      <input aria-label="Notes elsewhere" />
      <CommandPalette />
      <Route />
    </NavigationProvider>,
    {
      repositories: {
        clients: { all: reads.clients },
        sessions: { calendars: reads.calendars },
        templates: { latest: reads.templates },
        assignments: { forClient: reads.practice },
        preferences: { get: () => Promise.resolve(defaultVaultPreferences) },
      },
    },
  );
  return { ...rendered, reads };
}

const palette = () => screen.getByRole('dialog', { name: PALETTE_NAME });
const route = () => JSON.parse(screen.getByLabelText('Route').textContent ?? '') as unknown;

afterEach(() => vi.clearAllMocks());

describe('CommandPalette', () => {
  it('reads nothing until it is opened, then once, however much the clinician types', async () => {
    const { user, reads } = await renderPalette();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(reads.clients).not.toHaveBeenCalled();
    expect(reads.calendars).not.toHaveBeenCalled();
    expect(reads.templates).not.toHaveBeenCalled();

    await user.keyboard('{Control>}k{/Control}');
    expect(document.activeElement).toBe(
      within(palette()).getByRole('textbox', { name: PALETTE_NAME }),
    );
    await user.keyboard('lindq');
    expect(await within(palette()).findByRole('button', { name: 'Maya Lindqvist' })).toBeTruthy();
    await user.keyboard('vist');
    await settle();
    expect(reads.clients).toHaveBeenCalledTimes(1);
    expect(reads.calendars).toHaveBeenCalledTimes(1);
    expect(reads.templates).toHaveBeenCalledTimes(1);
  });

  it('opens the client typed, with Enter, even when typed before the list was read', async () => {
    let readClients = () => {};
    const clientsRead = new Promise<void>((resolve) => (readClients = resolve));
    const { user } = await renderPalette({ clientsRead });
    await user.click(screen.getByRole('button', { name: /^Find/ }));
    await user.keyboard('lindq');
    // The entries arrive after the keystrokes, and the first of them is chosen all the same.
    await act(async () => readClients());
    await within(palette()).findByRole('button', { name: 'Maya Lindqvist' });
    await user.keyboard('{Enter}');
    expect(route()).toEqual({ screen: 'client', clientId: maya.id });
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says which entry the arrow keys have chosen, for screen readers', async () => {
    const { user } = await renderPalette();
    await user.keyboard('{Control>}k{/Control}');
    await within(palette()).findByRole('button', { name: /^Today/ });
    await user.keyboard('lindq');
    await within(palette()).findByRole('button', { name: 'Maya Lindqvist' });
    const said = within(palette()).getByRole('status');
    await expect.poll(() => said.textContent).toMatch(/^Maya Lindqvist \(1 of [2-9]\)$/);
    await user.keyboard('{ArrowDown}');
    await expect.poll(() => said.textContent).toMatch(/^Plan .*Maya Lindqvist.* \(2 of [2-9]\)$/);
    await user.keyboard('{ArrowUp}');
    await expect.poll(() => said.textContent).toMatch(/^Maya Lindqvist \(1 of [2-9]\)$/);
  });

  it('shows a name as it was typed, as text', async () => {
    const { user } = await renderPalette();
    await user.keyboard('{Control>}k{/Control}marsh');
    const found = await within(palette()).findByRole('button', { name: '<b>Bea</b> Marsh' });
    expect(found.querySelector('b')).toBeNull();
    expect(found.querySelector('bdi')?.textContent).toBe('<b>Bea</b> Marsh');
  });

  it('goes straight to the review of the one piece of practice agreed', async () => {
    const walk = agreed('W'.repeat(22), maya.id, 'Evening walk');
    const { user, reads } = await renderPalette({ practice: [walk] });
    await user.keyboard('{Control>}k{/Control}');
    await within(palette()).findByRole('button', { name: /^Today/ });
    await user.keyboard('review maya');
    await within(palette()).findByRole('button', { name: /^Review practice with Maya/ });
    await user.keyboard('{Enter}');
    await settle();
    expect(reads.practice).toHaveBeenCalledWith(maya.id);
    expect(route()).toEqual({ screen: 'review', assignmentId: walk.id, sessionId: null });
  });

  it('asks which practice to review when several are agreed, and says so when none is', async () => {
    const walk = agreed('W'.repeat(22), maya.id, 'Evening walk');
    const diary = agreed('D'.repeat(22), maya.id, 'Sleep diary');
    const { user } = await renderPalette({ practice: [walk, diary] });
    await user.keyboard('{Control>}k{/Control}');
    await within(palette()).findByRole('button', { name: /^Today/ });
    await user.keyboard('review maya{Enter}');
    expect(
      await within(palette()).findByText(/Which practice would you like to review/),
    ).toBeTruthy();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(route()).toEqual({ screen: 'review', assignmentId: diary.id, sessionId: null });

    await user.keyboard('{Control>}k{/Control}');
    await within(palette()).findByRole('button', { name: /^Today/ });
    await user.keyboard('review bea{Enter}');
    // Bea has nothing agreed: the palette says so and offers her page.
    expect(await within(palette()).findByText(/no agreed practice to review/)).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(route()).toEqual({ screen: 'client', clientId: marked.id });
  });

  it('closes with Escape and gives focus back to where the clinician was', async () => {
    const { user } = await renderPalette();
    await user.click(screen.getByRole('textbox', { name: 'Notes elsewhere' }));
    // Ctrl+K works from inside a text box too.
    await user.keyboard('{Control>}k{/Control}');
    expect(palette()).toBeTruthy();
    await user.keyboard('{Escape}');
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Notes elsewhere' }));
    expect(route()).toEqual({ screen: 'today' });
  });

  it('goes when the vault locks, and Ctrl+K then opens nothing', async () => {
    const { user, lock } = await renderPalette();
    await user.keyboard('{Control>}k{/Control}lindq');
    await within(palette()).findByRole('button', { name: 'Maya Lindqvist' });
    await lock();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.textContent).not.toContain('Maya');
    await user.keyboard('{Control>}k{/Control}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

import { TextInput } from '@mantine/core';
import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientViewSnapshot } from '../../src-shared/ipc/contract';
import { renderInOpenVault, settle } from '../../tests/support/open-vault';
import { SharedViewControls } from '../components/SharedViewControls';
import { useSharedView } from './shared-view';

/**
 * The shared view as the therapist's window holds it: the controls, the hide key (in any field),
 * "Show again" as the only way back from hidden, what main reports, and locking, which closes
 * it. The IPC calls (data/shared-view.ts) are mocked at the module boundary; main's side is
 * tested in src-main/services/window-handlers.test.ts and tests/e2e/client-view.spec.ts.
 */

const mainEvents = vi.hoisted(() => new Map<string, Set<() => void>>());

vi.mock('../data/shared-view', () => {
  const listen = (event: string) => (listener: () => void) => {
    const listeners = mainEvents.get(event) ?? new Set();
    mainEvents.set(event, listeners);
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    openSharedView: vi.fn(async () => ({})),
    showOnSharedView: vi.fn(async () => true),
    blankSharedView: vi.fn(async () => ({})),
    closeSharedView: vi.fn(async () => ({})),
    onSharedViewHidden: listen('client-view:hidden'),
    onSharedViewClosed: listen('client-view:closed'),
  };
});

const ipc = await import('../data/shared-view');

/** Main sends the therapist's window an event. */
const emitFromMain = (event: string) =>
  act(() => {
    for (const listener of mainEvents.get(event) ?? []) listener();
  });

const snapshot = (title: string): ClientViewSnapshot => ({ title, sections: [] });

/** A screen with the controls in its header, a text field, and a button that pushes a snapshot. */
function Screen() {
  const { show } = useSharedView();
  return (
    <>
      <SharedViewControls />
      <TextInput label="Why it matters" />
      <button onClick={() => void show(snapshot('Evening walk'))}>Push</button>
    </>
  );
}

const status = () => screen.getByRole('status').textContent;
const button = (name: string) => screen.getByRole('button', { name });

beforeEach(() => {
  mainEvents.clear();
});

afterEach(() => {
  vi.clearAllMocks();
});

async function openShowing() {
  const rendered = await renderInOpenVault(<Screen />);
  expect(status()).toBe('Shared view: closed');
  await rendered.user.click(button('Open shared view'));
  await settle();
  expect(ipc.openSharedView).toHaveBeenCalledTimes(1);
  expect(status()).toBe('Shared view: showing');
  return rendered;
}

describe('the shared view’s controls', () => {
  it('opens it, sends what the screen shows, hides it, shows it again on purpose and closes it', async () => {
    const { user } = await openShowing();
    await user.click(button('Push'));
    expect(ipc.showOnSharedView).toHaveBeenLastCalledWith(snapshot('Evening walk'));

    await user.click(button('Hide (Ctrl+Shift+H)'));
    expect(ipc.blankSharedView).toHaveBeenCalledTimes(1);
    expect(status()).toBe('Shared view: hidden');

    // While hidden, what the screen sends is kept, never shown by itself.
    vi.mocked(ipc.showOnSharedView).mockClear();
    await user.click(button('Push'));
    expect(ipc.showOnSharedView).not.toHaveBeenCalled();

    await user.click(button('Show again'));
    expect(ipc.showOnSharedView).toHaveBeenCalledWith(snapshot('Evening walk'), { reveal: true });
    expect(status()).toBe('Shared view: showing');

    await user.click(button('Close shared view'));
    expect(ipc.closeSharedView).toHaveBeenCalledTimes(1);
    expect(status()).toBe('Shared view: closed');
    vi.mocked(ipc.showOnSharedView).mockClear();
    await user.click(button('Push'));
    expect(ipc.showOnSharedView).not.toHaveBeenCalled();
  });

  it('hides at once with Ctrl+Shift+H, even while typing in a field, and with ⌘⇧H', async () => {
    const { user } = await openShowing();
    await user.click(screen.getByRole('textbox', { name: 'Why it matters' }));
    await user.keyboard('{Control>}{Shift>}h{/Shift}{/Control}');
    expect(ipc.blankSharedView).toHaveBeenCalledTimes(1);
    expect(status()).toBe('Shared view: hidden');

    await user.click(button('Show again'));
    await user.keyboard('{Meta>}{Shift>}h{/Shift}{/Meta}');
    expect(ipc.blankSharedView).toHaveBeenCalledTimes(2);
    expect(status()).toBe('Shared view: hidden');
  });

  it('does nothing with the hide key while the shared view is closed', async () => {
    const { user } = await renderInOpenVault(<Screen />);
    await user.keyboard('{Control>}{Shift>}h{/Shift}{/Control}');
    expect(ipc.blankSharedView).not.toHaveBeenCalled();
    expect(status()).toBe('Shared view: closed');
  });

  it('says "hidden" when the client view was hidden from its own window, and then sends nothing', async () => {
    const { user } = await openShowing();
    await emitFromMain('client-view:hidden');
    expect(status()).toBe('Shared view: hidden');
    expect(button('Show again')).toBeTruthy();
    vi.mocked(ipc.showOnSharedView).mockClear();
    await user.click(button('Push'));
    expect(ipc.showOnSharedView).not.toHaveBeenCalled();
  });

  it('says "hidden" when main kept a snapshot back because the view had just been hidden', async () => {
    const { user } = await openShowing();
    vi.mocked(ipc.showOnSharedView).mockResolvedValueOnce(false);
    await user.click(button('Push'));
    await settle();
    expect(status()).toBe('Shared view: hidden');
  });

  it('says "closed" when its window was closed some other way', async () => {
    await openShowing();
    await emitFromMain('client-view:closed');
    expect(status()).toBe('Shared view: closed');
    expect(button('Open shared view')).toBeTruthy();
  });

  it('says so quietly when main does not answer, and stays closed', async () => {
    vi.mocked(ipc.openSharedView).mockRejectedValueOnce(new Error('no screen'));
    const { user } = await renderInOpenVault(<Screen />);
    await user.click(button('Open shared view'));
    await settle();
    expect(status()).toBe('Shared view: closed');
    expect(screen.getByRole('alert').textContent).toMatch(/didn’t respond/);
  });
});

describe('locking', () => {
  it('closes the shared view and forgets what it showed', async () => {
    const { user, lock } = await openShowing();
    await user.click(button('Push'));
    await lock();
    await settle();
    expect(ipc.closeSharedView).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Locked')).toBeTruthy();
  });
});

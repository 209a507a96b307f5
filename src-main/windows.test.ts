import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { WindowRole } from '../src-shared/ipc/contract';
import { emitEvent } from './services/app-windows';
import { createWindowRegistry } from './windows';

// windows.ts only imports Electron's types; these tests must run without Electron.
vi.mock('electron', () => {
  throw new Error('windows.ts must not load electron at runtime');
});

let nextContentsId = 1;

/** A BrowserWindow stand-in: records what is sent to it and what is done to it. */
class FakeWindow {
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly calls: string[] = [];
  readonly contentProtection: boolean[] = [];
  minimized = false;
  private destroyed = false;
  private readonly closedListeners: (() => void)[] = [];
  readonly webContents = {
    id: nextContentsId++,
    isDestroyed: () => this.destroyed,
    send: (channel: string, payload: unknown) => this.sent.push({ channel, payload }),
  };

  constructor(readonly role: WindowRole) {}

  once(event: string, listener: () => void): this {
    if (event === 'closed') this.closedListeners.push(listener);
    return this;
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => void this.calls.push('restore');
  show = () => void this.calls.push('show');
  focus = () => void this.calls.push('focus');
  setContentProtection = (enable: boolean) => void this.contentProtection.push(enable);
  readonly fullScreen: boolean[] = [];
  setFullScreen = (on: boolean) => void this.fullScreen.push(on);
  close(): void {
    this.destroyed = true;
    for (const listener of this.closedListeners) listener();
  }
}

function registry() {
  const opened: FakeWindow[] = [];
  const windows = createWindowRegistry((role) => {
    const window = new FakeWindow(role);
    opened.push(window);
    return window as unknown as BrowserWindow;
  });
  const open = (role: WindowRole) => windows.open(role) as unknown as FakeWindow;
  return { windows, opened, open };
}

describe('window roles', () => {
  it('records the role of each window’s webContents as main creates it', () => {
    const { windows, open } = registry();
    const therapist = open('therapist');
    const clientView = open('client-view');
    expect(windows.roleOf(therapist.webContents)).toBe('therapist');
    expect(windows.roleOf(clientView.webContents)).toBe('client-view');
    expect(windows.roleOf({ id: 9_999 })).toBeUndefined();
  });

  it('forgets a window’s role once it is closed, so its id is never trusted again', () => {
    const { windows, open } = registry();
    const clientView = open('client-view');
    clientView.close();
    expect(windows.roleOf(clientView.webContents)).toBeUndefined();
    expect(windows.get('client-view')).toBeUndefined();
  });

  it('keeps one window per role: opening again brings the open one forward', () => {
    const { open, opened } = registry();
    const first = open('client-view');
    first.minimized = true;
    expect(open('client-view')).toBe(first);
    expect(opened).toHaveLength(1);
    expect(first.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('closes the client view with the therapist’s window: it never outlives it', () => {
    const { windows, open } = registry();
    const therapist = open('therapist');
    const clientView = open('client-view');
    therapist.close();
    expect(clientView.isDestroyed()).toBe(true);
    expect(windows.get('client-view')).toBeUndefined();
  });

  it('focuses the therapist’s window (a second launch), not the client view opened after it', () => {
    const { windows, open } = registry();
    const therapist = open('therapist');
    const clientView = open('client-view');
    therapist.minimized = true;
    windows.focus('therapist');
    expect(therapist.calls).toEqual(['restore', 'show', 'focus']);
    expect(clientView.calls).toEqual([]);
  });
});

describe('screen capture of the therapist’s window', () => {
  it('keeps it out of capture from the start, unless the settings said otherwise before it opened', async () => {
    const first = registry();
    expect(first.open('therapist').contentProtection).toEqual([true]);
    const second = registry();
    await second.windows.protectTherapistWindow(false);
    expect(second.open('therapist').contentProtection).toEqual([false]);
  });

  it('applies a change of the setting to the open window at once, and never to the client view', async () => {
    const { windows, open } = registry();
    const therapist = open('therapist');
    const clientView = open('client-view');
    await windows.protectTherapistWindow(false);
    await windows.protectTherapistWindow(true);
    expect(therapist.contentProtection).toEqual([true, false, true]);
    expect(clientView.contentProtection).toEqual([]);
  });
});

describe('the client view on the client’s display', () => {
  it('fills its display and goes back to a window; the therapist’s window never changes', async () => {
    const { windows, open } = registry();
    const therapist = open('therapist');
    const clientView = open('client-view');
    await windows.setClientViewFullScreen(true);
    await windows.setClientViewFullScreen(false);
    expect(clientView.fullScreen).toEqual([true, false]);
    expect(therapist.fullScreen).toEqual([]);
  });

  it('does nothing when no client view is open', async () => {
    const { windows, open } = registry();
    const therapist = open('therapist');
    await windows.setClientViewFullScreen(true);
    expect(therapist.fullScreen).toEqual([]);
  });
});

describe('windows that close', () => {
  it('tells its listeners which role closed, however it closed', () => {
    const { windows, open } = registry();
    const closed: WindowRole[] = [];
    const stop = windows.onClosed((role) => closed.push(role));
    open('client-view').close();
    const therapist = open('therapist');
    open('client-view');
    therapist.close();
    expect(closed).toEqual(['client-view', 'client-view', 'therapist']);
    stop();
    open('client-view').close();
    expect(closed).toHaveLength(3);
  });
});

describe('events to windows', () => {
  it('sends the lock request and the quit request to the therapist’s window only', async () => {
    const { windows, open } = registry();
    const therapist = open('therapist');
    const clientView = open('client-view');
    await emitEvent(windows, 'vault:lock-requested', {});
    await emitEvent(windows, 'app:quit-requested', {});
    expect(therapist.sent.map((sent) => sent.channel)).toEqual([
      'vault:lock-requested',
      'app:quit-requested',
    ]);
    expect(clientView.sent).toEqual([]);
  });

  it('tells the therapist’s window, not the client view, that the client view was hidden or closed', async () => {
    const { windows, open } = registry();
    const therapist = open('therapist');
    const clientView = open('client-view');
    await emitEvent(windows, 'client-view:hidden', {});
    await emitEvent(windows, 'client-view:closed', {});
    expect(therapist.sent.map((sent) => sent.channel)).toEqual([
      'client-view:hidden',
      'client-view:closed',
    ]);
    expect(clientView.sent).toEqual([]);
  });

  it('sends what the client view shows to the client view only', async () => {
    const { windows, open } = registry();
    const therapist = open('therapist');
    const clientView = open('client-view');
    await emitEvent(windows, 'client-view:display', { mode: 'blank' });
    expect(clientView.sent).toEqual([
      { channel: 'client-view:display', payload: { mode: 'blank' } },
    ]);
    expect(therapist.sent).toEqual([]);
  });

  it('sends nothing, and does not fail, when the window of the role is not open', async () => {
    const { windows, open } = registry();
    const therapist = open('therapist');
    await emitEvent(windows, 'client-view:display', { mode: 'waiting' });
    therapist.close();
    await emitEvent(windows, 'vault:lock-requested', {});
    expect(therapist.sent).toEqual([]);
  });

  it('opens and closes the client view for the handlers', async () => {
    const { windows, opened } = registry();
    await windows.openClientView();
    expect(opened.map((window) => window.role)).toEqual(['client-view']);
    await windows.closeClientView();
    expect(opened[0]?.isDestroyed()).toBe(true);
    await expect(windows.closeClientView()).resolves.toBeUndefined();
  });
});

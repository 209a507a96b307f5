import type { IpcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channelsFor, ipcContract, ipcEvents } from '../src-shared/ipc/contract';
import { windowChannels, windowEvents } from '../src-shared/ipc/window';
import { buildWindowApi } from './preload-api';

// preload-api.ts only imports Electron's types; these tests must run without Electron.
vi.mock('electron', () => {
  throw new Error('preload-api.ts must not load electron at runtime');
});

type Listener = (event: unknown, payload: unknown) => void;

/** An ipcRenderer that records invokes and lets the test send events. */
function fakeIpcRenderer() {
  const listeners = new Map<string, Set<Listener>>();
  const invoke = vi.fn(async (channel: string, request: unknown) => ({ channel, request }));
  const ipcRenderer = {
    invoke,
    on: (event: string, listener: Listener) => {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
      return ipcRenderer;
    },
    removeListener: (event: string, listener: Listener) => {
      listeners.get(event)?.delete(listener);
      return ipcRenderer;
    },
  };
  return {
    ipcRenderer: ipcRenderer as unknown as IpcRenderer,
    invoke,
    emit: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener({ sender: 'main' }, payload);
    },
  };
}

describe('the therapist window’s API', () => {
  it('has one function per channel of its role and `on`, nothing else', () => {
    const { ipcRenderer } = fakeIpcRenderer();
    const api = buildWindowApi(ipcRenderer, 'therapist', ipcContract, ipcEvents);
    expect(Object.keys(api).sort()).toEqual([...channelsFor('therapist'), 'on'].sort());
    expect(Object.keys(api)).not.toContain('client-view:ready');
    expect(Object.keys(api)).not.toContain('client-view:hide');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes the channel it is named after with the request as given', async () => {
    const { ipcRenderer, invoke } = fakeIpcRenderer();
    const api = buildWindowApi(ipcRenderer, 'therapist', ipcContract, ipcEvents);
    await api['vault:read-header']({ vaultId: 'x' });
    expect(invoke).toHaveBeenCalledWith('vault:read-header', { vaultId: 'x' });
  });

  it('hears its own events, not the client view’s, and can stop listening', () => {
    const fake = fakeIpcRenderer();
    const api = buildWindowApi(fake.ipcRenderer, 'therapist', ipcContract, ipcEvents);
    const heard = vi.fn();
    const stop = api.on('vault:lock-requested', heard);
    fake.emit('vault:lock-requested', {});
    stop();
    fake.emit('vault:lock-requested', {});
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith({});
    const on = api.on as (event: string, listener: () => void) => () => void;
    expect(() => on('client-view:display', () => undefined)).toThrow('unknown event');
  });
});

describe('the client view’s API', () => {
  it('has only client-view:ready, client-view:hide and `on`', () => {
    const { ipcRenderer } = fakeIpcRenderer();
    const api = buildWindowApi(ipcRenderer, 'client-view', windowChannels, windowEvents);
    expect(Object.keys(api).sort()).toEqual(['client-view:hide', 'client-view:ready', 'on']);
  });

  it('hides itself through main, with nothing but the empty request', async () => {
    const { ipcRenderer, invoke } = fakeIpcRenderer();
    const api = buildWindowApi(ipcRenderer, 'client-view', windowChannels, windowEvents);
    await api['client-view:hide']({});
    expect(invoke).toHaveBeenCalledWith('client-view:hide', {});
  });

  it('is the same whether built from the window domain or from the whole contract', () => {
    const { ipcRenderer } = fakeIpcRenderer();
    const fromDomain = buildWindowApi(ipcRenderer, 'client-view', windowChannels, windowEvents);
    const fromContract = buildWindowApi(ipcRenderer, 'client-view', ipcContract, ipcEvents);
    expect(Object.keys(fromDomain)).toEqual(Object.keys(fromContract));
  });

  it('hands the display payload to its listener, and refuses the therapist’s events', () => {
    const fake = fakeIpcRenderer();
    const api = buildWindowApi(fake.ipcRenderer, 'client-view', windowChannels, windowEvents);
    const heard = vi.fn();
    api.on('client-view:display', heard);
    fake.emit('client-view:display', { mode: 'blank' });
    expect(heard).toHaveBeenCalledWith({ mode: 'blank' });
    const on = api.on as (event: string, listener: () => void) => () => void;
    expect(() => on('vault:lock-requested', () => undefined)).toThrow('unknown event');
    expect(() => on('app:quit-requested', () => undefined)).toThrow('unknown event');
    expect(() => on('client-view:hidden', () => undefined)).toThrow('unknown event');
  });
});

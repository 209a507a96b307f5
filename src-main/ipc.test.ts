import { scriptedDialogs } from '../tests/fixtures/dialogs';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelsFor, ipcChannels, type WindowRole } from '../src-shared/ipc/contract';
import type { IpcResult } from '../src-shared/ipc/result';
import { isTrustedFrame, registerIpcHandlers } from './ipc';
import { createHandlers, type IpcHandlers } from './services/handlers';

// ipc.ts only imports Electron's types; these tests must run without Electron.
vi.mock('electron', () => {
  throw new Error('ipc.ts must not load electron at runtime');
});

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** An ipcMain that records `handle(channel, listener)` and, like Electron's, refuses duplicates. */
function fakeIpcMain() {
  const listeners = new Map<string, InvokeListener>();
  const ipcMain = {
    handle: (channel: string, listener: InvokeListener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
  return { ipcMain: ipcMain as unknown as IpcMain, listeners };
}

const APP_PAGE = 'app://bridgework/index.html';
const CLIENT_VIEW_PAGE = 'app://bridgework/client-view.html';

/** The webContents ids main "created": what src-main/windows.ts records. */
const THERAPIST_CONTENTS = 1;
const CLIENT_VIEW_CONTENTS = 2;
const windowRoleOf = new Map<number, WindowRole>([
  [THERAPIST_CONTENTS, 'therapist'],
  [CLIENT_VIEW_CONTENTS, 'client-view'],
]);

type Sender = { contentsId: number; frame: { url: string; parent: unknown } | null };
const therapist: Sender = {
  contentsId: THERAPIST_CONTENTS,
  frame: { url: APP_PAGE, parent: null },
};
const clientView: Sender = {
  contentsId: CLIENT_VIEW_CONTENTS,
  frame: { url: CLIENT_VIEW_PAGE, parent: null },
};
/** A sender of the therapist's window whose frame is `frame`. */
const therapistFrame = (frame: { url: string } | null): Sender => ({
  contentsId: THERAPIST_CONTENTS,
  frame: frame && { ...frame, parent: null },
});

let dataDir: string;
let listeners: Map<string, InvokeListener>;
let handlers: IpcHandlers;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bridgework-ipc-'));
  handlers = createHandlers({
    dataDir,
    defaultBackupFolder: join(dataDir, 'backups'),
    // No dialog is ever answered here: a refused or invalid call must not get as far as one.
    dialogs: scriptedDialogs(),
  });
  for (const channel of ipcChannels) vi.spyOn(handlers, channel);
  const fake = fakeIpcMain();
  registerIpcHandlers(fake.ipcMain, handlers, { roleOf: (sender) => windowRoleOf.get(sender.id) });
  listeners = fake.listeners;
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Calls a registered channel the way Electron would, from `sender` (the therapist's window by default). */
async function invoke(
  channel: string,
  payload: unknown,
  sender: Sender = therapist,
): Promise<IpcResult<unknown>> {
  const listener = listeners.get(channel);
  if (!listener) throw new Error(`${channel} was not registered`);
  const event = {
    sender: { id: sender.contentsId },
    senderFrame: sender.frame,
  } as unknown as IpcMainInvokeEvent;
  return (await listener(event, payload)) as IpcResult<unknown>;
}

function errorOf(result: IpcResult<unknown>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('IPC registration', () => {
  it('registers a handler for every channel of the contract, and nothing else', () => {
    expect([...listeners.keys()].sort()).toEqual([...ipcChannels].sort());
    expect(ipcChannels.length).toBeGreaterThan(0);
  });

  it('answers a call from the app’s own page', async () => {
    expect(await invoke('vault:list', {})).toEqual({ ok: true, value: [] });
    expect(handlers['vault:list']).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a foreign website', { url: 'https://evil.example/' }],
    ['a look-alike app origin', { url: 'app://bridgework.evil/index.html' }],
    ['another app scheme host', { url: 'app://other/index.html' }],
    ['a local file', { url: 'file:///home/user/index.html' }],
    ['a blank frame', { url: 'about:blank' }],
    ['a frame with no url', { url: '' }],
    ['a frame that is already gone', null],
  ])('refuses a call from %s without running the handler', async (_label, frame) => {
    for (const channel of ipcChannels) {
      const result = await invoke(channel, {}, therapistFrame(frame));
      expect(errorOf(result).code).toBe('FORBIDDEN_SENDER');
      expect(handlers[channel]).not.toHaveBeenCalled();
    }
  });

  it('refuses a foreign sender even when its request would have changed something', async () => {
    const result = await invoke(
      'vault:create',
      { header: 'QldWSA==' },
      therapistFrame({ url: 'https://evil.example/' }),
    );
    expect(errorOf(result).code).toBe('FORBIDDEN_SENDER');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a call from a subframe, even one of the app’s own origin', async () => {
    const subframe: Sender = {
      contentsId: THERAPIST_CONTENTS,
      frame: { url: APP_PAGE, parent: { url: APP_PAGE } },
    };
    expect(errorOf(await invoke('vault:list', {}, subframe)).code).toBe('FORBIDDEN_SENDER');
    expect(handlers['vault:list']).not.toHaveBeenCalled();
  });

  it('trusts the dev server only when one is configured', () => {
    const frame = { url: 'http://localhost:5173/', parent: null };
    expect(isTrustedFrame(frame)).toBe(false);
    expect(isTrustedFrame(frame, 'http://localhost:5173')).toBe(true);
    expect(isTrustedFrame(frame, 'http://localhost:4000')).toBe(false);
  });
});

describe('IPC sender roles', () => {
  it('answers the therapist’s window on every channel of its role', async () => {
    expect(await invoke('vault:list', {}, therapist)).toEqual({ ok: true, value: [] });
    expect(await invoke('settings:get', {}, therapist)).toMatchObject({ ok: true });
    expect(await invoke('client-view:blank', {}, therapist)).toEqual({ ok: true, value: {} });
  });

  it('refuses the client view on a vault channel, without running the handler', async () => {
    const error = errorOf(await invoke('vault:list', {}, clientView));
    expect(error.code).toBe('FORBIDDEN_SENDER');
    expect(handlers['vault:list']).not.toHaveBeenCalled();
  });

  it('refuses the client view on every channel but its own two', async () => {
    const own = ['client-view:ready', 'client-view:hide'];
    for (const channel of ipcChannels.filter((name) => !own.includes(name))) {
      expect(errorOf(await invoke(channel, {}, clientView)).code, channel).toBe('FORBIDDEN_SENDER');
      expect(handlers[channel]).not.toHaveBeenCalled();
    }
    for (const channel of ['client-view:ready', 'client-view:hide'] as const) {
      expect(await invoke(channel, {}, clientView)).toEqual({ ok: true, value: {} });
      expect(handlers[channel]).toHaveBeenCalledTimes(1);
    }
  });

  it('refuses the therapist’s window on the client view’s own channels', async () => {
    for (const channel of ['client-view:ready', 'client-view:hide'] as const) {
      expect(errorOf(await invoke(channel, {}, therapist)).code).toBe('FORBIDDEN_SENDER');
      expect(handlers[channel]).not.toHaveBeenCalled();
    }
  });

  it('refuses a page of the app’s origin in a webContents main did not create', async () => {
    const stranger: Sender = { contentsId: 99, frame: { url: APP_PAGE, parent: null } };
    for (const channel of ipcChannels) {
      expect(errorOf(await invoke(channel, {}, stranger)).code).toBe('FORBIDDEN_SENDER');
      expect(handlers[channel]).not.toHaveBeenCalled();
    }
  });

  it('goes by the window main recorded, not by the page a window shows', async () => {
    const clientViewOnTherapistPage: Sender = {
      contentsId: CLIENT_VIEW_CONTENTS,
      frame: { url: APP_PAGE, parent: null },
    };
    expect(errorOf(await invoke('vault:list', {}, clientViewOnTherapistPage)).code).toBe(
      'FORBIDDEN_SENDER',
    );
  });
});

describe('IPC payload checks', () => {
  it('refuses a vault id that tries to leave the vaults folder, naming the field', async () => {
    const error = errorOf(await invoke('vault:read-header', { vaultId: '../../etc' }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toContain('vaultId');
  });

  it('refuses a request with keys the contract does not have, naming the key', async () => {
    const error = errorOf(
      await invoke('vault:read-header', {
        vaultId: '0123456789abcdef0123456789abcdef',
        path: '/etc/passwd',
      }),
    );
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toContain('path');
  });

  it('refuses a vault header that is not base64 text, naming the field', async () => {
    const error = errorOf(await invoke('vault:create', { header: '<not base64>' }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toContain('header');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it.each([
    ['null', null],
    ['nothing', undefined],
    ['a number', 42],
    ['a string', 'vault:list'],
    ['an array', [{}]],
  ])(
    'answers %s as a payload with INVALID_REQUEST instead of throwing',
    async (_label, payload) => {
      for (const [sender, channels] of [
        [therapist, channelsFor('therapist')],
        [clientView, channelsFor('client-view')],
      ] as const) {
        for (const channel of channels) {
          const error = errorOf(await invoke(channel, payload, sender));
          expect(error.code).toBe('INVALID_REQUEST');
          expect(error.message).not.toBe('');
          expect(handlers[channel]).not.toHaveBeenCalled();
        }
      }
    },
  );

  it('never throws, whatever the payload, and always answers a result value', async () => {
    const payloads: unknown[] = [
      {},
      { vaultId: 'A'.repeat(2_000_000) },
      { header: 'A'.repeat(2_000_000) },
      { header: '' },
      { header: 'AAAA' },
      { vaultId: 'ffffffffffffffffffffffffffffffff' },
      { __proto__: { vaultId: '0123456789abcdef0123456789abcdef' } },
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { vaultId: { toString: () => '0123456789abcdef0123456789abcdef' } },
    ];
    for (const channel of ipcChannels) {
      for (const payload of payloads) {
        const result = await invoke(
          channel,
          payload,
          channel === 'client-view:ready' || channel === 'client-view:hide'
            ? clientView
            : therapist,
        );
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(typeof result.error.message).toBe('string');
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

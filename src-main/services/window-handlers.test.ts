import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientViewSnapshot, IpcEvent, WindowRole } from '../../src-shared/ipc/contract';
import type { IpcResult } from '../../src-shared/ipc/result';
import { scriptedDialogs } from '../../tests/fixtures/dialogs';
import type { AppWindows } from './app-windows';
import { dispatchIpcFrom } from './dispatch';
import { createHandlers, type IpcHandlers } from './handlers';

const VAULT_ID = '0123456789abcdef0123456789abcdef';
const SNAPSHOT: ClientViewSnapshot = {
  eyebrow: 'This week’s plan · Start small',
  title: 'Breathing',
  sections: [
    { heading: 'Smallest step', body: 'Two minutes of breathing after breakfast.' },
    {
      heading: 'Step by step',
      items: [{ text: 'Sit down' }, { text: 'Breathe', tag: 'This week' }],
    },
  ],
};

/** Windows that record what the handlers do to them. */
function recordingWindows() {
  const sent: { role: WindowRole; event: IpcEvent; payload: unknown }[] = [];
  const windows: AppWindows = {
    openClientView: vi.fn(async () => undefined),
    closeClientView: vi.fn(async () => undefined),
    sendToRole: async (role, event, payload) => void sent.push({ role, event, payload }),
    protectTherapistWindow: vi.fn(async () => undefined),
    setClientViewFullScreen: vi.fn(async () => undefined),
  };
  return { windows, sent };
}

let dataDir: string;
let handlers: IpcHandlers;
let recorded: ReturnType<typeof recordingWindows>;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bridgework-window-handlers-'));
  recorded = recordingWindows();
  handlers = createHandlers({
    dataDir,
    defaultBackupFolder: join(dataDir, 'backups'),
    dialogs: scriptedDialogs(),
    windows: recorded.windows,
  });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const therapistCalls = (channel: string, payload: unknown = {}) =>
  dispatchIpcFrom('therapist', handlers, channel, payload);

function errorOf(result: IpcResult<unknown>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** What the client view was last told to show. */
const lastDisplay = () => recorded.sent.at(-1)?.payload;

describe('the client view, as main relays it', () => {
  it('opens and closes through the window port', async () => {
    expect(await therapistCalls('client-view:open')).toEqual({ ok: true, value: {} });
    expect(recorded.windows.openClientView).toHaveBeenCalledTimes(1);
    expect(await therapistCalls('client-view:close')).toEqual({ ok: true, value: {} });
    expect(recorded.windows.closeClientView).toHaveBeenCalledTimes(1);
  });

  it('puts it in full screen and back through the window port, for the therapist only', async () => {
    expect(await therapistCalls('client-view:full-screen', { on: true })).toEqual({
      ok: true,
      value: {},
    });
    expect(recorded.windows.setClientViewFullScreen).toHaveBeenCalledWith(true);
    expect(
      (await dispatchIpcFrom('client-view', handlers, 'client-view:full-screen', { on: true })).ok,
    ).toBe(false);
    expect(errorOf(await therapistCalls('client-view:full-screen', { on: 'yes' })).code).toBe(
      'INVALID_REQUEST',
    );
  });

  it('shows nothing while no vault is open: a snapshot is client data', async () => {
    const error = errorOf(await therapistCalls('client-view:show', { snapshot: SNAPSHOT }));
    expect(error.code).toBe('LOCKED');
    expect(recorded.sent).toEqual([]);
  });

  it('relays a snapshot to the client view only, as it was sent', async () => {
    await handlers['vault:opened']({ vaultId: VAULT_ID });
    recorded.sent.length = 0;
    expect(await therapistCalls('client-view:show', { snapshot: SNAPSHOT })).toEqual({
      ok: true,
      value: { shown: true },
    });
    expect(recorded.sent).toEqual([
      {
        role: 'client-view',
        event: 'client-view:display',
        payload: { mode: 'snapshot', snapshot: SNAPSHOT },
      },
    ]);
  });

  it('sends the latest state again to a client view that says it is ready', async () => {
    await handlers['vault:opened']({ vaultId: VAULT_ID });
    await handlers['client-view:show']({ snapshot: SNAPSHOT });
    recorded.sent.length = 0;
    expect(await dispatchIpcFrom('client-view', handlers, 'client-view:ready', {})).toEqual({
      ok: true,
      value: {},
    });
    expect(recorded.sent).toEqual([
      {
        role: 'client-view',
        event: 'client-view:display',
        payload: { mode: 'snapshot', snapshot: SNAPSHOT },
      },
    ]);
  });

  it('forgets the snapshot when blanked, so a reloaded client view stays blank', async () => {
    await handlers['vault:opened']({ vaultId: VAULT_ID });
    await handlers['client-view:show']({ snapshot: SNAPSHOT });
    await therapistCalls('client-view:blank');
    expect(lastDisplay()).toEqual({ mode: 'blank' });
    await handlers['client-view:ready']({});
    expect(lastDisplay()).toEqual({ mode: 'blank' });
  });

  it('returns to the placeholder when the vault locks', async () => {
    await handlers['vault:opened']({ vaultId: VAULT_ID });
    await handlers['client-view:show']({ snapshot: SNAPSHOT });
    await therapistCalls('vault:closed');
    expect(lastDisplay()).toEqual({ mode: 'waiting' });
    expect(errorOf(await therapistCalls('client-view:show', { snapshot: SNAPSHOT })).code).toBe(
      'LOCKED',
    );
  });

  it('forgets the snapshot when closed, and tells the therapist’s window it has gone', async () => {
    await handlers['vault:opened']({ vaultId: VAULT_ID });
    await handlers['client-view:show']({ snapshot: SNAPSHOT });
    recorded.sent.length = 0;
    await therapistCalls('client-view:close');
    expect(recorded.sent).toEqual([
      { role: 'therapist', event: 'client-view:closed', payload: {} },
    ]);
    await handlers['client-view:ready']({});
    expect(lastDisplay()).toEqual({ mode: 'waiting' });
  });

  it('goes back to the placeholder when the screen that filled it has gone (a null snapshot)', async () => {
    await handlers['vault:opened']({ vaultId: VAULT_ID });
    await handlers['client-view:show']({ snapshot: SNAPSHOT });
    expect(await therapistCalls('client-view:show', { snapshot: null })).toEqual({
      ok: true,
      value: { shown: true },
    });
    expect(lastDisplay()).toEqual({ mode: 'waiting' });
  });

  it('keeps a blanked view blank until the therapist shows it again on purpose', async () => {
    await handlers['vault:opened']({ vaultId: VAULT_ID });
    await handlers['client-view:show']({ snapshot: SNAPSHOT });
    await therapistCalls('client-view:blank');
    recorded.sent.length = 0;
    // A snapshot sent as the therapist types (or one already on its way) does not bring it back.
    expect(await therapistCalls('client-view:show', { snapshot: SNAPSHOT })).toEqual({
      ok: true,
      value: { shown: false },
    });
    expect(recorded.sent).toEqual([]);
    expect(await therapistCalls('client-view:show', { snapshot: SNAPSHOT, reveal: true })).toEqual({
      ok: true,
      value: { shown: true },
    });
    expect(lastDisplay()).toEqual({ mode: 'snapshot', snapshot: SNAPSHOT });
  });

  it('refuses a snapshot that does not fit the schema, naming the field', async () => {
    await handlers['vault:opened']({ vaultId: VAULT_ID });
    recorded.sent.length = 0;
    const error = errorOf(
      await therapistCalls('client-view:show', {
        snapshot: { ...SNAPSHOT, title: 'x'.repeat(201) },
      }),
    );
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toContain('snapshot.title');
    for (const snapshot of [
      { ...SNAPSHOT, sections: [{ heading: 'Steps', items: [] }] },
      { ...SNAPSHOT, sections: [{ heading: 'Steps', body: 'b', items: [{ text: 't' }] }] },
      { ...SNAPSHOT, sections: [{ heading: '', body: 'b' }] },
      { ...SNAPSHOT, clientId: 'x'.repeat(22) },
    ]) {
      expect(errorOf(await therapistCalls('client-view:show', { snapshot })).code).toBe(
        'INVALID_REQUEST',
      );
    }
    expect(recorded.sent).toEqual([]);
  });

  it('hides at once from the client view’s own hide key: blank, forgotten, and the therapist told', async () => {
    await handlers['vault:opened']({ vaultId: VAULT_ID });
    await handlers['client-view:show']({ snapshot: SNAPSHOT });
    recorded.sent.length = 0;
    expect(await dispatchIpcFrom('client-view', handlers, 'client-view:hide', {})).toEqual({
      ok: true,
      value: {},
    });
    expect(recorded.sent).toEqual([
      { role: 'client-view', event: 'client-view:display', payload: { mode: 'blank' } },
      { role: 'therapist', event: 'client-view:hidden', payload: {} },
    ]);
    // Reloaded, it stays blank; a snapshot the therapist's window sends meanwhile stays unshown.
    await handlers['client-view:ready']({});
    expect(lastDisplay()).toEqual({ mode: 'blank' });
    expect(await therapistCalls('client-view:show', { snapshot: SNAPSHOT })).toEqual({
      ok: true,
      value: { shown: false },
    });
    expect(lastDisplay()).toEqual({ mode: 'blank' });
  });

  it('lets only the client view say it is ready or hide itself, and only the therapist fill it', async () => {
    expect(errorOf(await therapistCalls('client-view:ready')).code).toBe('FORBIDDEN_SENDER');
    expect(errorOf(await therapistCalls('client-view:hide')).code).toBe('FORBIDDEN_SENDER');
    for (const channel of [
      'client-view:open',
      'client-view:show',
      'client-view:blank',
      'client-view:close',
    ]) {
      const result = await dispatchIpcFrom('client-view', handlers, channel, {});
      expect(errorOf(result).code).toBe('FORBIDDEN_SENDER');
    }
    expect(recorded.windows.openClientView).not.toHaveBeenCalled();
  });
});

describe('the app without windows (Node tests)', () => {
  it('cannot open a client view, and says so as an error value', async () => {
    const windowless = createHandlers({
      dataDir,
      defaultBackupFolder: join(dataDir, 'backups'),
      dialogs: scriptedDialogs(),
    });
    const error = errorOf(await dispatchIpcFrom('therapist', windowless, 'client-view:open', {}));
    expect(error.code).toBe('INTERNAL');
  });
});

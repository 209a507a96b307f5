import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientViewSnapshot, IpcEvent, WindowRole } from '../../src-shared/ipc/contract';
import { scriptedDialogs } from '../../tests/fixtures/dialogs';
import type { AppWindows } from './app-windows';
import { createHandlers, type IpcHandlers } from './handlers';
import { createLockRequest, lockWhenSteppingAway, type SystemEvents } from './lock-requests';

const SNAPSHOT: ClientViewSnapshot = {
  eyebrow: 'This week’s plan',
  title: 'Evening walk',
  sections: [{ heading: 'Smallest step', body: 'Round the block after dinner.' }],
};

let dataDir: string;
let handlers: IpcHandlers;
let sent: { role: WindowRole; event: IpcEvent; payload: unknown }[];
let windows: AppWindows;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bridgework-lock-requests-'));
  sent = [];
  windows = {
    openClientView: vi.fn(async () => undefined),
    closeClientView: vi.fn(async () => undefined),
    sendToRole: async (role, event, payload) => void sent.push({ role, event, payload }),
  };
  handlers = createHandlers({
    dataDir,
    defaultBackupFolder: join(dataDir, 'backups'),
    dialogs: scriptedDialogs(),
    windows,
  });
  // An open vault whose practice is on the shared screen.
  await handlers['vault:opened']({ vaultId: '0123456789abcdef0123456789abcdef' });
  await handlers['client-view:show']({ snapshot: SNAPSHOT });
  sent.length = 0;
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A stand-in for Electron's powerMonitor. */
const systemEvents = () => new EventEmitter() as EventEmitter & SystemEvents;

describe('stepping away from the laptop', () => {
  it.each(['suspend', 'lock-screen'] as const)(
    '“%s” blanks the shared view and asks the therapist’s window to lock',
    async (event) => {
      const system = systemEvents();
      const requestLock = vi.fn(createLockRequest(handlers, windows));
      lockWhenSteppingAway(system, requestLock);
      system.emit(event);
      expect(requestLock).toHaveBeenCalledTimes(1);
      await requestLock.mock.results[0]?.value;
      expect(sent).toEqual(
        expect.arrayContaining([
          { role: 'client-view', event: 'client-view:display', payload: { mode: 'blank' } },
          { role: 'therapist', event: 'vault:lock-requested', payload: {} },
        ]),
      );
      expect(sent).toHaveLength(2);
    },
  );

  it('the shared view stays blank when it reloads before the vault has locked', async () => {
    await createLockRequest(handlers, windows)();
    sent.length = 0;
    await handlers['client-view:ready']({});
    expect(sent).toEqual([
      { role: 'client-view', event: 'client-view:display', payload: { mode: 'blank' } },
    ]);
  });

  it('listens for nothing but sleep and the screen locking', () => {
    const system = systemEvents();
    lockWhenSteppingAway(system, async () => undefined);
    expect(system.eventNames().sort()).toEqual(['lock-screen', 'suspend']);
  });
});

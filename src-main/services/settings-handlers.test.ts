import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedDialogs } from '../../tests/fixtures/dialogs';
import type { AppWindows } from './app-windows';
import { dispatchIpcFrom } from './dispatch';
import { createHandlers, type IpcHandlers } from './handlers';

let dataDir: string;
let handlers: IpcHandlers;
let protect: ReturnType<typeof vi.fn<(on: boolean) => Promise<void>>>;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bridgework-settings-handlers-'));
  protect = vi.fn(async () => undefined);
  const windows: AppWindows = {
    openClientView: async () => undefined,
    closeClientView: async () => undefined,
    sendToRole: async () => undefined,
    protectTherapistWindow: protect,
  };
  handlers = createHandlers({
    dataDir,
    defaultBackupFolder: join(dataDir, 'backups'),
    dialogs: scriptedDialogs(),
    windows,
  });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const update = (change: unknown) =>
  dispatchIpcFrom('therapist', handlers, 'settings:update', change);

describe('keeping the therapist’s window out of screen sharing', () => {
  it('is on by default', async () => {
    expect(await handlers['settings:get']({})).toMatchObject({ protectTherapistWindow: true });
  });

  it('is on for a settings file written before the setting existed, which keeps its other choices', async () => {
    await writeFile(
      join(dataDir, 'settings.json'),
      JSON.stringify({ backupFolder: null, autoLockMinutes: 5 }),
    );
    expect(await handlers['settings:get']({})).toMatchObject({
      autoLockMinutes: 5,
      protectTherapistWindow: true,
    });
  });

  it('is saved when changed and applied to the window at once', async () => {
    expect(await update({ protectTherapistWindow: false })).toMatchObject({
      ok: true,
      value: { protectTherapistWindow: false },
    });
    expect(protect).toHaveBeenCalledWith(false);
    const saved: unknown = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
    expect(saved).toMatchObject({ protectTherapistWindow: false });
    expect(await handlers['settings:get']({})).toMatchObject({ protectTherapistWindow: false });
  });

  it('is left alone, and the window untouched, by other changes', async () => {
    await update({ protectTherapistWindow: false });
    protect.mockClear();
    expect(await update({ autoLockMinutes: 15 })).toMatchObject({
      ok: true,
      value: { autoLockMinutes: 15, protectTherapistWindow: false },
    });
    expect(protect).not.toHaveBeenCalled();
  });

  it('refuses anything but true or false', async () => {
    for (const value of ['no', 0, null, undefined]) {
      const result = await update({ protectTherapistWindow: value });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect(protect).not.toHaveBeenCalled();
  });
});

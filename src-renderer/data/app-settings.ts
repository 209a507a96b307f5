import type { IpcResponse } from '../../src-shared/ipc/contract';
import { callMain } from './ipc-client';

/** The app's settings as main keeps them, with the backup folder resolved to a path. */
export type AppSettingsView = IpcResponse<'settings:get'>;

/**
 * The app's settings (no client data: where backups go, how soon the vault locks, whether the
 * therapist's window is kept out of screen sharing).
 */
export const readAppSettings = (): Promise<AppSettingsView> => callMain('settings:get', {});

/** Saves how many idle minutes the vault waits before locking itself. */
export const saveAutoLockMinutes = (autoLockMinutes: number): Promise<AppSettingsView> =>
  callMain('settings:update', { autoLockMinutes });

/**
 * Keeps this window out of screen capture and screen sharing (macOS, Windows), or lets it be
 * captured; main applies it to the window at once.
 */
export const saveProtectTherapistWindow = (
  protectTherapistWindow: boolean,
): Promise<AppSettingsView> => callMain('settings:update', { protectTherapistWindow });

/** Asks main to show its folder picker; the chosen folder becomes the backup folder. */
export const chooseBackupFolder = (): Promise<AppSettingsView> =>
  callMain('settings:choose-backup-folder', {});

/** Backups go to the default folder again. */
export const switchToDefaultBackupFolder = (): Promise<AppSettingsView> =>
  callMain('settings:use-default-backup-folder', {});

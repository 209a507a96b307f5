import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { AppSettings } from '../../src-shared/domain/settings';
import type { settingsChannels } from '../../src-shared/ipc/settings';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlersOf } from './handler-context';

/**
 * The settings channels; the backup folder is set only from main's own folder dialog. A change
 * to the therapist's window's capture protection applies to the window at once.
 */
export function createSettingsHandlers({
  settings,
  backups,
  dialogs,
  windows,
}: HandlerContext): HandlersOf<typeof settingsChannels> {
  async function settingsView(current: AppSettings) {
    return { ...current, effectiveBackupFolder: await backups.folder() };
  }

  return {
    'settings:get': async () => settingsView(await settings.read()),
    'settings:update': async (change) => {
      const next = await settings.update(change);
      if (change.protectTherapistWindow !== undefined)
        await windows.protectTherapistWindow?.(next.protectTherapistWindow);
      return settingsView(next);
    },
    'settings:choose-backup-folder': async () => {
      const chosen = await dialogs.chooseFolder(await backups.folder());
      if (chosen === null) return settingsView(await settings.read());
      const folder = resolve(chosen);
      if (!isAbsolute(folder) || !(await stat(folder).catch(() => null))?.isDirectory()) {
        throw new HandlerError(
          'NOT_FOUND',
          'That folder can’t be found any more. Please choose another one.',
        );
      }
      return settingsView(await settings.update({ backupFolder: folder }));
    },
    'settings:use-default-backup-folder': async () =>
      settingsView(await settings.update({ backupFolder: null })),
  };
}

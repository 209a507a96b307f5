import { homedir } from 'node:os';
import { join } from 'node:path';

/** Name of the folder Bridgework keeps its data in, inside the OS's application-data folder. */
export const DATA_FOLDER_NAME = 'Bridgework';

/**
 * Where Bridgework keeps vault files on this OS, the same folder Electron's
 * `app.getPath('appData')` + "Bridgework" gives, so `npm run preview` opens the app's vaults.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), DATA_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', DATA_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), DATA_FOLDER_NAME);
}

/** The default backup folder: "Bridgework Backups" in the user's documents folder. */
export function defaultBackupFolder(documentsDir: string = join(homedir(), 'Documents')): string {
  return join(documentsDir, 'Bridgework Backups');
}

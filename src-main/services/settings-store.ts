import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AppSettings,
  appSettingsSchema,
  defaultAppSettings,
} from '../../src-shared/domain/settings';
import { ensurePrivateDir, writeFileAtomic } from './atomic-file';

/**
 * The app settings file. A missing or unreadable file means the defaults (it holds only
 * preferences, so a damaged one costs nothing but the preferences themselves).
 */
export function createSettingsStore(dataDir: string) {
  const path = join(dataDir, 'settings.json');

  async function read(): Promise<AppSettings> {
    try {
      const parsed = appSettingsSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      return parsed.success ? parsed.data : defaultAppSettings;
    } catch {
      return defaultAppSettings;
    }
  }

  return {
    read,
    /** Applies a partial change and saves atomically; returns the new settings. */
    async update(change: Partial<AppSettings>): Promise<AppSettings> {
      const next = appSettingsSchema.parse({ ...(await read()), ...change });
      await ensurePrivateDir(dataDir);
      await writeFileAtomic(path, new TextEncoder().encode(JSON.stringify(next, null, 2)));
      return next;
    },
  };
}

/** The settings store. */
export type SettingsStore = ReturnType<typeof createSettingsStore>;

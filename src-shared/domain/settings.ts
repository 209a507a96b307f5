import { z } from 'zod';

import { DEFAULT_AUTO_LOCK_MINUTES } from './auto-lock';

export { DEFAULT_AUTO_LOCK_MINUTES };

/**
 * App settings kept by the main process in `<dataDir>/settings.json`. They hold no client data:
 * only where backups go, how quickly the vault locks and whether the therapist's window is kept
 * out of screen capture. A field added later has a default, so a file written before it still
 * loads with the clinician's other choices.
 */
export const appSettingsSchema = z
  .object({
    /** Absolute path of the folder automatic and manual backups go to; null means the default. */
    backupFolder: z.string().min(1).max(4096).nullable(),
    /** Lock after this many minutes without keyboard or mouse activity (1–60). */
    autoLockMinutes: z.number().int().min(1).max(60),
    /**
     * Keep the therapist's window out of screen capture and screen sharing where the OS allows it
     * (Windows, macOS; Electron's `setContentProtection`). On by default.
     */
    protectTherapistWindow: z.boolean().default(true),
  })
  .strict();

/** App settings. */
export type AppSettings = z.infer<typeof appSettingsSchema>;

/** Settings of a fresh installation. */
export const defaultAppSettings: AppSettings = {
  backupFolder: null,
  autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
  protectTherapistWindow: true,
};

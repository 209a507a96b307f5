import { z } from 'zod';
import { appSettingsSchema } from '../domain/settings';
import type { ChannelMap } from './channel';
import { emptyRequestSchema } from './schemas';

/** Settings channels: how quickly the vault locks, where backups go, screen-capture protection. */

/** Settings as the renderer sees them, with the backup folder resolved to a path. */
export const settingsViewSchema = appSettingsSchema.extend({ effectiveBackupFolder: z.string() });

/**
 * What the renderer may change in the settings. The backup folder is not among them: main
 * sets it only from its own folder dialog (`settings:choose-backup-folder`) or back to the
 * default (`settings:use-default-backup-folder`), so a renderer can never point main at a path.
 * Fields are exactly optional: one sent as `undefined` is refused, not half-applied.
 */
const settingsChangeSchema = z
  .object({
    autoLockMinutes: appSettingsSchema.shape.autoLockMinutes.exactOptional(),
    protectTherapistWindow: z.boolean().exactOptional(),
  })
  .strict();

/** The settings channels, for the therapist's window only. */
export const settingsChannels = {
  'settings:get': {
    request: emptyRequestSchema,
    response: settingsViewSchema,
    roles: ['therapist'],
  },
  'settings:update': {
    request: settingsChangeSchema,
    response: settingsViewSchema,
    roles: ['therapist'],
  },
  /** Opens a folder picker; the chosen folder becomes the backup folder. Cancelling changes nothing. */
  'settings:choose-backup-folder': {
    request: emptyRequestSchema,
    response: settingsViewSchema,
    roles: ['therapist'],
  },
  /** Backups go to the default folder again (offered when the chosen one has gone missing). */
  'settings:use-default-backup-folder': {
    request: emptyRequestSchema,
    response: settingsViewSchema,
    roles: ['therapist'],
  },
} as const satisfies ChannelMap<'settings'>;

import type { z } from 'zod';
import type { ChannelSpec } from '../../src-shared/ipc/channel';
import type { ExportFileKind } from '../../src-shared/ipc/exports';
import type { AppWindows } from './app-windows';
import type { AttachmentStore } from './attachment-store';
import type { BackupStore } from './backup-store';
import type { ClientViewRelay } from './client-view-relay';
import type { OpenVault } from './open-vault';
import type { SettingsStore } from './settings-store';
import type { VaultStore } from './vault-store';

/**
 * One handler per channel of a channel map: takes the parsed request, returns the response or
 * throws HandlerError. Each domain's handlers are typed by its own map, so a domain that misses
 * a channel, or answers the wrong shape, does not compile.
 */
export type HandlersOf<M extends Readonly<Record<string, ChannelSpec>>> = {
  [C in keyof M]: (request: z.output<M[C]['request']>) => Promise<z.output<M[C]['response']>>;
};

/** The native dialogs the handlers need; Electron's in the app, scripted ones in tests. */
export type AppDialogs = {
  /** A folder picker starting at `defaultPath`; null when cancelled. */
  chooseFolder: (defaultPath: string) => Promise<string | null>;
  /** A `.bwvault` file picker; null when cancelled. */
  chooseBackupFile: () => Promise<string | null>;
  /** A `.bwtemplates.json` file picker; null when cancelled. */
  chooseTemplatePackToOpen: () => Promise<string | null>;
  /** A save dialog for a template pack, suggesting `fileName`; null when cancelled. */
  chooseTemplatePackSaveLocation: (fileName: string) => Promise<string | null>;
  /** A save dialog for an exported file of `kind`, suggesting `fileName`; null when cancelled. */
  chooseExportSaveLocation: (fileName: string, kind: ExportFileKind) => Promise<string | null>;
};

/** What the domains' handlers share: the stores, the open vault, the windows, the dialogs. */
export type HandlerContext = {
  vaults: VaultStore;
  settings: SettingsStore;
  attachments: AttachmentStore;
  backups: BackupStore;
  openVault: OpenVault;
  clientView: ClientViewRelay;
  /** The app's windows, for what reaches them directly (the therapist's window's capture protection). */
  windows: AppWindows;
  dialogs: AppDialogs;
  /** Called when the renderer has backed up and locked after a quit request. */
  onQuitConfirmed?: () => void;
};

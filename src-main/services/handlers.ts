import type { ipcContract } from '../../src-shared/ipc/contract';
import { type AppWindows, noWindows } from './app-windows';
import { createAttachmentHandlers } from './attachment-handlers';
import { createAttachmentStore } from './attachment-store';
import { createBackupHandlers } from './backup-handlers';
import type { OpenForWriting } from './backup-file';
import { createBackupStore } from './backup-store';
import { createClientViewRelay } from './client-view-relay';
import { createExportHandlers } from './export-handlers';
import type { AppDialogs, HandlerContext, HandlersOf } from './handler-context';
import { createOpenVault } from './open-vault';
import { createSettingsHandlers } from './settings-handlers';
import { createSettingsStore } from './settings-store';
import { createTemplateHandlers } from './template-handlers';
import { createVaultHandlers } from './vault-handlers';
import { createVaultStore } from './vault-store';
import { createWindowHandlers } from './window-handlers';

export type { AppDialogs } from './handler-context';
export type { AppWindows } from './app-windows';

/** One handler per channel of the contract. */
export type IpcHandlers = HandlersOf<typeof ipcContract>;

/** What the handler map is built from. */
export type HandlerOptions = {
  /** The app's data folder (vault key files, settings). */
  dataDir: string;
  /** Where backups go unless the clinician picks another folder. */
  defaultBackupFolder: string;
  dialogs: AppDialogs;
  /** The app's windows (the client view); without them, the client view cannot open. */
  windows?: AppWindows;
  /** Called when the renderer has backed up and locked after a quit request. */
  onQuitConfirmed?: () => void;
  /** Replaces file opening for backups (tests simulate full or failing disks). */
  openBackupForWriting?: OpenForWriting;
};

/**
 * Builds the handler map of every channel, merged from one map per domain (as the contract is).
 * Plain Node, no Electron: the app registers it through `src-main/ipc.ts`; tests and the e2e
 * harness call it directly.
 */
export function createHandlers(options: HandlerOptions): IpcHandlers {
  const settings = createSettingsStore(options.dataDir);
  const windows = options.windows ?? noWindows;
  const context: HandlerContext = {
    vaults: createVaultStore(options.dataDir),
    settings,
    attachments: createAttachmentStore(options.dataDir),
    backups: createBackupStore({
      settings,
      defaultBackupFolder: options.defaultBackupFolder,
      openForWriting: options.openBackupForWriting,
    }),
    openVault: createOpenVault(),
    clientView: createClientViewRelay(windows),
    windows,
    dialogs: options.dialogs,
    onQuitConfirmed: options.onQuitConfirmed,
  };
  return {
    ...createVaultHandlers(context),
    ...createSettingsHandlers(context),
    ...createBackupHandlers(context),
    ...createAttachmentHandlers(context),
    ...createTemplateHandlers(context),
    ...createExportHandlers(context),
    ...createWindowHandlers(context),
  };
}

import type { z } from 'zod';
import { fromBase64, toBase64 } from '../../src-shared/crypto/bytes';
import type { IpcChannel, IpcResponse, ipcContract } from '../../src-shared/ipc/contract';
import type { AppSettings } from '../../src-shared/domain/settings';
import { createAttachmentStore } from './attachment-store';
import { createBackupStore, type BackupStore } from './backup-store';
import type { OpenForWriting } from './backup-file';
import { HandlerError } from './handler-error';
import { createSettingsStore } from './settings-store';
import { createVaultStore } from './vault-store';
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { MAX_TEMPLATE_PACK_BYTES } from '../../src-shared/domain/template-pack';
import { writeFileAtomic } from './atomic-file';

/** One handler per channel: takes the parsed request, returns the response or throws HandlerError. */
export type IpcHandlers = {
  [C in IpcChannel]: (
    request: z.output<(typeof ipcContract)[C]['request']>,
  ) => Promise<IpcResponse<C>>;
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
};

/** What the handler map is built from. */
export type HandlerOptions = {
  /** The app's data folder (vault key files, settings). */
  dataDir: string;
  /** Where backups go unless the clinician picks another folder. */
  defaultBackupFolder: string;
  dialogs: AppDialogs;
  /** Called when the renderer has backed up and locked after a quit request. */
  onQuitConfirmed?: () => void;
  /** Replaces file opening for backups (tests simulate full or failing disks). */
  openBackupForWriting?: OpenForWriting;
};

/**
 * Builds the handler map of every channel. Plain Node, no Electron: the app registers it
 * through `src-main/ipc.ts`; tests and the e2e harness call it directly.
 */
export function createHandlers(options: HandlerOptions): IpcHandlers {
  const vaults = createVaultStore(options.dataDir);
  const settings = createSettingsStore(options.dataDir);
  const attachments = createAttachmentStore(options.dataDir);
  const backups: BackupStore = createBackupStore({
    settings,
    defaultBackupFolder: options.defaultBackupFolder,
    openForWriting: options.openBackupForWriting,
  });
  let openVaultId: string | null = null;
  const writeOwners = new Map<string, string>();

  function requireOpen(vaultId: string): void {
    if (openVaultId !== vaultId)
      throw new HandlerError('LOCKED', 'The vault is locked. Please unlock it first.');
  }

  function requireOwnWrite(writeId: string): void {
    const vaultId = writeOwners.get(writeId);
    if (!vaultId)
      throw new HandlerError(
        'NOT_FOUND',
        'This backup is no longer being written. Please start it again.',
      );
    requireOpen(vaultId);
  }

  async function settingsView(current: AppSettings) {
    return { ...current, effectiveBackupFolder: await backups.folder() };
  }

  return {
    'vault:list': () => vaults.list(),
    'vault:create': ({ header }) => vaults.create(header),
    'vault:read-header': ({ vaultId }) => vaults.readHeader(vaultId),
    'vault:replace-header': ({ vaultId, header }) => {
      requireOpen(vaultId);
      return vaults.replaceHeader(vaultId, header);
    },
    'vault:remove': async ({ vaultId }) => {
      if (openVaultId === vaultId)
        throw new HandlerError('INVALID_REQUEST', 'Please lock the vault before removing it.');
      await vaults.remove(vaultId);
      return {};
    },
    'vault:opened': async ({ vaultId }) => {
      openVaultId = vaultId;
      return {};
    },
    'vault:closed': async () => {
      openVaultId = null;
      return {};
    },
    'settings:get': async () => settingsView(await settings.read()),
    'settings:update': async (change) => settingsView(await settings.update(change)),
    'settings:choose-backup-folder': async () => {
      const chosen = await options.dialogs.chooseFolder(await backups.folder());
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
    'backup:begin': async ({ vaultId }) => {
      requireOpen(vaultId);
      const started = await backups.begin(vaultId);
      writeOwners.set(started.writeId, vaultId);
      return started;
    },
    'backup:append': async ({ writeId, chunk }) => {
      requireOwnWrite(writeId);
      await backups.append(writeId, fromBase64(chunk));
      return {};
    },
    'backup:commit': async ({ writeId }) => {
      requireOwnWrite(writeId);
      writeOwners.delete(writeId);
      return backups.commit(writeId);
    },
    'backup:abort': async ({ writeId }) => {
      writeOwners.delete(writeId);
      await backups.abort(writeId);
      return {};
    },
    'backup:list': async ({ vaultId }) => {
      requireOpen(vaultId);
      return {
        folder: await backups.folder(),
        folderMissing: await backups.folderMissing(),
        entries: await backups.list(vaultId),
      };
    },
    'backup:choose-file': async () => {
      const path = await options.dialogs.chooseBackupFile();
      return path ? { token: backups.rememberChosenFile(path), fileName: basename(path) } : null;
    },
    'backup:read': async ({ source, offset, length }) => {
      const { bytes, done } = await backups.read(source, offset, length);
      return { chunk: toBase64(bytes), done };
    },
    'attachment:save': async ({ vaultId, attachmentId, data }) => {
      requireOpen(vaultId);
      await attachments.save(vaultId, attachmentId, fromBase64(data));
      return {};
    },
    'attachment:read': async ({ vaultId, attachmentId }) => {
      requireOpen(vaultId);
      return { data: toBase64(await attachments.read(vaultId, attachmentId)) };
    },
    'attachment:delete': async ({ vaultId, attachmentId }) => {
      requireOpen(vaultId);
      await attachments.remove(vaultId, attachmentId);
      return {};
    },
    'templates:save-pack': async ({ suggestedName, contents }) => {
      const safeName = `${suggestedName.replace(/[^\p{L}\p{N} ._-]/gu, '').trim() || 'My templates'}.bwtemplates.json`;
      const path = await options.dialogs.chooseTemplatePackSaveLocation(safeName);
      if (!path) return { saved: false, fileName: null };
      await writeFileAtomic(path, new TextEncoder().encode(contents));
      return { saved: true, fileName: basename(path) };
    },
    'templates:open-pack': async () => {
      const path = await options.dialogs.chooseTemplatePackToOpen();
      if (!path) return null;
      const { size } = await stat(path);
      if (size > MAX_TEMPLATE_PACK_BYTES) {
        throw new HandlerError(
          'INVALID_REQUEST',
          'This file is larger than 5 MB, which is more than a template pack can be.',
        );
      }
      return { fileName: basename(path), contents: await readFile(path, 'utf8') };
    },
    'app:quit': async () => {
      options.onQuitConfirmed?.();
      return {};
    },
  };
}

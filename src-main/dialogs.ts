import type { BrowserWindow, Dialog } from 'electron';
import type { ExportFileKind } from '../src-shared/ipc/exports';
import type { AppDialogs } from './services/handlers';

/** The save dialog's title and file filter for each kind of exported file. */
const exportDialogs: Record<ExportFileKind, { title: string; filter: Electron.FileFilter }> = {
  pdf: { title: 'Save as PDF', filter: { name: 'PDF document', extensions: ['pdf'] } },
  ics: { title: 'Save calendar reminder', filter: { name: 'Calendar file', extensions: ['ics'] } },
  png: { title: 'Save image', filter: { name: 'PNG image', extensions: ['png'] } },
  csv: { title: 'Save reviews', filter: { name: 'Spreadsheet (CSV)', extensions: ['csv'] } },
};

/**
 * The native pickers the handlers use, shown as sheets of `window()` — the therapist's window,
 * which is the only role allowed to call a channel that opens a dialog (contract.test.ts).
 */
export function createElectronDialogs(
  dialog: Dialog,
  window: () => BrowserWindow | undefined,
): AppDialogs {
  async function open(options: Electron.OpenDialogOptions): Promise<string | null> {
    const parent = window();
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  return {
    chooseTemplatePackToOpen: () =>
      open({
        title: 'Import a template pack',
        filters: [{ name: 'Template pack', extensions: ['json'] }],
        properties: ['openFile'],
      }),
    async chooseTemplatePackSaveLocation(fileName) {
      const options = {
        title: 'Export templates',
        defaultPath: fileName,
        filters: [{ name: 'Template pack', extensions: ['json'] }],
      };
      const parent = window();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async chooseExportSaveLocation(fileName, kind) {
      const options = {
        title: exportDialogs[kind].title,
        defaultPath: fileName,
        filters: [exportDialogs[kind].filter],
        properties: ['showOverwriteConfirmation', 'createDirectory'] as Array<
          'showOverwriteConfirmation' | 'createDirectory'
        >,
      };
      const parent = window();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async chooseFolder(defaultPath) {
      const options = {
        title: 'Choose a folder for backups',
        defaultPath,
        properties: ['openDirectory', 'createDirectory'] as Array<
          'openDirectory' | 'createDirectory'
        >,
      };
      const parent = window();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseBackupFile() {
      const options = {
        title: 'Open a Bridgework backup',
        filters: [{ name: 'Bridgework backup', extensions: ['bwvault'] }],
        properties: ['openFile'] as Array<'openFile'>,
      };
      const parent = window();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

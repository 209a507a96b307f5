// `npm run preview`: the real app in Chromium for machines without the Electron binary.
// The renderer is served on 127.0.0.1 only; `window.bridgework` reaches the real main-process
// handlers in this Node process. Data lives where the desktop app keeps it, or in --data DIR
// (the records in a browser profile inside it, see preview-app.ts).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { defaultBackupFolder, defaultDataDir } from '../src-main/services/data-dir';
import type { AppDialogs } from '../src-main/services/handlers';
import { openPreview } from './preview-app';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const dataDir = resolve(values.data ?? defaultDataDir());

// The browser has no native folder or file pickers for the main process, so the preview asks
// for a path in this terminal instead.
async function askForPath(question: string): Promise<string | null> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  const answer = (await terminal.question(`${question} (empty to cancel): `)).trim();
  terminal.close();
  return answer ? resolve(answer) : null;
}
const dialogs: AppDialogs = {
  chooseFolder: () => askForPath('Folder for Bridgework backups'),
  chooseBackupFile: () => askForPath('Path of a .bwvault backup file'),
  chooseTemplatePackToOpen: () => askForPath('Path of a template pack to import'),
  chooseTemplatePackSaveLocation: (fileName) =>
    askForPath(`Where to save the template pack (e.g. ./${fileName})`),
  chooseExportSaveLocation: (fileName) => askForPath(`Where to save the file (e.g. ./${fileName})`),
};

const preview = await openPreview({
  dataDir,
  backupDir: defaultBackupFolder(),
  dialogs,
  headless: false,
});
console.log(
  `Bridgework preview is open (data folder: ${dataDir}). Close the browser window to stop.`,
);
await new Promise<void>((done) => preview.app.context.on('close', () => done()));
await preview.close();

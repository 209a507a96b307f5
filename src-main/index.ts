import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  session,
} from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSodium } from '../src-shared/crypto/sodium';
import type { IpcEvent } from '../src-shared/ipc/contract';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  appSchemePrivileges,
  createSecureWindow,
  hardenSession,
  hardenWebContents,
} from './hardening';
import { createElectronDialogs } from './dialogs';
import { registerIpcHandlers } from './ipc';
import { serveAppFile } from './services/app-protocol';
import { DATA_FOLDER_NAME, defaultBackupFolder } from './services/data-dir';
import { createHandlers } from './services/handlers';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;

app.setName(DATA_FOLDER_NAME);
app.setPath('userData', join(app.getPath('appData'), DATA_FOLDER_NAME));
app.enableSandbox();
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

/** How long a quit waits for the renderer's final backup. */
const QUIT_BACKUP_TIMEOUT_MS = 20_000;
let quitConfirmed = false;

function sendToAllWindows(event: IpcEvent): void {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, {});
}

function createMainWindow(): BrowserWindow {
  const window = createSecureWindow(BrowserWindow, preloadPath);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}

function buildMenu(): Menu {
  const lockItem = {
    label: 'Lock vault',
    accelerator: 'CmdOrCtrl+L',
    click: () => sendToAllWindows('vault:lock-requested'),
  };
  return Menu.buildFromTemplate([
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [lockItem, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  // Before quitting, the renderer backs up and locks (it holds the key); it then calls
  // `app:quit`. If it does not answer in time the app quits anyway: locking matters more.
  app.on('before-quit', (event) => {
    if (quitConfirmed || BrowserWindow.getAllWindows().length === 0) return;
    event.preventDefault();
    sendToAllWindows('app:quit-requested');
    setTimeout(() => {
      quitConfirmed = true;
      app.quit();
    }, QUIT_BACKUP_TIMEOUT_MS);
  });

  void app.whenReady().then(async () => {
    await loadSodium();
    hardenSession(session.defaultSession, devServerOrigin);
    protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererRoot, request.url));
    const handlers = createHandlers({
      dataDir: app.getPath('userData'),
      defaultBackupFolder: defaultBackupFolder(app.getPath('documents')),
      dialogs: createElectronDialogs(dialog, () => BrowserWindow.getAllWindows()[0]),
      onQuitConfirmed: () => {
        quitConfirmed = true;
        app.quit();
      },
    });
    registerIpcHandlers(ipcMain, handlers, devServerOrigin);
    Menu.setApplicationMenu(buildMenu());
    powerMonitor.on('suspend', () => sendToAllWindows('vault:lock-requested'));
    powerMonitor.on('lock-screen', () => sendToAllWindows('vault:lock-requested'));
    createMainWindow();
  });
}

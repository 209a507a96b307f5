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
import type { WindowRole } from '../src-shared/ipc/contract';
import {
  APP_SCHEME,
  appPageUrl,
  appSchemePrivileges,
  createSecureWindow,
  hardenSession,
  hardenWebContents,
} from './hardening';
import { createElectronDialogs } from './dialogs';
import { registerIpcHandlers } from './ipc';
import { serveAppFile } from './services/app-protocol';
import { emitEvent } from './services/app-windows';
import { DATA_FOLDER_NAME, defaultBackupFolder } from './services/data-dir';
import { createHandlers } from './services/handlers';
import { createLockRequest, lockWhenSteppingAway } from './services/lock-requests';
import { createWindowRegistry } from './windows';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = join(here, '../renderer');
/** Each kind of window has its own preload, exposing only what that window may call. */
const preloadPaths: Record<WindowRole, string> = {
  therapist: join(here, '../preload/index.cjs'),
  'client-view': join(here, '../preload/client-view.cjs'),
};
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;

app.setName(DATA_FOLDER_NAME);
app.setPath('userData', join(app.getPath('appData'), DATA_FOLDER_NAME));
app.enableSandbox();
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

/** How long a quit waits for the renderer's final backup. */
const QUIT_BACKUP_TIMEOUT_MS = 20_000;
let quitConfirmed = false;

const windows = createWindowRegistry((role) => {
  const window = createSecureWindow(BrowserWindow, role, preloadPaths[role]);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appPageUrl(role, devServerUrl));
  return window;
});

function buildMenu(requestLock: () => void): Menu {
  const lockItem = { label: 'Lock vault', accelerator: 'CmdOrCtrl+L', click: requestLock };
  return Menu.buildFromTemplate([
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [lockItem, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]);
}

async function start(): Promise<void> {
  await loadSodium();
  hardenSession(session.defaultSession, devServerOrigin);
  protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererRoot, request.url));
  const handlers = createHandlers({
    dataDir: app.getPath('userData'),
    defaultBackupFolder: defaultBackupFolder(app.getPath('documents')),
    // Only the therapist's window may call a channel that opens a dialog (contract.test.ts),
    // so parenting every dialog to it parents it to the window that asked.
    dialogs: createElectronDialogs(dialog, () => windows.get('therapist')),
    windows,
    onQuitConfirmed: () => {
      quitConfirmed = true;
      app.quit();
    },
  });
  registerIpcHandlers(ipcMain, handlers, { roleOf: windows.roleOf, devServerOrigin });

  const requestLock = createLockRequest(handlers, windows);
  Menu.setApplicationMenu(buildMenu(() => void requestLock()));
  lockWhenSteppingAway(powerMonitor, requestLock);
  // A client view closed by its own close button: main forgets what it showed and the therapist's
  // window hears that it has gone.
  windows.onClosed((role) => {
    if (role === 'client-view') void handlers['client-view:close']({});
  });
  // The therapist's window opens with the capture protection the settings ask for (on if they
  // cannot be read).
  const { protectTherapistWindow } = await handlers['settings:get']({}).catch(() => ({
    protectTherapistWindow: true,
  }));
  await windows.protectTherapistWindow(protectTherapistWindow);
  windows.open('therapist');
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => windows.focus('therapist'));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  // Before quitting, the therapist's window backs up and locks (it holds the key); it then calls
  // `app:quit`. If it does not answer in time the app quits anyway: locking matters more.
  app.on('before-quit', (event) => {
    if (quitConfirmed || !windows.get('therapist')) return;
    event.preventDefault();
    void emitEvent(windows, 'app:quit-requested', {});
    setTimeout(() => {
      quitConfirmed = true;
      app.quit();
    }, QUIT_BACKUP_TIMEOUT_MS);
  });

  void app.whenReady().then(start);
}

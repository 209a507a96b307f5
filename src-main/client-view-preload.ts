import { contextBridge, ipcRenderer } from 'electron';
import type { ClientViewApi } from '../src-shared/ipc/contract';
import { windowChannels, windowEvents } from '../src-shared/ipc/window';
import { buildWindowApi } from './preload-api';

/**
 * The client view's preload: `window.bridgework` with only what a display needs — say it is
 * ready, hide itself (its hide key), and hear what to show (`client-view:display`). It imports the window domain's channels
 * only, so no vault, backup, attachment or settings channel exists in this bundle at all (the
 * build test checks). Built as one CommonJS file like the therapist's preload.
 */
const api: ClientViewApi = buildWindowApi(ipcRenderer, 'client-view', windowChannels, windowEvents);

contextBridge.exposeInMainWorld('bridgework', api);

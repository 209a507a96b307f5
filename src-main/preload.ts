import { contextBridge, ipcRenderer } from 'electron';
import { type BridgeworkApi, ipcContract, ipcEvents } from '../src-shared/ipc/contract';
import { buildWindowApi } from './preload-api';

/**
 * The therapist window's preload: exposes exactly one object, `window.bridgework`, built from
 * the IPC contract — one function per channel the therapist's window may call and `on` for its
 * events. `ipcRenderer` itself never reaches the page. Built as one CommonJS file (a sandboxed
 * preload can load nothing else).
 */
const api: BridgeworkApi = buildWindowApi(ipcRenderer, 'therapist', ipcContract, ipcEvents);

contextBridge.exposeInMainWorld('bridgework', api);

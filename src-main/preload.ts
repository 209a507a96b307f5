import { contextBridge, ipcRenderer } from 'electron';
import {
  type BridgeworkApi,
  ipcChannels,
  ipcEvents,
  type IpcEvent,
} from '../src-shared/ipc/contract';

/**
 * The preload exposes exactly one object, `window.bridgework`, built from the IPC contract:
 * one function per channel and `on` for the contract's events. `ipcRenderer` itself never
 * reaches the page. Built as one CommonJS file (a sandboxed preload can load nothing else).
 */
const invokers = Object.fromEntries(
  ipcChannels.map((channel) => [
    channel,
    (request: unknown) => ipcRenderer.invoke(channel, request),
  ]),
);

function on(event: IpcEvent, listener: () => void): () => void {
  if (!Object.hasOwn(ipcEvents, event)) throw new Error('unknown event');
  const wrapped = () => listener();
  ipcRenderer.on(event, wrapped);
  return () => ipcRenderer.removeListener(event, wrapped);
}

const api = { ...invokers, on } as BridgeworkApi;

contextBridge.exposeInMainWorld('bridgework', api);

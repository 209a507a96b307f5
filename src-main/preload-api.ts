import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { namesFor, type Roles, type WindowRole } from '../src-shared/ipc/channel';
import type { WindowApi } from '../src-shared/ipc/contract';

type Specs = { readonly [name: string]: { readonly roles: Roles } };

/**
 * Builds `window.bridgework` for a window of `role`: one function per channel of `channels`
 * that the role may call, and `on` for the events of `events` it receives. Nothing else, and
 * never `ipcRenderer` itself. Takes `ipcRenderer` as a parameter so it is tested without
 * Electron; each preload passes only the channel maps it needs, so the client view's bundle
 * never even contains the names of the vault's channels.
 */
export function buildWindowApi<R extends WindowRole>(
  ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
  role: R,
  channels: Specs,
  events: Specs,
): WindowApi<R> {
  const eventNames: readonly string[] = namesFor(events, role);
  const api: Record<string, unknown> = Object.fromEntries(
    namesFor(channels, role).map((channel) => [
      channel,
      (request: unknown) => ipcRenderer.invoke(channel, request),
    ]),
  );
  api.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!eventNames.includes(event)) throw new Error('unknown event');
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => void ipcRenderer.removeListener(event, wrapped);
  };
  // The shape is the contract's: the same maps, filtered by the same roles.
  return Object.freeze(api) as WindowApi<R>;
}

import type { z } from 'zod';
import { attachmentChannels } from './attachments';
import { backupChannels } from './backups';
import {
  type ChannelMap,
  type EventMap,
  namesFor,
  type NamesFor,
  type WindowRole,
} from './channel';
import { exportChannels } from './exports';
import type { IpcResult } from './result';
import { settingsChannels } from './settings';
import { templateChannels } from './templates';
import { vaultChannels, vaultEvents } from './vault';
import { windowChannels, windowEvents } from './window';

/**
 * The one IPC contract between the renderers and main, merged from one file per domain
 * (vault, settings, backups, attachments, templates, exports, window). Every channel has the
 * zod schema of its request and response and the window roles that may call it; every event
 * has the schema of its payload and the roles it is delivered to. The preloads build `window.bridgework` from
 * it, one role each; main registers handlers for exactly these channels, checks the sender's
 * role and parses every payload with these schemas. Bytes cross as base64 text so the same
 * payloads work over Electron IPC and the test harness.
 */

export { vaultIdSchema } from './schemas';
export { type VaultSummary, vaultSummarySchema } from './vault';
export { settingsViewSchema } from './settings';
export {
  type BackupEntry,
  backupEntrySchema,
  type BackupSource,
  backupSourceSchema,
} from './backups';
export {
  type ClientViewDisplay,
  clientViewDisplaySchema,
  type ClientViewSnapshot,
  clientViewSnapshotSchema,
} from './window';
export { type WindowRole, windowRoles } from './channel';

/** Every request/response channel. Domain prefixes keep the merged names from colliding. */
export const ipcContract = {
  ...vaultChannels,
  ...settingsChannels,
  ...backupChannels,
  ...attachmentChannels,
  ...templateChannels,
  ...exportChannels,
  ...windowChannels,
} as const satisfies ChannelMap;

/** Main → renderer events: name → payload schema and the roles that receive it. */
export const ipcEvents = { ...vaultEvents, ...windowEvents } as const satisfies EventMap;

type Contract = typeof ipcContract;
type Events = typeof ipcEvents;

/** A request/response channel name. */
export type IpcChannel = keyof Contract;
/** A main → renderer event name. */
export type IpcEvent = keyof Events;
/** The request type of a channel. */
export type IpcRequest<C extends IpcChannel> = z.input<Contract[C]['request']>;
/** The response type of a channel. */
export type IpcResponse<C extends IpcChannel> = z.output<Contract[C]['response']>;
/** The payload type of an event. */
export type IpcEventPayload<E extends IpcEvent> = z.output<Events[E]['payload']>;

/** The channels a window of role `R` may call. */
export type ChannelFor<R extends WindowRole> = NamesFor<Contract, R>;
/** The events a window of role `R` receives. */
export type EventFor<R extends WindowRole> = NamesFor<Events, R>;
/** The channels of the therapist's window. */
export type TherapistChannel = ChannelFor<'therapist'>;

/** The channel names, for the preloads and the test harness. */
export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

/** The channels a window of `role` may call. */
export function channelsFor<R extends WindowRole>(role: R): ChannelFor<R>[] {
  return namesFor(ipcContract, role);
}

/** The events a window of `role` receives. */
export function eventsFor<R extends WindowRole>(role: R): EventFor<R>[] {
  return namesFor(ipcEvents, role);
}

/** Whether a window of `role` may call `channel`. */
export function mayCall(role: WindowRole, channel: IpcChannel): boolean {
  return (ipcContract[channel].roles as readonly WindowRole[]).includes(role);
}

/** `window.bridgework` in a window of role `R`: one function per channel it may call, and `on`. */
export type WindowApi<R extends WindowRole> = {
  readonly [C in ChannelFor<R>]: (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
} & {
  /** Subscribes to a main → renderer event of this role; returns the unsubscribe function. */
  readonly on: <E extends EventFor<R>>(
    event: E,
    listener: (payload: IpcEventPayload<E>) => void,
  ) => () => void;
};

/** `window.bridgework` in the therapist's window. */
export type BridgeworkApi = WindowApi<'therapist'>;
/** `window.bridgework` in the client view: `client-view:ready`, `client-view:hide` and its display event. */
export type ClientViewApi = WindowApi<'client-view'>;

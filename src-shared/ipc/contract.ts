import { z } from 'zod';
import type { IpcResult } from './result';

/**
 * The one IPC contract between renderer and main: every channel with the zod schema of its
 * request and response. Preload builds `window.bridgework` from it; main registers handlers
 * for exactly these channels and parses every payload with these schemas. Bytes cross as
 * base64 text so the same payloads work over Electron IPC and the test harness.
 */

const base64Schema = z
  .string()
  .max(1_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64 text');

/** A vault id: 32 lower-case hex characters (16 random bytes). */
export const vaultIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a vault id');

/** What the start screen knows of a vault before it is unlocked. */
export const vaultSummarySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready'), vaultId: vaultIdSchema, name: z.string() }),
  z.object({
    status: z.literal('unreadable'),
    vaultId: vaultIdSchema,
    /** A VaultErrorCode saying why the header could not be read. */
    problem: z.string(),
  }),
]);

/** A vault as listed on the start screen. */
export type VaultSummary = z.infer<typeof vaultSummarySchema>;

/** Every request/response channel. */
export const ipcContract = {
  'vault:list': {
    request: z.object({}).strict(),
    response: z.array(vaultSummarySchema),
  },
  'vault:create': {
    request: z.object({ header: base64Schema }).strict(),
    response: vaultSummarySchema,
  },
  'vault:read-header': {
    request: z.object({ vaultId: vaultIdSchema }).strict(),
    response: z.object({ header: base64Schema }),
  },
} as const;

/** Main → renderer events: name → payload schema. */
export const ipcEvents = {
  /** The clinician asked to lock (menu or global shortcut), or the system is going to sleep. */
  'vault:lock-requested': z.object({}).strict(),
} as const;

/** A request/response channel name. */
export type IpcChannel = keyof typeof ipcContract;
/** A main → renderer event name. */
export type IpcEvent = keyof typeof ipcEvents;
/** The request type of a channel. */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** The response type of a channel. */
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;

/** The channel names, for the preload and the test harness. */
export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

/** `window.bridgework`: one function per channel, plus a way to listen to events. */
export type BridgeworkApi = {
  readonly [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
} & {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  readonly on: (event: IpcEvent, listener: () => void) => () => void;
};

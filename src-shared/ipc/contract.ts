import { z } from 'zod';
import { MAX_STORED_ATTACHMENT_BYTES } from '../domain/attachment';
import { appSettingsSchema } from '../domain/settings';
import type { IpcResult } from './result';

/**
 * The one IPC contract between renderer and main: every channel with the zod schema of its
 * request and response. Preload builds `window.bridgework` from it; main registers handlers
 * for exactly these channels and parses every payload with these schemas. Bytes cross as
 * base64 text so the same payloads work over Electron IPC and the test harness.
 */

/** Standard base64 text: whole groups of four characters, padded with `=` at the end. */
const base64Schema = z
  .string()
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'not base64 text');

/** A vault header in base64; headers are a few hundred bytes, so anything over 64 KiB is refused. */
const headerSchema = base64Schema.max(90_000);

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

/** One backup file as listed in Settings. */
export const backupEntrySchema = z.object({
  fileName: z.string(),
  /** When the backup was written (ms since the Unix epoch). */
  createdAt: z.number(),
  sizeBytes: z.number().int().nonnegative(),
  /** 'verified': structure and checksum are intact; 'damaged': it cannot be restored. */
  status: z.enum(['verified', 'damaged']),
  /** Why a damaged backup cannot be used, in words for the clinician. */
  problem: z.string().optional(),
  recordCount: z.number().int().nonnegative(),
});

/** A backup file as listed in Settings. */
export type BackupEntry = z.infer<typeof backupEntrySchema>;

/** Settings as the renderer sees them, with the backup folder resolved to a path. */
export const settingsViewSchema = appSettingsSchema.extend({ effectiveBackupFolder: z.string() });

/**
 * What the renderer may change in the settings. The backup folder is not among them: main
 * sets it only from its own folder dialog (`settings:choose-backup-folder`) or back to the
 * default (`settings:use-default-backup-folder`), so a renderer can never point main at a path.
 * Fields are exactly optional: one sent as `undefined` is refused, not half-applied.
 */
const settingsChangeSchema = z
  .object({ autoLockMinutes: appSettingsSchema.shape.autoLockMinutes.exactOptional() })
  .strict();

/** Where a restore reads from: a backup in the backup folder, or a file picked in a dialog. */
export const backupSourceSchema = z.union([
  z.object({ fileName: z.string().max(200) }).strict(),
  z.object({ token: z.string().regex(/^[0-9a-f]{32}$/) }).strict(),
]);

/** A backup source. */
export type BackupSource = z.infer<typeof backupSourceSchema>;

const recordIdLike = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not an attachment id');
/** An encrypted attachment in base64: at most about 20 MB of content. */
const attachmentDataSchema = base64Schema.max(Math.ceil(MAX_STORED_ATTACHMENT_BYTES / 3) * 4);
const writeIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a backup write id');
/** Largest base64 chunk of backup bytes in one call (4 MiB of bytes). */
const chunkSchema = base64Schema.max(Math.ceil((4 * 1024 * 1024) / 3) * 4);

/** Every request/response channel. */
export const ipcContract = {
  'vault:list': {
    request: z.object({}).strict(),
    response: z.array(vaultSummarySchema),
  },
  'vault:create': {
    request: z.object({ header: headerSchema }).strict(),
    response: vaultSummarySchema,
  },
  'vault:read-header': {
    request: z.object({ vaultId: vaultIdSchema }).strict(),
    response: z.object({ header: base64Schema }),
  },
  /** Replaces a vault's header (new passphrase, new recovery key, new name) atomically. */
  'vault:replace-header': {
    request: z.object({ vaultId: vaultIdSchema, header: headerSchema }).strict(),
    response: vaultSummarySchema,
  },
  /** Removes a vault's key file and folder from this computer (backups stay). */
  'vault:remove': {
    request: z.object({ vaultId: vaultIdSchema }).strict(),
    response: z.object({}),
  },
  /** The renderer unlocked a vault; backup channels for it are open until `vault:closed`. */
  'vault:opened': {
    request: z.object({ vaultId: vaultIdSchema }).strict(),
    response: z.object({}),
  },
  /** The renderer locked; every vault-bound channel answers LOCKED from now on. */
  'vault:closed': {
    request: z.object({}).strict(),
    response: z.object({}),
  },
  'settings:get': {
    request: z.object({}).strict(),
    response: settingsViewSchema,
  },
  'settings:update': {
    request: settingsChangeSchema,
    response: settingsViewSchema,
  },
  /** Opens a folder picker; the chosen folder becomes the backup folder. Cancelling changes nothing. */
  'settings:choose-backup-folder': {
    request: z.object({}).strict(),
    response: settingsViewSchema,
  },
  /** Backups go to the default folder again (offered when the chosen one has gone missing). */
  'settings:use-default-backup-folder': {
    request: z.object({}).strict(),
    response: settingsViewSchema,
  },
  'backup:begin': {
    request: z.object({ vaultId: vaultIdSchema }).strict(),
    response: z.object({ writeId: writeIdSchema }),
  },
  'backup:append': {
    request: z.object({ writeId: writeIdSchema, chunk: chunkSchema }).strict(),
    response: z.object({}),
  },
  'backup:commit': {
    request: z.object({ writeId: writeIdSchema }).strict(),
    response: backupEntrySchema,
  },
  'backup:abort': {
    request: z.object({ writeId: writeIdSchema }).strict(),
    response: z.object({}),
  },
  'backup:list': {
    request: z.object({ vaultId: vaultIdSchema }).strict(),
    response: z.object({
      folder: z.string(),
      /** The chosen backup folder can't be found (moved, renamed, or on a drive not connected). */
      folderMissing: z.boolean(),
      entries: z.array(backupEntrySchema),
    }),
  },
  /** Opens a file picker for a `.bwvault` file; null when cancelled. */
  'backup:choose-file': {
    request: z.object({}).strict(),
    response: z.object({ token: z.string(), fileName: z.string() }).nullable(),
  },
  /** Streams a backup to the renderer for a restore, one chunk at a time. */
  'backup:read': {
    request: z
      .object({
        source: backupSourceSchema,
        offset: z.number().int().nonnegative(),
        length: z
          .number()
          .int()
          .positive()
          .max(4 * 1024 * 1024),
      })
      .strict(),
    response: z.object({ chunk: base64Schema.max(6 * 1024 * 1024), done: z.boolean() }),
  },
  /** Stores an encrypted worksheet file (a therapist's own PDF or image). */
  'attachment:save': {
    request: z
      .object({ vaultId: vaultIdSchema, attachmentId: recordIdLike, data: attachmentDataSchema })
      .strict(),
    response: z.object({}),
  },
  /** Reads an encrypted worksheet file back. */
  'attachment:read': {
    request: z.object({ vaultId: vaultIdSchema, attachmentId: recordIdLike }).strict(),
    response: z.object({ data: attachmentDataSchema }),
  },
  'attachment:delete': {
    request: z.object({ vaultId: vaultIdSchema, attachmentId: recordIdLike }).strict(),
    response: z.object({}),
  },
  /** Saves a template pack (template content only, no client data) where the clinician chooses. */
  'templates:save-pack': {
    request: z
      .object({ suggestedName: z.string().max(120), contents: z.string().max(6 * 1024 * 1024) })
      .strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  /** Opens a template pack the clinician picks (at most 5 MB); null when cancelled. */
  'templates:open-pack': {
    request: z.object({}).strict(),
    response: z.object({ fileName: z.string(), contents: z.string() }).nullable(),
  },
  /** The renderer has backed up and locked after `app:quit-requested`; the app may quit. */
  'app:quit': {
    request: z.object({}).strict(),
    response: z.object({}),
  },
} as const;

/** Main → renderer events: name → payload schema. */
export const ipcEvents = {
  /** The clinician asked to lock (menu or global shortcut), or the system is going to sleep. */
  'vault:lock-requested': z.object({}).strict(),
  /** The app is quitting: back up and lock, then call `app:quit`. */
  'app:quit-requested': z.object({}).strict(),
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

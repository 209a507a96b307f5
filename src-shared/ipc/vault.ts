import { z } from 'zod';
import type { ChannelMap, EventMap } from './channel';
import { base64Schema, emptyRequestSchema, emptyResponseSchema, vaultIdSchema } from './schemas';

/** Vault channels: the key files main keeps, and which vault the therapist's window has open. */

/** A vault header in base64; headers are a few hundred bytes, so anything over 64 KiB is refused. */
const headerSchema = base64Schema.max(90_000);

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

/** The vault channels; only the therapist's window holds a vault, so only it may call them. */
export const vaultChannels = {
  'vault:list': {
    request: emptyRequestSchema,
    response: z.array(vaultSummarySchema),
    roles: ['therapist'],
  },
  'vault:create': {
    request: z.object({ header: headerSchema }).strict(),
    response: vaultSummarySchema,
    roles: ['therapist'],
  },
  'vault:read-header': {
    request: z.object({ vaultId: vaultIdSchema }).strict(),
    response: z.object({ header: base64Schema }),
    roles: ['therapist'],
  },
  /** Replaces a vault's header (new passphrase, new recovery key, new name) atomically. */
  'vault:replace-header': {
    request: z.object({ vaultId: vaultIdSchema, header: headerSchema }).strict(),
    response: vaultSummarySchema,
    roles: ['therapist'],
  },
  /** Removes a vault's key file and folder from this computer (backups stay). */
  'vault:remove': {
    request: z.object({ vaultId: vaultIdSchema }).strict(),
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
  /** The renderer unlocked a vault; backup channels for it are open until `vault:closed`. */
  'vault:opened': {
    request: z.object({ vaultId: vaultIdSchema }).strict(),
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
  /**
   * The renderer locked; every vault-bound channel answers LOCKED from now on, and the client
   * view drops what it showed and returns to its placeholder.
   */
  'vault:closed': {
    request: emptyRequestSchema,
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
} as const satisfies ChannelMap<'vault'>;

/** Vault events, for the therapist's window only. */
export const vaultEvents = {
  /** The clinician asked to lock (menu or global shortcut), or the system is going to sleep. */
  'vault:lock-requested': { payload: z.object({}).strict(), roles: ['therapist'] },
} as const satisfies EventMap<'vault'>;

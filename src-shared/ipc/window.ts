import { z } from 'zod';
import type { ChannelMap, EventMap } from './channel';
import { emptyRequestSchema, emptyResponseSchema } from './schemas';

/**
 * Window channels: quitting, and the client view — the second window, which the clinician
 * shares with a client. The therapist's window opens, fills, blanks and closes it; the client
 * view itself can only say it is ready, and main answers with what it should show.
 */

/** Text for a client to read: plain text, rendered as text (never HTML), with a length limit. */
const clientText = (maxLength: number) => z.string().max(maxLength);

/**
 * What the client view shows: a title and a few headed sections of plain text. Deliberately
 * small and generic for now; the screens that fill it will shape it.
 */
export const clientViewSnapshotSchema = z
  .object({
    title: clientText(200).min(1),
    sections: z
      .array(z.object({ heading: clientText(200), body: clientText(4000) }).strict())
      .max(12),
  })
  .strict();

/** A client-facing snapshot. */
export type ClientViewSnapshot = z.infer<typeof clientViewSnapshotSchema>;

/**
 * The client view's whole state, as main keeps it and sends it: `waiting` (the calm placeholder:
 * nothing shown yet), `blank` (hidden at once by the clinician), or a snapshot.
 */
export const clientViewDisplaySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('waiting') }).strict(),
  z.object({ mode: z.literal('blank') }).strict(),
  z.object({ mode: z.literal('snapshot'), snapshot: clientViewSnapshotSchema }).strict(),
]);

/** What the client view shows. */
export type ClientViewDisplay = z.infer<typeof clientViewDisplaySchema>;

/** The window channels. */
export const windowChannels = {
  /** The renderer has backed up and locked after `app:quit-requested`; the app may quit. */
  'app:quit': {
    request: emptyRequestSchema,
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
  /** Opens the client view (its placeholder until something is shown), or brings it forward. */
  'client-view:open': {
    request: emptyRequestSchema,
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
  /** Shows a snapshot on the client view. Only while a vault is open: it is client data. */
  'client-view:show': {
    request: z.object({ snapshot: clientViewSnapshotSchema }).strict(),
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
  /** Blanks the client view at once; main forgets the snapshot it showed. */
  'client-view:blank': {
    request: emptyRequestSchema,
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
  /** Closes the client view; main forgets the snapshot it showed. */
  'client-view:close': {
    request: emptyRequestSchema,
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
  /**
   * The client view has loaded and listens for `client-view:display`; main answers by sending
   * it what it should show now. The only channel the client view has.
   */
  'client-view:ready': {
    request: emptyRequestSchema,
    response: emptyResponseSchema,
    roles: ['client-view'],
  },
} as const satisfies ChannelMap<'app' | 'client-view'>;

/** The window events. */
export const windowEvents = {
  /** The app is quitting: back up and lock, then call `app:quit`. */
  'app:quit-requested': { payload: z.object({}).strict(), roles: ['therapist'] },
  /** What the client view shows from now on; sent to the client view only. */
  'client-view:display': { payload: clientViewDisplaySchema, roles: ['client-view'] },
} as const satisfies EventMap<'app' | 'client-view'>;

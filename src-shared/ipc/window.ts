import { z } from 'zod';
import type { ChannelMap, EventMap } from './channel';
import { emptyRequestSchema, emptyResponseSchema } from './schemas';

/**
 * Window channels: quitting, and the client view — the second window, which the clinician
 * shares with a client. The therapist's window opens, fills, blanks and closes it; the client
 * view itself can only say it is ready (main answers with what it should show) and hide itself.
 */

/**
 * How long each piece of client-facing text may be, and how many of each there may be. The
 * projection (`domain/client-view-projection.ts`) shortens longer text to fit, with an ellipsis,
 * so a snapshot built from anything the therapist typed always passes.
 */
export const clientViewLimits = {
  eyebrow: 120,
  title: 200,
  heading: 200,
  body: 4000,
  itemText: 600,
  itemDetail: 600,
  itemTag: 40,
  items: 20,
  sections: 12,
} as const;

/** Text for a client to read: plain text, rendered as text (never HTML), not empty, with a length limit. */
const clientText = (maxLength: number) => z.string().min(1).max(maxLength);

/**
 * One entry of a list on the client view: a step, a goal, a barrier with its if-then (`detail`),
 * a rung of the ladder with `tag` "This week" beside the one chosen.
 */
export const clientViewItemSchema = z
  .object({
    text: clientText(clientViewLimits.itemText),
    detail: clientText(clientViewLimits.itemDetail).optional(),
    tag: clientText(clientViewLimits.itemTag).optional(),
  })
  .strict();

/** A headed section of the client view: a paragraph (`body`) or a list (`items`), never empty. */
export const clientViewSectionSchema = z.union([
  z
    .object({
      heading: clientText(clientViewLimits.heading),
      body: clientText(clientViewLimits.body),
    })
    .strict(),
  z
    .object({
      heading: clientText(clientViewLimits.heading),
      items: z.array(clientViewItemSchema).min(1).max(clientViewLimits.items),
    })
    .strict(),
]);

/**
 * What the client view shows: a quiet line above the title (`eyebrow`, e.g. "This week’s plan ·
 * Start small"), a title, and headed sections of plain text or short lists. Every field is plain
 * text with a limit, and nothing else fits: no ids, no dates, no markup.
 */
export const clientViewSnapshotSchema = z
  .object({
    eyebrow: clientText(clientViewLimits.eyebrow).optional(),
    title: clientText(clientViewLimits.title),
    sections: z.array(clientViewSectionSchema).max(clientViewLimits.sections),
  })
  .strict();

/** A client-facing snapshot. */
export type ClientViewSnapshot = z.infer<typeof clientViewSnapshotSchema>;

/** One section of a snapshot. */
export type ClientViewSection = z.infer<typeof clientViewSectionSchema>;

/** One list entry of a section. */
export type ClientViewItem = z.infer<typeof clientViewItemSchema>;

/**
 * The client view's whole state, as main keeps it and sends it: `waiting` (the calm placeholder:
 * nothing shown yet), `blank` (hidden at once, by the clinician or the client view's hide key),
 * or a snapshot.
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
  /**
   * Shows a snapshot on the client view, or its calm placeholder again (`snapshot: null`: the
   * screen that filled it has gone). Only while a vault is open: it is client data. Once hidden
   * (blanked by the therapist or by the client view's own hide key) it stays blank until the
   * therapist shows it again on purpose (`reveal: true`); `shown` says whether it was shown.
   */
  'client-view:show': {
    request: z
      .object({
        snapshot: clientViewSnapshotSchema.nullable(),
        reveal: z.boolean().exactOptional(),
      })
      .strict(),
    response: z.object({ shown: z.boolean() }).strict(),
    roles: ['therapist'],
  },
  /** Blanks the client view at once and keeps it blank; main forgets the snapshot it showed. */
  'client-view:blank': {
    request: emptyRequestSchema,
    response: emptyResponseSchema,
    roles: ['therapist'],
  },
  /**
   * Puts the client view in full screen on the display it is on, or back in a window: the
   * clinician drags it to the display the client sees, then fills that display with it.
   */
  'client-view:full-screen': {
    request: z.object({ on: z.boolean() }).strict(),
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
   * it what it should show now.
   */
  'client-view:ready': {
    request: emptyRequestSchema,
    response: emptyResponseSchema,
    roles: ['client-view'],
  },
  /**
   * The hide key was pressed in the client view (Ctrl/⌘+Shift+H): main blanks it, forgets the
   * snapshot and tells the therapist's window (`client-view:hidden`). The client view's only
   * other channel.
   */
  'client-view:hide': {
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
  /** The client view was hidden from its own window (its hide key); the therapist's shows "hidden". */
  'client-view:hidden': { payload: z.object({}).strict(), roles: ['therapist'] },
  /** The client view's window has closed (by the therapist, or by its own close button). */
  'client-view:closed': { payload: z.object({}).strict(), roles: ['therapist'] },
} as const satisfies EventMap<'app' | 'client-view'>;

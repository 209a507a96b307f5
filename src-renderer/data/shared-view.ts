import type { ClientViewSnapshot } from '../../src-shared/ipc/contract';
import { callMain } from './ipc-client';
import { onMainEvent } from './main-events';

/**
 * The shared view (the client view window) as main runs it: open, show, blank and close it, and
 * hear when it was hidden from its own window or closed. Main keeps what it shows and relays it
 * to that window only (src-main/services/client-view-relay.ts).
 */

/** Opens the shared view (its calm placeholder until something is shown), or brings it forward. */
export const openSharedView = (): Promise<unknown> => callMain('client-view:open', {});

/**
 * Shows a snapshot on the shared view, or its placeholder again for `null`. A hidden view stays
 * blank unless `reveal` (the therapist's "Show again"); resolves to whether it was shown.
 */
export async function showOnSharedView(
  snapshot: ClientViewSnapshot | null,
  options: { reveal?: boolean } = {},
): Promise<boolean> {
  const request = options.reveal ? { snapshot, reveal: true } : { snapshot };
  return (await callMain('client-view:show', request)).shown;
}

/** Blanks the shared view at once; main forgets what it showed. */
export const blankSharedView = (): Promise<unknown> => callMain('client-view:blank', {});

/** Fills the display the shared view is on with it, or puts it back in a window. */
export const setSharedViewFullScreen = (on: boolean): Promise<unknown> =>
  callMain('client-view:full-screen', { on });

/** Closes the shared view; main forgets what it showed. */
export const closeSharedView = (): Promise<unknown> => callMain('client-view:close', {});

/** Listens for the shared view being hidden from its own window (its hide key); returns the removal. */
export const onSharedViewHidden = (listener: () => void): (() => void) =>
  onMainEvent('client-view:hidden', listener);

/** Listens for the shared view's window closing, however it closed; returns the removal. */
export const onSharedViewClosed = (listener: () => void): (() => void) =>
  onMainEvent('client-view:closed', listener);

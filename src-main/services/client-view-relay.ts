import type { ClientViewDisplay, ClientViewSnapshot } from '../../src-shared/ipc/contract';
import { type AppWindows, emitEvent } from './app-windows';

/**
 * What the client view shows, kept by main and relayed to the client-view window only. Main
 * keeps the latest state so a client view that opens (or reloads) later asks for it with
 * `client-view:ready`. Blanking, hiding, closing and locking drop the snapshot: main holds client
 * text no longer than it is on screen.
 */
export function createClientViewRelay(windows: AppWindows) {
  let display: ClientViewDisplay = { mode: 'waiting' };

  function set(next: ClientViewDisplay): Promise<void> {
    display = next;
    return emitEvent(windows, 'client-view:display', display);
  }

  return {
    /** What the client view shows now. */
    current: (): ClientViewDisplay => display,
    open: () => windows.openClientView(),
    /**
     * Shows a snapshot, or the placeholder for `null`. A hidden (blank) client view stays blank
     * unless the therapist shows it again on purpose (`reveal`), so a snapshot sent while the
     * hide key was being pressed cannot bring the screen back. Says whether it was shown.
     */
    async show(
      snapshot: ClientViewSnapshot | null,
      { reveal = false }: { reveal?: boolean } = {},
    ): Promise<boolean> {
      if (display.mode === 'blank' && !reveal) return false;
      await set(snapshot ? { mode: 'snapshot', snapshot } : { mode: 'waiting' });
      return true;
    },
    blank: () => set({ mode: 'blank' }),
    /**
     * The client view's own hide key: blank it and forget the snapshot, as the therapist's
     * blanking does, and tell the therapist's window so its controls say "hidden".
     */
    async hide(): Promise<void> {
      await set({ mode: 'blank' });
      await emitEvent(windows, 'client-view:hidden', {});
    },
    /** Back to the placeholder (the vault locked). */
    reset: () => set({ mode: 'waiting' }),
    /** Sends the current state again, to a client view that has just said it is ready. */
    resend: () => emitEvent(windows, 'client-view:display', display),
    /**
     * Closes the client view (also called when its window was closed some other way) and tells
     * the therapist's window it has gone.
     */
    async close(): Promise<void> {
      display = { mode: 'waiting' };
      await windows.closeClientView();
      await emitEvent(windows, 'client-view:closed', {});
    },
  };
}

/** The client view's state in main. */
export type ClientViewRelay = ReturnType<typeof createClientViewRelay>;

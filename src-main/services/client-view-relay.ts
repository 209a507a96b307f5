import type { ClientViewDisplay, ClientViewSnapshot } from '../../src-shared/ipc/contract';
import { type AppWindows, emitEvent } from './app-windows';

/**
 * What the client view shows, kept by main and relayed to the client-view window only. Main
 * keeps the latest state so a client view that opens (or reloads) later asks for it with
 * `client-view:ready`. Blanking, closing and locking drop the snapshot: main holds client text
 * no longer than it is on screen.
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
    show: (snapshot: ClientViewSnapshot) => set({ mode: 'snapshot', snapshot }),
    blank: () => set({ mode: 'blank' }),
    /** Back to the placeholder (the vault locked). */
    reset: () => set({ mode: 'waiting' }),
    /** Sends the current state again, to a client view that has just said it is ready. */
    resend: () => emitEvent(windows, 'client-view:display', display),
    async close(): Promise<void> {
      display = { mode: 'waiting' };
      await windows.closeClientView();
    },
  };
}

/** The client view's state in main. */
export type ClientViewRelay = ReturnType<typeof createClientViewRelay>;

import { type AppWindows, emitEvent } from './app-windows';
import type { IpcHandlers } from './handlers';

/** What main needs of Electron's `powerMonitor`: hearing that the laptop sleeps or its screen locks. */
export type SystemEvents = {
  // One signature per event, as Electron's PowerMonitor declares them: a single signature taking
  // either event would not accept it.
  on(event: 'suspend', listener: () => void): unknown;
  // eslint-disable-next-line @typescript-eslint/unified-signatures
  on(event: 'lock-screen', listener: () => void): unknown;
};

/**
 * Main's request to lock the vault (from the menu, or when the clinician steps away): the client
 * view blanks at once, before the therapist's window makes its final backup and locks; the client
 * view returns to its placeholder when that window reports the vault closed.
 */
export function createLockRequest(
  handlers: Pick<IpcHandlers, 'client-view:blank'>,
  windows: AppWindows,
): () => Promise<void> {
  return async () => {
    await Promise.all([
      handlers['client-view:blank']({}),
      emitEvent(windows, 'vault:lock-requested', {}),
    ]);
  };
}

/** Locks whenever the laptop goes to sleep or its screen locks. */
export function lockWhenSteppingAway(system: SystemEvents, requestLock: () => Promise<void>): void {
  system.on('suspend', () => void requestLock());
  system.on('lock-screen', () => void requestLock());
}

import type { EventFor } from '../../src-shared/ipc/contract';

/** Listens to an event main sends this window (lock requested, quit requested); returns the unsubscribe function. */
export function onMainEvent(event: EventFor<'therapist'>, listener: () => void): () => void {
  return window.bridgework.on(event, listener);
}

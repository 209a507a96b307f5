import { useRef, useState } from 'react';

/**
 * An action that makes, saves or removes something, run once per press: a second press while
 * the first is still running (a double click, Enter pressed twice) is ignored, so nothing is
 * made twice. `busy` is for the button's `loading`, which also shows that it is under way.
 */
export function useOneAtATime<Args extends unknown[]>(
  action: (...args: Args) => Promise<void>,
): { run: (...args: Args) => Promise<void>; busy: boolean } {
  // A ref, not the state: two presses can arrive before React renders the first one's `busy`.
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = async (...args: Args) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await action(...args);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { run, busy };
}

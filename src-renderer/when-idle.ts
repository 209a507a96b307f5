import { useEffect, useState } from 'react';

/**
 * Runs `task` once the page has nothing better to do: after `delayMs`, in the browser's next idle
 * period (or after `timeoutMs` at the latest). For work the clinician doesn't wait for yet, such as
 * loading the code of a screen that comes later. Returns a function that cancels it.
 */
export function whenIdle(
  task: () => void,
  { delayMs = 0, timeoutMs = 2_000 }: { delayMs?: number; timeoutMs?: number } = {},
): () => void {
  let idle: number | undefined;
  const timer = window.setTimeout(() => {
    // Test DOMs (happy-dom, jsdom) have no requestIdleCallback.
    if (typeof window.requestIdleCallback === 'function') {
      idle = window.requestIdleCallback(task, { timeout: timeoutMs });
    } else {
      task();
    }
  }, delayMs);
  return () => {
    window.clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}

/**
 * False until the page has been idle once after mounting: for a part of a screen that can come
 * a moment later, so what the clinician opened the screen for is painted first.
 */
export function useIdleReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => whenIdle(() => setReady(true)), []);
  return ready;
}

import { type RefObject, useEffect } from 'react';
import type { Route } from '../session/routes';

/** How long a new screen may take to show its heading (it reads its records first). */
const HEADING_WAIT_MS = 5000;

/** The main heading of the screen shown in `container` (areas kept open are hidden). */
function shownHeading(container: HTMLElement): HTMLHeadingElement | null {
  return (
    [...container.querySelectorAll('h1')].find((heading) => !heading.closest('[hidden]')) ?? null
  );
}

/** Focus is on something of the screen shown: the clinician (or the screen) put it there. */
function focusIsOnScreen(container: HTMLElement): boolean {
  const active = document.activeElement;
  return active !== null && container.contains(active) && !active.closest('[hidden]');
}

/**
 * After the clinician goes to another screen, focus lands on its heading (once it shows), so the
 * keyboard and screen readers start from the top of the new screen rather than from nowhere (the
 * button that was pressed, or the command palette, is gone). It happens on a change of route
 * only, and leaves focus alone when:
 * - focus is on something of the screen shown: a template chosen in the library's list keeps
 *   focus in the list, a screen that put the cursor in its own text box keeps it there;
 * - the clinician pressed a key or the pointer before the heading showed (they are already busy
 *   elsewhere, typing in the command palette, say).
 */
export function useHeadingFocus(route: Route, container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const main = container.current;
    if (!main) return;
    const focusHeading = (): boolean => {
      const heading = shownHeading(main);
      if (!heading) return false;
      if (focusIsOnScreen(main)) return true;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;

    const observer = new MutationObserver(() => {
      if (focusHeading()) stop();
    });
    // Capturing on the window: the key that changed the route has passed it already.
    const events = ['keydown', 'pointerdown'] as const;
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
      for (const type of events) window.removeEventListener(type, stop, true);
    };
    observer.observe(main, { childList: true, subtree: true, attributes: true });
    const timer = window.setTimeout(stop, HEADING_WAIT_MS);
    for (const type of events) window.addEventListener(type, stop, true);
    return stop;
  }, [route, container]);
}

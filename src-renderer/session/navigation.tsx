import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { HOME_ROUTE, type Route } from './routes';

type NavigateOptions = { replace?: boolean; onlyFrom?: Route };

type Navigation = {
  /** The screen shown now. */
  route: Route;
  /**
   * Goes to a screen; `replace` changes the current place instead of adding one. With `onlyFrom`
   * it goes only if the clinician is still at that place: a screen that waits for a save before
   * moving on must not pull them back from wherever they went meanwhile.
   */
  navigate: (route: Route, options?: NavigateOptions) => void;
  back: () => void;
  forward: () => void;
};

const NavigationContext = createContext<Navigation | null>(null);

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Mouse buttons 4 and 5 (`MouseEvent.button` 3 and 4): back and forward, as in a browser. */
const MOUSE_BACK = 3;
const MOUSE_FORWARD = 4;

/** Most places remembered for going back. */
const MAX_HISTORY = 100;

type History = { entries: Route[]; index: number };

/**
 * Where the clinician is in an unlocked vault, with back and forward through the places visited:
 * the mouse's back/forward buttons and Alt+←/→ (left to text boxes, where Option+arrow moves by
 * word). The history is kept in memory only. The window's own history is never used: Chromium
 * stores each history entry with the state of the page's form fields (what was typed) in the
 * profile's session files, in plaintext. Unmounting (locking) forgets every place.
 */
export function NavigationProvider({ children }: { children: ReactNode }) {
  const [history, setHistory] = useState<History>({ entries: [HOME_ROUTE], index: 0 });

  const navigate = useCallback((next: Route, options?: NavigateOptions) => {
    setHistory((current) => {
      const { entries, index } = current;
      if (options?.onlyFrom && entries[index] !== options.onlyFrom) return current;
      if (options?.replace) return { entries: entries.with(index, next), index };
      const kept = [...entries.slice(0, index + 1), next].slice(-MAX_HISTORY);
      return { entries: kept, index: kept.length - 1 };
    });
  }, []);
  const back = useCallback(
    () => setHistory((current) => ({ ...current, index: Math.max(0, current.index - 1) })),
    [],
  );
  const forward = useCallback(
    () =>
      setHistory((current) => ({
        ...current,
        index: Math.min(current.entries.length - 1, current.index + 1),
      })),
    [],
  );

  useEffect(() => {
    const onMouseUp = (event: MouseEvent) => {
      if (event.button !== MOUSE_BACK && event.button !== MOUSE_FORWARD) return;
      event.preventDefault();
      if (event.button === MOUSE_BACK) back();
      else forward();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      if (isEditable(event.target)) return;
      event.preventDefault();
      if (event.key === 'ArrowLeft') back();
      else forward();
    };
    window.addEventListener('mouseup', onMouseUp);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('mouseup', onMouseUp);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [back, forward]);

  const route = history.entries[history.index] ?? HOME_ROUTE;
  const value = useMemo(
    () => ({ route, navigate, back, forward }),
    [route, navigate, back, forward],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

/** The current screen and how to move between screens; only inside NavigationProvider. */
export function useNavigation(): Navigation {
  const value = useContext(NavigationContext);
  if (!value) throw new Error('useNavigation outside NavigationProvider');
  return value;
}

/**
 * The latest route among `screens`: the current one while it is one of them, and the last one
 * it was while the clinician is elsewhere, so a screen kept open in the background keeps its
 * place (the client page stays open under the library, ready to be revealed).
 */
export function useLatestRouteAmong<S extends Route['screen']>(
  screens: readonly S[],
): Extract<Route, { screen: S }> | null {
  const { route } = useNavigation();
  const [latest, setLatest] = useState<Extract<Route, { screen: S }> | null>(null);
  const isAmong = (candidate: Route): candidate is Extract<Route, { screen: S }> =>
    (screens as readonly string[]).includes(candidate.screen);
  if (isAmong(route) && route !== latest) setLatest(route);
  return isAmong(route) ? route : latest;
}

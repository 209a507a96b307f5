import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { HOME_ROUTE, parseRoute, type Route, routePath } from './routes';

type Navigation = {
  /** The screen shown now. */
  route: Route;
  /** Goes to a screen; `replace` changes the current history entry instead of adding one. */
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  back: () => void;
  forward: () => void;
};

const NavigationContext = createContext<Navigation | null>(null);

function currentRoute(): Route {
  return parseRoute(window.location.hash) ?? HOME_ROUTE;
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Mouse buttons 4 and 5 (`MouseEvent.button` 3 and 4): back and forward, as in a browser. */
const MOUSE_BACK = 3;
const MOUSE_FORWARD = 4;

/**
 * Where the clinician is in an unlocked vault, kept in the window's history so back and forward
 * work: the mouse's back/forward buttons and Alt+←/→ (Electron does neither by itself).
 * Unmounting (locking) clears the address, so the next vault opens at home.
 */
export function NavigationProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState<Route>(currentRoute);

  const navigate = useCallback((next: Route, options?: { replace?: boolean }) => {
    const url = `#${routePath(next)}`;
    if (options?.replace) window.history.replaceState(null, '', url);
    else if (window.location.hash !== url) window.history.pushState(null, '', url);
    setRoute(next);
  }, []);
  const back = useCallback(() => window.history.back(), []);
  const forward = useCallback(() => window.history.forward(), []);

  useEffect(() => {
    const follow = () => setRoute(currentRoute());
    const onMouseUp = (event: MouseEvent) => {
      if (event.button !== MOUSE_BACK && event.button !== MOUSE_FORWARD) return;
      event.preventDefault();
      if (event.button === MOUSE_BACK) back();
      else forward();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      // In a text box Alt/Option+arrow moves by word (macOS); leave it to the text box.
      if (isEditable(event.target)) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      if (event.key === 'ArrowLeft') back();
      else forward();
    };
    window.addEventListener('popstate', follow);
    window.addEventListener('mouseup', onMouseUp);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener('mouseup', onMouseUp);
      window.removeEventListener('keydown', onKeyDown);
      window.history.replaceState(null, '', window.location.pathname);
    };
  }, [back, forward]);

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

import { useHotkeys } from '@mantine/hooks';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ClientViewSnapshot } from '../../src-shared/ipc/contract';
import {
  blankSharedView,
  closeSharedView,
  setSharedViewFullScreen,
  onSharedViewClosed,
  onSharedViewHidden,
  openSharedView,
  showOnSharedView,
} from '../data/shared-view';

/**
 * Where the shared view stands: not open; open but hidden (blank: by the hide key, the Hide
 * button or the client view's own hide key), until the therapist shows it again on purpose; or
 * showing what the screen sends it.
 */
export type SharedViewState = 'closed' | 'open-hidden' | 'showing';

/** The shared view (the client view window), as screens and its controls use it. */
export type SharedView = {
  state: SharedViewState;
  /** Opens the shared view (or brings it forward); a closed one opens showing. */
  open: () => Promise<void>;
  /**
   * What the screen would show the client now (`null`: nothing, the calm placeholder). Sent only
   * while showing; while hidden it is kept for "Show again", never shown by itself.
   */
  show: (snapshot: ClientViewSnapshot | null) => Promise<void>;
  /** Blanks the shared view at once (also Ctrl+Shift+H / ⌘⇧H, in any field). */
  hide: () => Promise<void>;
  /** Shows a hidden shared view again, with what the screen last sent. */
  showAgain: () => Promise<void>;
  /** Closes the shared view. */
  close: () => Promise<void>;
  /** Whether the shared view fills its display. */
  fullScreen: boolean;
  /** Fills the display the shared view is on (drag it there first), or puts it back in a window. */
  setFullScreen: (on: boolean) => Promise<void>;
  /** Why the last action on the shared view failed, in words; null when it worked. */
  problem: string | null;
};

const PROBLEM = 'The shared view didn’t respond. Try closing it and opening it again.';

const SharedViewContext = createContext<SharedView | null>(null);

/** No shared view at all: what `useSharedView` gives outside a provider (a screen's component test). */
const noSharedView: SharedView = {
  state: 'closed',
  open: async () => undefined,
  show: async () => undefined,
  hide: async () => undefined,
  showAgain: async () => undefined,
  close: async () => undefined,
  fullScreen: false,
  setFullScreen: async () => undefined,
  problem: null,
};

/**
 * Holds the shared view for the screens of an open vault: its state, the hide key, and what
 * main says happened to it (hidden from its own window, closed). While `vaultOpen` is false it
 * is closed: locking closes the window (VaultSessionProvider) and forgets what it showed.
 */
export function SharedViewProvider({
  vaultOpen,
  children,
}: {
  vaultOpen: boolean;
  children: ReactNode;
}) {
  const [state, setStateValue] = useState<SharedViewState>('closed');
  const [problem, setProblem] = useState<string | null>(null);
  // Actions decide on the state as it is now, not as the last render saw it: a hide pressed
  // between two keystrokes must stop the next snapshot.
  const current = useRef<SharedViewState>('closed');
  const latest = useRef<ClientViewSnapshot | null>(null);

  const setState = useCallback((next: SharedViewState) => {
    current.current = next;
    setStateValue(next);
  }, []);

  // Locking closes it: the state follows at once, during the render that locks.
  const [wasOpen, setWasOpen] = useState(vaultOpen);
  if (wasOpen !== vaultOpen) {
    setWasOpen(vaultOpen);
    if (!vaultOpen) setStateValue('closed');
  }
  useEffect(() => {
    if (vaultOpen) return;
    current.current = 'closed';
    latest.current = null;
  }, [vaultOpen]);

  const attempt = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    try {
      const result = await action();
      setProblem(null);
      return result;
    } catch {
      setProblem(PROBLEM);
      return undefined;
    }
  }, []);

  const open = useCallback(async () => {
    if (!vaultOpen) return;
    const wasClosed = current.current === 'closed';
    if (wasClosed) setState('showing');
    const opened = await attempt(async () => {
      await openSharedView();
      return true;
    });
    if (!opened && wasClosed) setState('closed');
  }, [vaultOpen, attempt, setState]);

  const show = useCallback(
    async (snapshot: ClientViewSnapshot | null) => {
      latest.current = snapshot;
      if (current.current !== 'showing') return;
      const shown = await attempt(() => showOnSharedView(snapshot));
      // Main keeps a hidden view blank: if it was hidden meanwhile, say so here too.
      if (shown === false && current.current === 'showing') setState('open-hidden');
    },
    [attempt, setState],
  );

  const hide = useCallback(async () => {
    if (current.current === 'closed') return;
    setState('open-hidden');
    await attempt(blankSharedView);
  }, [attempt, setState]);

  const showAgain = useCallback(async () => {
    if (current.current !== 'open-hidden') return;
    setState('showing');
    await attempt(() => showOnSharedView(latest.current, { reveal: true }));
  }, [attempt, setState]);

  const [fullScreen, setFullScreenValue] = useState(false);
  const setFullScreen = useCallback(
    async (on: boolean) => {
      if (current.current === 'closed') return;
      setFullScreenValue(on);
      await attempt(() => setSharedViewFullScreen(on));
    },
    [attempt],
  );

  const close = useCallback(async () => {
    setFullScreenValue(false);
    setState('closed');
    latest.current = null;
    await attempt(closeSharedView);
  }, [attempt, setState]);

  useEffect(
    () =>
      onSharedViewHidden(() => {
        if (current.current !== 'closed') setState('open-hidden');
      }),
    [setState],
  );
  useEffect(
    () =>
      onSharedViewClosed(() => {
        setFullScreenValue(false);
        setState('closed');
      }),
    [setState],
  );

  // The hide key, Ctrl+Shift+H (and ⌘⇧H on a Mac), in any field, matched by the key's place on
  // the keyboard so it works whatever the layout. The client view has the same key
  // (client-view/useClientViewDisplay.ts).
  const hideNow = useCallback(() => void hide(), [hide]);
  useHotkeys(
    [
      ['ctrl+shift+H', hideNow, { usePhysicalKeys: true }],
      ['meta+shift+H', hideNow, { usePhysicalKeys: true }],
    ],
    [],
    true,
  );

  const value = useMemo(
    () => ({
      state: vaultOpen ? state : 'closed',
      open,
      show,
      hide,
      showAgain,
      close,
      fullScreen: fullScreen && state !== 'closed',
      setFullScreen,
      problem,
    }),
    [vaultOpen, state, open, show, hide, showAgain, close, fullScreen, setFullScreen, problem],
  );
  return <SharedViewContext.Provider value={value}>{children}</SharedViewContext.Provider>;
}

/**
 * The shared view. Outside a SharedViewProvider (a screen's component test) there is none: its
 * state is "closed" and its actions do nothing.
 */
export function useSharedView(): SharedView {
  return useContext(SharedViewContext) ?? noSharedView;
}

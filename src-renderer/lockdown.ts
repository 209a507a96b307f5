/**
 * The renderer's own guard against leaving the app, beneath Electron's (which blocks
 * navigation and new windows in the main process): no window is ever opened, and no
 * navigation leaves the app's origin, whatever a link or an injected script asks for.
 */

// The Navigation API is not in TypeScript's DOM library yet; this is the part used here.
type NavigateEventLike = Event & { readonly destination: { readonly url: string } };
type NavigationLike = EventTarget & {
  addEventListener(type: 'navigate', listener: (event: NavigateEventLike) => void): void;
};

/** Installs the guards on a window; call once before rendering. */
export function lockDownWindow(target: Window & { navigation?: NavigationLike }): void {
  const origin = target.location.origin;
  Object.defineProperty(target, 'open', {
    value: () => null,
    writable: false,
    configurable: false,
  });
  target.navigation?.addEventListener('navigate', (event) => {
    if (new URL(event.destination.url).origin !== origin) event.preventDefault();
  });
}

import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

/**
 * The DOM environment for renderer component tests (vitest's `dom` project, happy-dom). Mantine
 * asks the window for media queries, observes element sizes and (for autosizing text boxes)
 * listens for web fonts loading; happy-dom has none of these, so they are stood in for here: no
 * media query matches, nothing ever resizes and no font ever loads.
 */

if (!window.matchMedia)
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      media: query,
      matches: false,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) satisfies MediaQueryList;

if (!('ResizeObserver' in window))
  Object.assign(window, {
    ResizeObserver: class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    },
  });

if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', {
    value: Object.assign(new EventTarget(), { ready: Promise.resolve() }),
  });

if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;

/**
 * Testing Library recognises fake timers only under Jest's name: with vitest's, its async
 * wrapper (used by every user-event action) waits on a faked timer nobody advances and hangs.
 * This names vitest's clock for it; it is used only while a test has called vi.useFakeTimers().
 */
Object.assign(globalThis, {
  jest: { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) },
});

/**
 * Component tests run without a main process (there is no `window.bridgework`), so the vault
 * session's calls to it are stood in for: entering and locking a vault, backing it up, and main's
 * events (none ever arrive). A test that checks one of them reads it with `vi.mocked`; a test
 * that needs another stand-in mocks the module again itself, which takes precedence.
 */
vi.mock('../../src-renderer/data/vault-lifecycle', () => ({
  enterVault: vi.fn(),
  lockVault: vi.fn(),
  removeVaultFromThisComputer: vi.fn(),
  confirmQuit: vi.fn(),
}));
vi.mock('../../src-renderer/data/vault-backup', () => ({ backUpVault: vi.fn() }));
vi.mock('../../src-renderer/data/main-events', () => ({ onMainEvent: () => () => undefined }));

afterEach(() => cleanup());

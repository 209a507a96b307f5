import { useCallback, useEffect, useRef, useState } from 'react';
import { useVaultSession } from './VaultSessionProvider';

/** The pause in typing after which a free-text field saves itself. */
export const AUTOSAVE_DELAY_MS = 800;

/** Where an autosaved field stands; `error` says why its text isn't saved. */
export type AutosaveStatus =
  | { state: 'saved' }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'error'; message: string };

export type AutosaveOptions<T> = {
  /** The value as stored when the field opens. */
  initial: T;
  /** Writes a value (a repository call). */
  save: (value: T) => Promise<void>;
  /**
   * Why a value can't be saved as it stands, in the clinician's words (the schema's message), or
   * null when it can. A refused value stays in the field, unsaved, until it is changed.
   */
  refusal?: (value: T) => string | null;
  /** What to say when a write fails. */
  failureMessage?: string;
  delayMs?: number;
};

const FAILED = 'This couldn’t be saved. Please try again.';

/**
 * A free-text field's value that saves itself as the clinician types: `AUTOSAVE_DELAY_MS` after
 * the last change, at once on `flush` (call it on blur) and when the field unmounts, and before
 * the vault locks or the app quits (the session's pending saves). Writes run one at a time and
 * always write the latest text. Every later free-text field saves the same way.
 */
export function useAutosave<T>(options: AutosaveOptions<T>): {
  value: T;
  /** Takes a new value as typed and saves it after the pause. */
  change: (next: T) => void;
  /** Saves now; resolves true once the latest value is saved. */
  flush: () => Promise<boolean>;
  status: AutosaveStatus;
} {
  const [value, setValue] = useState(options.initial);
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'saved' });
  const latest = useRef(options.initial);
  const stored = useRef(options.initial);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<number | undefined>(undefined);
  const current = useRef(options);
  useEffect(() => {
    current.current = options;
  });

  const writeLatest = useCallback(async (): Promise<boolean> => {
    const next = latest.current;
    if (Object.is(next, stored.current)) {
      setStatus({ state: 'saved' });
      return true;
    }
    const { save, refusal, failureMessage = FAILED } = current.current;
    try {
      const refused = refusal?.(next) ?? null;
      if (refused !== null) {
        setStatus({ state: 'error', message: refused });
        return false;
      }
      setStatus({ state: 'saving' });
      await save(next);
      stored.current = next;
      setStatus(Object.is(latest.current, next) ? { state: 'saved' } : { state: 'unsaved' });
      return true;
    } catch {
      setStatus({ state: 'error', message: failureMessage });
      return false;
    }
  }, []);

  const flush = useCallback((): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const written = queue.current.then(writeLatest);
    queue.current = written;
    return written;
  }, [writeLatest]);

  const change = useCallback(
    (next: T) => {
      latest.current = next;
      setValue(next);
      // A refusal stays on screen until the next attempt, rather than flickering while typing.
      setStatus((now) => (now.state === 'error' ? now : { state: 'unsaved' }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(
        () => void flush(),
        current.current.delayMs ?? AUTOSAVE_DELAY_MS,
      );
    },
    [flush],
  );

  const { registerPendingSave } = useVaultSession();
  useEffect(() => registerPendingSave(flush), [registerPendingSave, flush]);
  useEffect(
    () => () => {
      void flush();
    },
    [flush],
  );

  return { value, change, flush, status };
}

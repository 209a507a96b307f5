import { useCallback, useEffect, useRef, useState } from 'react';
import type { Session } from '../../../src-shared/domain/session';
import { describeVaultError } from '../../formatting/describe-error';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault, useVaultSession } from '../../session/VaultSessionProvider';

/** A change to a session, applied to the latest saved version of it. */
export type SessionChange = (session: Session) => Session;

export type SessionEditor = {
  /** The session as shown: the latest saved version with the changes still being saved. */
  session: Session | undefined;
  /** True once the session was looked for and isn't there (deleted, or a wrong address). */
  missing: boolean;
  /** Applies a change on screen at once and saves it after the changes before it. */
  update: (change: SessionChange) => Promise<void>;
  /**
   * Why changes are not being saved: the session was saved from another window since it was
   * opened here (EDIT_CONFLICT) or a save failed. Null while all is well.
   */
  problem: string | null;
  /** True when the session changed elsewhere since it was opened here. */
  changedElsewhere: boolean;
  /** Takes the stored version as the one to edit, dropping what wasn't saved. */
  reload: () => void;
  /** Bumped by `reload`: key the text fields on it, so they start again from what is stored. */
  generation: number;
};

/**
 * One session, edited from one screen: every change (a topic, a review set aside, the summary,
 * the notes) is applied in order to the latest saved version and saved as its next revision, so
 * the screen's own saves never trip over each other. When another window saved the session in
 * between, the save is refused (EDIT_CONFLICT) and nothing is overwritten: the screen says so and
 * offers to reload. Locking waits for changes still being saved.
 */
export function useSessionEditor(sessionId: string): SessionEditor {
  const { sessions } = useOpenVault();
  const { registerPendingSave } = useVaultSession();
  const stored = useVaultQuery(
    async () => (await sessions.get(sessionId)) ?? null,
    [sessions, sessionId],
  );
  /** The latest version saved from here (or read, before the first save). */
  const saved = useRef<Session | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [shown, setShown] = useState<Session | undefined>(undefined);
  const [savedRevision, setSavedRevision] = useState<number | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  /** The version taken to edit: the first one read, or the one reloaded. */
  const [opened, setOpened] = useState<Session | null>(null);

  const adopt = useCallback((session: Session) => {
    saved.current = session;
    setOpened(session);
    setShown(session);
    setSavedRevision(session.revision);
    setProblem(null);
  }, []);

  if (stored && opened === null) {
    setOpened(stored);
    setShown(stored);
    setSavedRevision(stored.revision);
  }
  useEffect(() => {
    saved.current ??= opened;
  }, [opened]);

  const update = useCallback(
    (change: SessionChange): Promise<void> => {
      setShown((now) => (now ? change(now) : now));
      setInFlight((count) => count + 1);
      const saving = queue.current.then(async () => {
        const base = saved.current;
        if (!base) throw new Error('The session is not open.');
        try {
          const next = await sessions.save(change(base));
          saved.current = next;
          setSavedRevision(next.revision);
        } catch (error) {
          setProblem(describeVaultError(error));
          throw error;
        } finally {
          setInFlight((count) => count - 1);
        }
      });
      // A refused save stops nothing queued after it from trying (each is told it failed).
      queue.current = saving.catch(() => undefined);
      return saving;
    },
    [sessions],
  );

  useEffect(() => registerPendingSave(() => queue.current.then(() => true)), [registerPendingSave]);

  const reload = useCallback(() => {
    if (!stored) return;
    adopt(stored);
    setGeneration((count) => count + 1);
  }, [stored, adopt]);

  const changedElsewhere =
    stored !== undefined &&
    stored !== null &&
    savedRevision !== null &&
    inFlight === 0 &&
    stored.revision > savedRevision;

  return {
    session: shown,
    missing: stored === null && opened === null,
    update,
    problem,
    changedElsewhere,
    reload,
    generation,
  };
}

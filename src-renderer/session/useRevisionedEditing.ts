import { useCallback, useRef, useState } from 'react';
import { describeVaultError, isSaveConflict } from '../formatting/describe-error';
import { useAutosave } from './useAutosave';

/** A record that counts its saves (see data/revisioned-save.ts). */
type Revisioned = { revision: number };

export type RevisionedEditingOptions<T> = {
  /** The record as read. */
  stored: T;
  /** Saves a version built on the revision given; resolves to the saved record. */
  save: (record: T) => Promise<T>;
  /** Why a record can't be saved as it stands, in words, or null when it can. */
  refusal: (record: T) => string | null;
};

/**
 * A record being edited on one screen: its latest state as changed, saved by itself after a
 * pause, on leaving, and before the vault locks. Each save is the next revision of the one read;
 * when another window saved in between, saving stops and `conflict` says so, so neither window's
 * work is overwritten unseen. Several changes can land before the next render (a choice that sets
 * two fields): each builds on the one before, not on the last rendered state.
 */
export function useRevisionedEditing<T extends Revisioned>({
  stored,
  save,
  refusal,
}: RevisionedEditingOptions<T>) {
  const revision = useRef(stored.revision);
  const [conflict, setConflict] = useState<string | null>(null);
  const autosave = useAutosave<T>({
    initial: stored,
    save: async (next) => {
      try {
        const saved = await save({ ...next, revision: revision.current });
        revision.current = saved.revision;
      } catch (error) {
        if (isSaveConflict(error)) setConflict(describeVaultError(error));
        throw error;
      }
    },
    refusal,
    failureMessage: 'The latest change couldn’t be saved. Please try again.',
  });
  const { change } = autosave;
  const latest = useRef(stored);
  const update = useCallback(
    (patch: Partial<T>) => {
      latest.current = { ...latest.current, ...patch };
      change(latest.current);
    },
    [change],
  );
  return {
    record: autosave.value,
    update,
    flush: autosave.flush,
    status: autosave.status,
    conflict,
  };
}

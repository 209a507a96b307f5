/** Writes what is still waiting to be saved; resolves true once it is saved, false if it could not be. */
export type PendingSave = () => Promise<boolean>;

/**
 * Free text typed but not yet saved (an autosave waiting out its pause). Locking and quitting
 * save it all before the session closes, so nothing typed is lost to a lock.
 */
export type PendingSaves = {
  /** Adds a field's save; returns the function that removes it. */
  register: (save: PendingSave) => () => void;
  /**
   * Starts every pending save at once (while the screens and the session are still there) and
   * resolves when all have ended: true if everything was saved.
   */
  saveAll: () => Promise<boolean>;
};

/** An empty set of pending saves. */
export function createPendingSaves(): PendingSaves {
  const saves = new Set<PendingSave>();
  return {
    register: (save) => {
      saves.add(save);
      return () => saves.delete(save);
    },
    saveAll: async () => {
      const results = await Promise.allSettled([...saves].map((save) => save()));
      return results.every((result) => result.status === 'fulfilled' && result.value);
    },
  };
}

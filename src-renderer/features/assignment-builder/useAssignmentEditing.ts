import { useCallback, useRef, useState } from 'react';
import { type Assignment, assignmentSchema } from '../../../src-shared/domain/assignment';
import { describeVaultError, isSaveConflict } from '../../formatting/describe-error';
import { useAutosave } from '../../session/useAutosave';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** Why an assignment can't be saved as it stands, in words, or null when it can. */
function refusal(assignment: Assignment): string | null {
  const issue = assignmentSchema.safeParse(assignment).error?.issues[0];
  if (!issue) return null;
  if (issue.path[0] === 'title') return 'It needs a title for the client before it can be saved.';
  if (issue.path[0] === 'reviewBy') return 'The review date is before the start date.';
  return 'Something here is too long or not complete, so the latest change isn’t saved yet.';
}

/**
 * An assignment being designed: its latest state as typed, saved by itself after a pause, on
 * leaving, and before the vault locks (so a draft survives a closed window and a lock). Each save
 * is the next revision of the one read; when another window saved in between, saving stops and
 * `conflict` says so, so neither window's work is overwritten unseen.
 */
export function useAssignmentEditing(stored: Assignment) {
  const { assignments } = useOpenVault();
  const revision = useRef(stored.revision);
  const [conflict, setConflict] = useState<string | null>(null);
  const autosave = useAutosave<Assignment>({
    initial: stored,
    save: async (next) => {
      try {
        const saved = await assignments.save({ ...next, revision: revision.current });
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
  // Several changes can land before the next render (a choice that sets two fields); each
  // builds on the one before, not on the last rendered state.
  const latest = useRef(stored);
  const update = useCallback(
    (patch: Partial<Assignment>) => {
      latest.current = { ...latest.current, ...patch };
      change(latest.current);
    },
    [change],
  );
  return {
    assignment: autosave.value,
    update,
    flush: autosave.flush,
    status: autosave.status,
    conflict,
  };
}

/** The assignment editing state. */
export type AssignmentEditing = ReturnType<typeof useAssignmentEditing>;

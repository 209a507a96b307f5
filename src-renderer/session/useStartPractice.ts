import { useCallback } from 'react';
import type { Assignment } from '../../src-shared/domain/assignment';
import { practiceDates } from '../../src-shared/domain/assignment-draft';
import type { AssignmentSource } from '../data/assignments-repository';
import { localDate } from '../formatting/local-date';
import { useNavigation } from './navigation';
import { useOpenVault } from './VaultSessionProvider';

/**
 * Starts new practice for a client (from a template, from scratch, or as a new version after a
 * review), in a session or not, and opens it in the builder. It runs from the day it is set (the session's day if later) until the
 * client's next planned session, or for a week.
 */
export function useStartPractice() {
  const { assignments, sessions } = useOpenVault();
  const { navigate, route } = useNavigation();
  return useCallback(
    async (
      clientId: string,
      sessionId: string | null,
      source: AssignmentSource,
      /** Runs once the draft exists, before the builder opens (e.g. to link a review to it). */
      beforeOpening?: (draft: Assignment) => Promise<void>,
    ): Promise<Assignment> => {
      const clientSessions = (await sessions.forClient(clientId)).records;
      const session = clientSessions.find((candidate) => candidate.id === sessionId);
      const today = localDate();
      const sessionDay = session ? localDate(session.startsAt) : today;
      const setOn = sessionDay > today ? sessionDay : today;
      const next = clientSessions.find(
        (candidate) => candidate.status === 'planned' && localDate(candidate.startsAt) > setOn,
      );
      const draft = await assignments.start(
        { clientId, sessionId, ...practiceDates(setOn, next ? localDate(next.startsAt) : null) },
        source,
      );
      await beforeOpening?.(draft);
      // Opened only if the clinician is still where they started it from.
      navigate({ screen: 'assignment', assignmentId: draft.id }, { onlyFrom: route });
      return draft;
    },
    [assignments, sessions, navigate, route],
  );
}

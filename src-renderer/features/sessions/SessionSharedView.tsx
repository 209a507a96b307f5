import type { Assignment } from '../../../src-shared/domain/assignment';
import type { Client } from '../../../src-shared/domain/client';
import { sessionClientView } from '../../../src-shared/domain/client-view-projection';
import type { Session } from '../../../src-shared/domain/session';
import { SharedViewBar } from '../../components/SharedViewBar';

/**
 * The shared view on a session plan: the client's side of the agenda (looking back at last
 * week's practice, the topics, this week's practice, the summary), projected by
 * `sessionClientView`. Private notes and everything else of the clinician's never reach it.
 */
export function SessionSharedView({
  client,
  otherClients,
  session,
  assignments,
}: {
  client: Client;
  otherClients: Client[];
  /** The session as the client would see it now (review items due, the summary as typed). */
  session: Session;
  assignments: Assignment[];
}) {
  return (
    <SharedViewBar
      project={(options) =>
        sessionClientView({ client, otherClients, session, assignments, ...options })
      }
    />
  );
}

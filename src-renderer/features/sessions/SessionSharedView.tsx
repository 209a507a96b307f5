import { Group, Paper, Switch } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import type { Client } from '../../../src-shared/domain/client';
import { sessionClientView } from '../../../src-shared/domain/client-view-projection';
import type { Session } from '../../../src-shared/domain/session';
import type { ClientViewSnapshot } from '../../../src-shared/ipc/contract';
import { SharedViewControls } from '../../components/SharedViewControls';
import { useSharedView } from '../../session/shared-view';
import { usePreferences } from '../../session/usePreferences';

/**
 * The shared view's controls on a session plan, and what it shows while the plan is open: the
 * client's side of the agenda (looking back at last week's practice, the topics, this week's
 * practice, the summary), projected by `sessionClientView`, sent again on every change. Private
 * notes and everything else of the clinician's never reach it. Leaving the plan puts the calm
 * placeholder back.
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
  const { state, show } = useSharedView();
  const wording = usePreferences().data.practiceWording;
  const [discreet, setDiscreet] = useState(false);
  const snapshot = useMemo(
    () => sessionClientView({ client, otherClients, session, assignments, wording, discreet }),
    [client, otherClients, session, assignments, wording, discreet],
  );
  // Sent when what it says changes, not on every render that rebuilds the same words.
  const said = JSON.stringify(snapshot);
  useEffect(() => {
    if (state !== 'closed') void show(JSON.parse(said) as ClientViewSnapshot);
  }, [said, state, show]);
  useEffect(() => () => void show(null), [show]);

  return (
    <Paper withBorder radius="md" px="md" py="xs" bg="var(--mantine-color-default-hover)">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <SharedViewControls />
        <Switch
          size="sm"
          label="Discreet wording on the shared view"
          checked={discreet}
          onChange={(event) => setDiscreet(event.currentTarget.checked)}
        />
      </Group>
    </Paper>
  );
}

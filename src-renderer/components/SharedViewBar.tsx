import { Group, Paper, Switch } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PracticeWording } from '../../src-shared/domain/preferences';
import type { ClientViewSnapshot } from '../../src-shared/ipc/contract';
import { useSharedView } from '../session/shared-view';
import { usePreferences } from '../session/usePreferences';
import { SharedViewControls } from './SharedViewControls';

/**
 * The shared view's controls on a working screen, with the discreet-wording switch, and what
 * the shared view shows while the screen is open: `project`'s snapshot (a client-view projection,
 * which holds only the client's side), sent again whenever its words change. Leaving the screen
 * puts the calm placeholder back.
 */
export function SharedViewBar({
  project,
}: {
  project: (options: { wording: PracticeWording; discreet: boolean }) => ClientViewSnapshot;
}) {
  const { state, show } = useSharedView();
  const wording = usePreferences().data.practiceWording;
  const [discreet, setDiscreet] = useState(false);
  // Sent when what it says changes, not on every render that rebuilds the same words.
  const said = JSON.stringify(project({ wording, discreet }));
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

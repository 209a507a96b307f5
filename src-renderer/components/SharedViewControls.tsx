import { Button, Group, Stack, Text } from '@mantine/core';
import {
  IconArrowsMaximize,
  IconArrowsMinimize,
  IconEye,
  IconEyeOff,
  IconScreenShare,
  IconX,
} from '@tabler/icons-react';
import { type SharedViewState, useSharedView } from '../session/shared-view';

const stateWords: Record<SharedViewState, string> = {
  closed: 'closed',
  'open-hidden': 'hidden',
  showing: 'showing',
};

/** The hide key as this computer's keyboard says it. */
const hideKey =
  typeof navigator !== 'undefined' && /Mac/i.test(navigator.userAgent) ? '⌘⇧H' : 'Ctrl+Shift+H';

/**
 * The shared view's buttons for a screen's header: open it, hide it at once, show it again,
 * close it, with a quiet line saying where it stands. What it shows is the screen's business
 * (`useSharedView().show`).
 */
export function SharedViewControls() {
  const { state, open, hide, showAgain, close, fullScreen, setFullScreen, problem } =
    useSharedView();
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs" justify="flex-end">
        {state === 'closed' && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconScreenShare size={16} />}
            onClick={() => void open()}
          >
            Open shared view
          </Button>
        )}
        {state === 'showing' && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconEyeOff size={16} />}
            onClick={() => void hide()}
          >
            Hide ({hideKey})
          </Button>
        )}
        {state === 'open-hidden' && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconEye size={16} />}
            onClick={() => void showAgain()}
          >
            Show again
          </Button>
        )}
        {state !== 'closed' && (
          <Button
            variant="default"
            size="xs"
            leftSection={
              fullScreen ? <IconArrowsMinimize size={16} /> : <IconArrowsMaximize size={16} />
            }
            onClick={() => void setFullScreen(!fullScreen)}
          >
            {fullScreen ? 'Leave full screen' : 'Full screen'}
          </Button>
        )}
        {state !== 'closed' && (
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            leftSection={<IconX size={16} />}
            onClick={() => void close()}
          >
            Close shared view
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" role="status">
        Shared view: {stateWords[state]}
      </Text>
      {problem && (
        <Text size="xs" c="red" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}

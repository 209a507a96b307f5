import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { IconFileTypePdf, IconTrash } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { useState } from 'react';
import type { ReturnedTrackerFile } from '../../../src-shared/domain/attachment';
import { AttachmentViewer } from '../../components/AttachmentViewer';
import { UserText } from '../../components/UserText';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { useVaultQuery } from '../../session/useVaultQuery';

/** One kept tracker: its name opens it; removing it asks once, and keeps the days in the grid. */
function KeptTracker({
  tracker,
  onOpen,
}: {
  tracker: ReturnedTrackerFile;
  onOpen: (tracker: ReturnedTrackerFile) => void;
}) {
  const { attachments } = useOpenVault();
  const [confirming, setConfirming] = useState(false);

  return (
    <Stack gap={2} role="listitem" aria-label={tracker.fileName}>
      <Group justify="space-between" wrap="nowrap">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconFileTypePdf size={16} />}
          onClick={() => onOpen(tracker)}
        >
          <UserText>{tracker.fileName}</UserText>
        </Button>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            kept {format(parseISO(tracker.createdAt), 'd MMMM')}
          </Text>
          {!confirming && (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove ${tracker.fileName}`}
              onClick={() => setConfirming(true)}
            >
              <IconTrash size={14} />
            </ActionIcon>
          )}
        </Group>
      </Group>
      {confirming && (
        <ConfirmRemoval
          question="Remove this file? The days it put in the grid stay."
          confirmLabel="Remove the file"
          failure="This file couldn’t be removed just now. Please try again."
          remove={() => attachments.remove(tracker.id)}
          onKeep={() => setConfirming(false)}
        />
      )}
    </Stack>
  );
}

/**
 * The returned trackers of this practice that the therapist chose to keep with the client's
 * records (encrypted with the vault): each opens inside the app, and can be removed. Nothing is
 * shown when none were kept.
 */
export function KeptTrackers({
  clientId,
  assignmentId,
}: {
  clientId: string;
  assignmentId: string;
}) {
  const { attachments } = useOpenVault();
  const kept = useVaultQuery(
    async () =>
      (await attachments.forClient(clientId)).records.filter(
        (tracker) => tracker.assignmentId === assignmentId,
      ),
    [attachments, clientId, assignmentId],
  );
  const [viewing, setViewing] = useState<ReturnedTrackerFile | null>(null);

  if (!kept || kept.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="kept-trackers">
        Trackers kept with their records
      </Text>
      <Stack gap={4} role="list" aria-labelledby="kept-trackers">
        {kept.map((tracker) => (
          <KeptTracker key={tracker.id} tracker={tracker} onOpen={setViewing} />
        ))}
      </Stack>
      {viewing && (
        <AttachmentViewer
          attachment={viewing}
          cannotOpen="This tracker couldn’t be opened; its file may be damaged. The days it put in the grid are safe."
          onClose={() => setViewing(null)}
        />
      )}
    </Stack>
  );
}

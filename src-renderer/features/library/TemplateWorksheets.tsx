import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconFileTypePdf, IconPaperclip, IconPhoto, IconTrash } from '@tabler/icons-react';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useState } from 'react';
import type { Attachment } from '../../../src-shared/domain/attachment';
import { AttachmentViewer } from '../../components/AttachmentViewer';
import { UserText } from '../../components/UserText';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { AttachmentRejected, DAMAGED_WORKSHEET_ADVICE } from '../../data/attachments-repository';
import { formatSize } from '../../formatting/format-size';
import { useOpenVault } from '../../session/VaultSessionProvider';

/**
 * One worksheet: its name opens it; removing it asks once, since the vault holds the only copy
 * the app has of it.
 */
function WorksheetRow({ attachment, onOpen }: { attachment: Attachment; onOpen: () => void }) {
  const { attachments } = useOpenVault();
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap={2} role="listitem" aria-label={attachment.fileName}>
      <Group justify="space-between" wrap="nowrap">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={
            attachment.mediaType === 'application/pdf' ? (
              <IconFileTypePdf size={16} />
            ) : (
              <IconPhoto size={16} />
            )
          }
          onClick={onOpen}
        >
          <UserText>{attachment.fileName}</UserText>
        </Button>
        <Group gap="xs" wrap="nowrap">
          {attachment.damagedAt ? (
            <Tooltip label={DAMAGED_WORKSHEET_ADVICE} multiline w={280}>
              <Badge color="yellow" variant="light">
                File damaged
              </Badge>
            </Tooltip>
          ) : (
            <Text size="xs" c="dimmed">
              {formatSize(attachment.sizeBytes)}
            </Text>
          )}
          {!confirming && (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove ${attachment.fileName}`}
              onClick={() => setConfirming(true)}
            >
              <IconTrash size={14} />
            </ActionIcon>
          )}
        </Group>
      </Group>
      {confirming && (
        <ConfirmRemoval
          question="Remove this worksheet? Handouts already saved keep their copy."
          confirmLabel="Remove the worksheet"
          failure="This worksheet couldn’t be removed just now. Please try again."
          remove={() => attachments.remove(attachment.id)}
          onKeep={() => setConfirming(false)}
        />
      )}
    </Stack>
  );
}

/** The therapist's own worksheets (PDFs or images) on a custom template: add, view, remove. */
export function TemplateWorksheets({ lineageId }: { lineageId: string }) {
  const { attachments } = useOpenVault();
  const list = useVaultQuery(() => attachments.forTemplate(lineageId), [attachments, lineageId]);
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(file: File | null) {
    if (!file) return;
    setProblem(null);
    setBusy(true);
    try {
      await attachments.add(lineageId, {
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
    } catch (caught) {
      setProblem(
        caught instanceof AttachmentRejected
          ? caught.message
          : 'The worksheet couldn’t be saved. Please try again.',
      );
    }
    setBusy(false);
  }

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            Your worksheets
          </Title>
          <FileButton
            onChange={(file) => void add(file)}
            accept="application/pdf,image/png,image/jpeg"
          >
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                leftSection={<IconPaperclip size={14} />}
                loading={busy}
              >
                Attach a PDF or image…
              </Button>
            )}
          </FileButton>
        </Group>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {list?.records.some((attachment) => attachment.damagedAt) && (
          <Alert color="yellow" role="status">
            {DAMAGED_WORKSHEET_ADVICE}
          </Alert>
        )}
        {(list?.records.length ?? 0) === 0 ? (
          <Text size="sm" c="dimmed">
            Attach worksheets you already use (up to 20 MB each). They are stored encrypted with
            your vault.
          </Text>
        ) : (
          <Stack gap={4} role="list" aria-label="Worksheets">
            {list?.records.map((attachment) => (
              <WorksheetRow
                key={attachment.id}
                attachment={attachment}
                onOpen={() => setViewing(attachment)}
              />
            ))}
          </Stack>
        )}
      </Stack>
      {viewing && (
        <AttachmentViewer
          attachment={viewing}
          cannotOpen="This worksheet couldn’t be opened. Its file may be damaged; please remove it and attach it again from your own copy."
          onClose={() => setViewing(null)}
        />
      )}
    </Paper>
  );
}

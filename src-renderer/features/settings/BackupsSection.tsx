import { Alert, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import { LoadingMark } from '../../components/LoadingMark';
import type { BackupEntry } from '../../../src-shared/ipc/contract';
import { backUpVault } from '../../data/vault-backup';
import { chooseBackupFolder, switchToDefaultBackupFolder } from '../../data/app-settings';
import { isBackupFolderMissing } from '../../data/backup-files';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { damagedWorksheetsNotice } from '../../formatting/describe-worksheets';
import { BackupList } from './BackupList';
import { RestoreBackupModal } from './RestoreBackupModal';
import { useBackups } from './useBackups';

/** Where backups go, how many are kept, the list, "Back up now" and restore. */
export function BackupsSection() {
  const session = useOpenVault();
  const backups = useBackups();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);

  async function backUpNow() {
    setBusy(true);
    try {
      const { entry, leftOut } = await backUpVault(session);
      setMessage(
        leftOut.length === 0
          ? { color: 'sage', text: `Backed up ${entry.recordCount} records.` }
          : { color: 'yellow', text: damagedWorksheetsNotice(leftOut) },
      );
    } catch (caught) {
      // A missing folder has its own notice below, with what to do about it.
      const folderMissing = isBackupFolderMissing(caught);
      setMessage(
        folderMissing
          ? null
          : {
              color: 'red',
              text: `The backup didn’t finish. ${caught instanceof Error ? caught.message : ''}`,
            },
      );
    }
    await backups.refresh();
    setBusy(false);
  }

  async function changeFolder() {
    try {
      await chooseBackupFolder();
    } catch (caught) {
      setMessage({
        color: 'red',
        text: caught instanceof Error ? caught.message : 'That folder can’t be used.',
      });
    }
    await backups.refresh();
  }

  async function switchToDefaultFolder() {
    await switchToDefaultBackupFolder();
    setMessage(null);
    await backups.refresh();
  }

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Backups
      </Title>
      <Text size="sm">
        Bridgework backs up this vault a few seconds after changes, when you lock and when you quit.
        It keeps the last 10 backups, plus one a day for 30 days. Backups are encrypted just like
        the vault.
      </Text>
      <Group gap="xs" wrap="nowrap">
        <IconFolder size={18} aria-hidden />
        <Code data-testid="backup-folder" style={{ overflowWrap: 'anywhere' }}>
          {backups.data?.folder ?? '…'}
        </Code>
      </Group>
      <Group gap="xs">
        <Button onClick={() => void backUpNow()} loading={busy}>
          Back up now
        </Button>
        <Button variant="default" onClick={() => void changeFolder()}>
          Change folder…
        </Button>
      </Group>
      {backups.data?.folderMissing && (
        <Alert color="yellow" title="The backup folder can’t be found" role="alert">
          <Stack gap="xs">
            <Text size="sm">
              Backups can’t be made until Bridgework can reach a backup folder. The folder may have
              been moved or renamed, or be on a drive that isn’t connected. Your data is safe in the
              vault.
            </Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => void switchToDefaultFolder()}>
                Use the default folder
              </Button>
              <Button size="xs" variant="default" onClick={() => void changeFolder()}>
                Choose another folder…
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {message && (
        <Alert
          color={message.color}
          role="status"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setMessage(null)}
        >
          {message.text}
        </Alert>
      )}
      {backups.error && <Alert color="red">{backups.error}</Alert>}
      {backups.isLoading ? <LoadingMark size="sm" label="Loading backups" /> : null}
      {backups.data && <BackupList entries={backups.data.entries} onRestore={setRestoring} />}
      {restoring && (
        <RestoreBackupModal
          entry={restoring}
          onClose={(restored) => {
            setRestoring(null);
            if (restored) setMessage({ color: 'sage', text: 'The backup was restored.' });
            void backups.refresh();
          }}
        />
      )}
    </Stack>
  );
}

import { Alert, Button, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupEntry } from '../../../src-shared/ipc/contract';
import { backUpVault } from '../../data/vault-backup';
import { callMain } from '../../main-process';
import { useOpenVault } from '../vault/VaultSessionProvider';
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
      const entry = await backUpVault(session);
      setMessage({ color: 'sage', text: `Backed up ${entry.recordCount} records.` });
    } catch (caught) {
      setMessage({
        color: 'red',
        text: `The backup didn’t finish: ${caught instanceof Error ? caught.message : 'unknown reason'}`,
      });
    }
    await backups.refresh();
    setBusy(false);
  }

  async function changeFolder() {
    await callMain('settings:choose-backup-folder', {});
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
      {backups.isLoading ? <Loader size="sm" aria-label="Loading backups" /> : null}
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

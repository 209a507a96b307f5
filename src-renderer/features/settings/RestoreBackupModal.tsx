import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { BackupEntry } from '../../../src-shared/ipc/contract';
import { useWorksheetsLeftOutQuestion } from '../../components/WorksheetsLeftOut';
import { restoreVault } from '../../data/vault-backup';
import { describeBackupError } from '../../formatting/describe-error';
import { useOpenVault, useVaultSession } from '../../session/VaultSessionProvider';

const CONFIRMATION_WORD = 'restore';
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

/** Replaces the vault's data with a backup, after a typed confirmation; today's state stays in a backup. */
export function RestoreBackupModal({
  entry,
  onClose,
}: {
  entry: BackupEntry;
  onClose: (restored: boolean) => void;
}) {
  const session = useOpenVault();
  const { replace } = useVaultSession();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const leavingOut = useWorksheetsLeftOutQuestion({
    goAhead: 'Restore without them',
    stop: 'Keep things as they are',
  });

  async function restore() {
    setBusy(true);
    setError(null);
    try {
      const restored = await restoreVault(session, { fileName: entry.fileName }, leavingOut.ask);
      if (restored) replace(restored);
      onClose(restored !== null);
    } catch (caught) {
      setError(`The restore didn’t go through. ${describeBackupError(caught)}`);
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={() => !busy && onClose(false)}
      title="Restore from backup"
      centered
      size="lg"
    >
      <Stack gap="md">
        <Text>
          This replaces everything in <strong>{session.name}</strong> with the backup from{' '}
          <strong>{dateFormat.format(entry.createdAt)}</strong> ({entry.recordCount} records).
          Before anything changes, Bridgework makes sure a backup holds the vault as it is now, so
          you can come back to today.
        </Text>
        <TextInput
          label={`Type “${CONFIRMATION_WORD}” to continue`}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
          disabled={busy}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {leavingOut.question ?? (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose(false)} disabled={busy}>
              Keep things as they are
            </Button>
            <Button
              color="red"
              onClick={() => void restore()}
              loading={busy}
              disabled={typed.trim().toLowerCase() !== CONFIRMATION_WORD}
            >
              Restore this backup
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

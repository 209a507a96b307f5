import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useWorksheetsLeftOutQuestion } from '../../components/WorksheetsLeftOut';
import {
  type BackupOpening,
  type BackupSource,
  importVault,
  readBackupHeader,
} from '../../data/vault-backup';
import { chooseBackupFileToImport } from '../../data/backup-files';
import { describeBackupError } from '../../formatting/describe-error';
import { UnlockForm } from './UnlockForm';
import { unlockHeader, type UnlockedVault } from '../../data/vault-access';
import { useVaultSession } from '../../session/VaultSessionProvider';

type Chosen = { source: BackupSource; fileName: string; opening: BackupOpening };

/** A new computer: pick a backup file, unlock it with its passphrase or recovery key, bring the vault in. */
export function ImportBackupFlow({ onCancel }: { onCancel: () => void }) {
  const { enter } = useVaultSession();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const leavingOut = useWorksheetsLeftOutQuestion({
    goAhead: 'Bring it in without them',
    stop: 'Don’t bring it in',
  });

  async function choose() {
    setError(null);
    setBusy(true);
    try {
      const picked = await chooseBackupFileToImport();
      if (picked) {
        const source = { token: picked.token };
        setChosen({ source, fileName: picked.fileName, opening: await readBackupHeader(source) });
      }
    } catch (caught) {
      setError(describeBackupError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function bringIn(unlocked: UnlockedVault) {
    if (!chosen) return;
    let imported: boolean;
    try {
      imported = await importVault(chosen.source, chosen.opening, unlocked, leavingOut.ask);
    } catch (caught) {
      throw new Error(describeBackupError(caught));
    }
    if (imported) await enter(unlocked);
    else setChosen(null);
  }

  if (!chosen) {
    return (
      <Stack gap="md">
        <Text size="sm">
          Choose a Bridgework backup (a file ending in .bwvault) from your old computer, a USB stick
          or your backup folder. You’ll need the vault’s passphrase or its recovery key.
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Back
          </Button>
          <Button onClick={() => void choose()} loading={busy}>
            Choose backup file…
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        <strong>{chosen.opening.vaultName}</strong>, from {chosen.fileName}. Unlock it to bring it
        onto this computer.
      </Text>
      <UnlockForm
        unlock={(secret) => unlockHeader(chosen.opening.headerBytes, secret)}
        onUnlocked={bringIn}
        submitLabel="Unlock and open"
      />
      {leavingOut.question}
      <Button variant="subtle" onClick={() => setChosen(null)}>
        Choose another file
      </Button>
    </Stack>
  );
}

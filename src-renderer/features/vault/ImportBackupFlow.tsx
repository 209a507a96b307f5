import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { toHex } from '../../../src-shared/crypto/bytes';
import type { BackupSource } from '../../../src-shared/ipc/contract';
import { parseHeader } from '../../../src-shared/vault/header';
import type { UnlockedVault } from '../../../src-shared/vault/key-slots';
import { describeBackupProblem, isVaultError } from '../../../src-shared/vault/vault-error';
import { useWorksheetsLeftOutQuestion } from '../../components/WorksheetsLeftOut';
import { importVault, readBackupHeader } from '../../data/vault-backup';
import { callMain } from '../../main-process';
import { describeVaultError } from './describe-error';
import { UnlockForm } from './UnlockForm';
import { unlockHeader } from './vault-actions';
import { useVaultSession } from './VaultSessionProvider';

type Chosen = {
  source: BackupSource;
  fileName: string;
  headerBytes: Uint8Array;
  vaultName: string;
};

function describeImportError(error: unknown): string {
  return isVaultError(error) ? describeBackupProblem(error.code) : describeVaultError(error);
}

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
      const picked = await callMain('backup:choose-file', {});
      if (picked) {
        const source = { token: picked.token };
        const headerBytes = await readBackupHeader(source);
        setChosen({
          source,
          fileName: picked.fileName,
          headerBytes,
          vaultName: parseHeader(headerBytes).name,
        });
      }
    } catch (caught) {
      setError(describeImportError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function bringIn(unlocked: UnlockedVault) {
    if (!chosen) return;
    let imported: boolean;
    try {
      imported = await importVault(
        chosen.source,
        chosen.headerBytes,
        unlocked.dataKey,
        toHex(unlocked.header.vaultId),
        leavingOut.ask,
      );
    } catch (caught) {
      throw new Error(describeImportError(caught));
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
        <strong>{chosen.vaultName}</strong>, from {chosen.fileName}. Unlock it to bring it onto this
        computer.
      </Text>
      <UnlockForm
        unlock={(secret) => unlockHeader(chosen.headerBytes, secret)}
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

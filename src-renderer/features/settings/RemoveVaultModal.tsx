import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useOpenVault, useVaultSession } from '../../session/VaultSessionProvider';

/**
 * Removes the vault from this computer after the clinician types its name; offers a final
 * backup first (on by default). Backups themselves are kept.
 */
export function RemoveVaultModal({ onClose }: { onClose: () => void }) {
  const session = useOpenVault();
  const { removeOpenVault } = useVaultSession();
  const [typed, setTyped] = useState('');
  const [finalBackup, setFinalBackup] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    try {
      await removeOpenVault({ finalBackup });
    } catch (caught) {
      setError(
        `The vault wasn’t removed: ${caught instanceof Error ? caught.message : 'unknown reason'}`,
      );
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title="Remove vault from this computer"
      centered
      size="lg"
    >
      <Stack gap="md">
        <Text>
          This deletes <strong>{session.name}</strong> and everything in it from this computer. Your
          backups stay where they are, and the vault can be opened from one of them later with its
          passphrase or recovery key.
        </Text>
        <Checkbox
          label="Make a final backup first"
          checked={finalBackup}
          onChange={(event) => setFinalBackup(event.currentTarget.checked)}
        />
        <TextInput
          label={`Type the vault’s name (${session.name}) to confirm`}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
          disabled={busy}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Keep the vault
          </Button>
          <Button
            color="red"
            onClick={() => void remove()}
            loading={busy}
            disabled={typed.trim() !== session.name}
          >
            Remove vault
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { makeNewRecoveryKey } from '../../data/vault-key-changes';
import { RecoveryKeyStep } from '../../components/RecoveryKeyStep';
import { useOpenVault, useVaultSession } from '../../session/VaultSessionProvider';

/** Replaces the recovery key: the old one stops working, the new one is shown once. */
export function NewRecoveryKeyModal({ onClose }: { onClose: () => void }) {
  const session = useOpenVault();
  const { replace } = useVaultSession();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function regenerate() {
    setBusy(true);
    try {
      const made = await makeNewRecoveryKey(session);
      replace(made.session);
      setRecoveryKey(made.recoveryKey);
    } catch (caught) {
      setError(
        `The recovery key wasn’t changed: ${caught instanceof Error ? caught.message : 'unknown reason'}`,
      );
    }
    setBusy(false);
  }

  return (
    <Modal
      opened
      onClose={() => !busy && !recoveryKey && onClose()}
      title="New recovery key"
      centered
      size="lg"
      withCloseButton={!recoveryKey}
    >
      {recoveryKey ? (
        <RecoveryKeyStep
          recoveryKey={recoveryKey}
          onDone={onClose}
          doneLabel="Done"
          sheet={{ session }}
        />
      ) : (
        <Stack gap="md">
          <Text>
            Make a new recovery key if you’ve lost the old one or think someone else may have seen
            it. The old key stops working straight away. Older backups can still be opened with the
            recovery key that was current when they were made.
          </Text>
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => void regenerate()} loading={busy}>
              Make a new recovery key
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

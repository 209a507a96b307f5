import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useOneAtATime } from '../../components/useOneAtATime';
import { renameOpenVault } from '../../data/vault-key-changes';
import { useOpenVault, useVaultSession } from '../../session/VaultSessionProvider';

/** Gives the vault a new name (e.g. "Clinic"), re-signing its key file. */
export function RenameVaultModal({ onClose }: { onClose: () => void }) {
  const session = useOpenVault();
  const { replace } = useVaultSession();
  const [name, setName] = useState(session.name);
  const [error, setError] = useState<string | null>(null);

  const saving = useOneAtATime(async () => {
    try {
      replace(await renameOpenVault(session, name));
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The name could not be saved.');
    }
  });

  return (
    <Modal opened onClose={onClose} title="Rename vault" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void saving.run();
        }}
        autoComplete="off"
      >
        <TextInput
          label="Vault name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
          data-autofocus
          autoComplete="off"
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            Save name
          </Button>
        </Group>
      </form>
    </Modal>
  );
}

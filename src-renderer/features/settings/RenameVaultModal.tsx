import { Button, Group, Modal, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { toBase64, utf8 } from '../../../src-shared/crypto/bytes';
import { MAX_VAULT_NAME_BYTES } from '../../../src-shared/vault/header';
import { renameVault } from '../../../src-shared/vault/key-slots';
import { withHeader } from '../../data/vault-session';
import { callMain } from '../../main-process';
import { useOpenVault, useVaultSession } from '../vault/VaultSessionProvider';

/** Gives the vault a new name (e.g. "Clinic"), re-signing its key file. */
export function RenameVaultModal({ onClose }: { onClose: () => void }) {
  const session = useOpenVault();
  const { replace } = useVaultSession();
  const [name, setName] = useState(session.name);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || utf8(trimmed).length > MAX_VAULT_NAME_BYTES) {
      setError('Please use a name of 1 to 120 characters.');
      return;
    }
    try {
      const renamed = renameVault(session.unlocked, trimmed);
      await callMain('vault:replace-header', {
        vaultId: session.vaultIdHex,
        header: toBase64(renamed.headerBytes),
      });
      replace(withHeader(session, renamed));
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The name could not be saved.');
    }
  }

  return (
    <Modal opened onClose={onClose} title="Rename vault" centered>
      <form onSubmit={(event) => void submit(event)} autoComplete="off">
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
          <Button type="submit">Save name</Button>
        </Group>
      </form>
    </Modal>
  );
}

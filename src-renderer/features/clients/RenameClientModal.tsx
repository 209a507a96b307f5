import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type Client, clientNameSchema } from '../../../src-shared/domain/client';
import { useOneAtATime } from '../../components/useOneAtATime';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** A small dialog to change a client's name. */
export function RenameClientModal({ client, onClose }: { client: Client; onClose: () => void }) {
  const { clients } = useOpenVault();
  const [name, setName] = useState(client.name);
  const [error, setError] = useState<string | null>(null);

  const saving = useOneAtATime(async () => {
    const parsed = clientNameSchema.safeParse(name);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Please check the name.');
      return;
    }
    await clients.rename(client.id, parsed.data);
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title="Rename client" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void saving.run();
        }}
        autoComplete="off"
      >
        <TextInput
          label="Name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={error}
          autoComplete="off"
          data-autofocus
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

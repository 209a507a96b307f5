import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Client } from '../../../src-shared/domain/client';
import { UserText } from '../../components/UserText';
import { useOneAtATime } from '../../components/useOneAtATime';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** Deletes a client and every record of theirs after their name is typed; the vault's log notes it. */
export function DeleteClientModal({
  client,
  onClose,
  onDeleted,
}: {
  client: Client;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { clients } = useOpenVault();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  const removing = useOneAtATime(async () => {
    try {
      await clients.deleteWithAllRecords(client.id);
      onDeleted();
    } catch (caught) {
      setError(
        `Nothing was deleted: ${caught instanceof Error ? caught.message : 'unknown reason'}`,
      );
    }
  });

  return (
    <Modal opened onClose={onClose} title="Delete client" centered size="lg">
      <Stack gap="md">
        <Text>
          This permanently deletes{' '}
          <strong>
            <UserText>{client.name}</UserText>
          </strong>{' '}
          and everything recorded with them: goals, sessions, assignments, practice logs, reviews
          and your notes. Backups made before today still hold them until they are rotated away. If
          you only want them out of your everyday list, set their status to Discharged instead.
        </Text>
        <TextInput
          label={
            <>
              Type the client’s name (<UserText>{client.name}</UserText>) to confirm
            </>
          }
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep this client
          </Button>
          <Button
            color="red"
            onClick={() => void removing.run()}
            loading={removing.busy}
            disabled={typed.trim() !== client.name}
          >
            Delete client and all their records
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

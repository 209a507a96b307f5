import { Button, Group, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type Client, clientNameSchema } from '../../../src-shared/domain/client';
import { useOneAtATime } from '../../components/useOneAtATime';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** One line to add a client by name. */
export function AddClientForm({ onAdded }: { onAdded?: (client: Client) => void }) {
  const { clients } = useOpenVault();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  // A second press while the first client is being saved (a double click) adds no one, and
  // does not ask for a name the first press has just taken.
  const adding = useOneAtATime(async () => {
    const parsed = clientNameSchema.safeParse(name);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Please check the name.');
      return;
    }
    // Cleared before saving, so a next name typed meanwhile is not wiped when this save ends.
    setName('');
    setError(null);
    try {
      onAdded?.(await clients.add(parsed.data));
    } catch {
      setName(parsed.data);
      setError('This client couldn’t be saved. Please try again.');
    }
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void adding.run();
      }}
      autoComplete="off"
    >
      <Group align="flex-start" gap="sm">
        <TextInput
          aria-label="New client’s name"
          placeholder="New client’s name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={error}
          autoComplete="off"
          style={{ flex: 1 }}
        />
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={adding.busy}>
          Add client
        </Button>
      </Group>
    </form>
  );
}

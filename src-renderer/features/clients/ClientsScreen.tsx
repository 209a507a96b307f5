import { Alert, Center, Group, Loader, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { searchClients } from '../../../src-shared/domain/client';
import { AddClientForm } from './AddClientForm';
import { ClientRow } from './ClientRow';
import { useClients } from './useClients';

/** The client list: search, add, rename, archive. */
export function ClientsScreen() {
  const { data, isLoading, damagedCount } = useClients();
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const visible = useMemo(
    () => searchClients(data, query).filter((client) => showArchived || client.archivedAt === null),
    [data, query, showArchived],
  );
  const archivedCount = data.filter((client) => client.archivedAt !== null).length;

  return (
    <Stack gap="lg" maw={760}>
      <Title order={1} size="h2">
        Clients
      </Title>
      <AddClientForm />
      <Group justify="space-between" align="center">
        <TextInput
          aria-label="Search clients"
          placeholder="Search by name"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          autoComplete="off"
          w={320}
        />
        <Switch
          label={`Show archived (${archivedCount})`}
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
        />
      </Group>
      {damagedCount > 0 && (
        <Alert color="orange" title="Some records couldn’t be read">
          {damagedCount === 1 ? 'One client record is' : `${damagedCount} client records are`}{' '}
          damaged and can’t be shown. Everything else is fine. Restoring a backup can bring them
          back.
        </Alert>
      )}
      {isLoading ? (
        <Center py="xl">
          <Loader aria-label="Loading clients" />
        </Center>
      ) : visible.length > 0 ? (
        <Stack gap="xs" role="list" aria-label="Clients">
          {visible.map((client) => (
            <ClientRow key={client.id} client={client} />
          ))}
        </Stack>
      ) : (
        <Text c="dimmed" ta="center" py="xl">
          {data.length === 0
            ? 'No clients yet. Add the first person you’re working with above.'
            : 'No clients match your search.'}
        </Text>
      )}
    </Stack>
  );
}

import {
  Alert,
  Center,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { LoadingMark } from '../../components/LoadingMark';
import {
  type ClientStatus,
  clientStatuses,
  searchClients,
} from '../../../src-shared/domain/client';
import { useLatestRouteAmong, useNavigation } from '../../session/navigation';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { AddClientForm } from './AddClientForm';
import { ClientListItem } from './ClientListItem';
import { ClientPage } from './ClientPage';
import { useClients } from './useClients';
import { usePreferences } from '../../session/usePreferences';

type StatusFilter = ClientStatus | 'all';

/** The client list (search, status filter, privacy initials, add) and, when one is opened, their page. */
export function ClientsScreen() {
  const { preferences } = useOpenVault();
  const { data, isLoading, damagedCount } = useClients();
  const prefs = usePreferences();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('active');
  const { navigate } = useNavigation();
  const shown = useLatestRouteAmong(['clients', 'client']);
  const openClientId = shown?.screen === 'client' ? shown.clientId : null;
  const visible = useMemo(
    () => searchClients(data, query, status === 'all' ? undefined : [status]),
    [data, query, status],
  );
  const counts = Object.fromEntries(
    clientStatuses.map((s) => [s, data.filter((c) => c.status === s).length]),
  );

  const openClient = openClientId ? data.find((client) => client.id === openClientId) : undefined;
  if (openClient)
    return <ClientPage client={openClient} onBack={() => navigate({ screen: 'clients' })} />;

  return (
    <Stack gap="lg" maw={760}>
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          Clients
        </Title>
        <Switch
          label="Show initials only"
          checked={prefs.data.initialsOnlyInLists}
          onChange={(event) => void preferences.setInitialsOnly(event.currentTarget.checked)}
        />
      </Group>
      <AddClientForm onAdded={(client) => setStatus(status === 'all' ? 'all' : client.status)} />
      <Group justify="space-between" align="center">
        <TextInput
          aria-label="Search clients"
          placeholder="Search by name"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          autoComplete="off"
          w={300}
        />
        <SegmentedControl
          aria-label="Show clients who are"
          value={status}
          onChange={(value) => setStatus(value as StatusFilter)}
          data={[
            { value: 'active', label: `Active (${counts.active ?? 0})` },
            { value: 'paused', label: `Paused (${counts.paused ?? 0})` },
            { value: 'discharged', label: `Discharged (${counts.discharged ?? 0})` },
            { value: 'all', label: 'All' },
          ]}
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
          <LoadingMark label="Loading clients" />
        </Center>
      ) : visible.length > 0 ? (
        <Stack gap="xs" role="list" aria-label="Clients">
          {visible.map((client) => (
            <ClientListItem
              key={client.id}
              client={client}
              initialsOnly={prefs.data.initialsOnlyInLists}
              onOpen={() => navigate({ screen: 'client', clientId: client.id })}
            />
          ))}
        </Stack>
      ) : (
        <Text c="dimmed" ta="center" py="xl">
          {data.length === 0
            ? 'No clients yet. Add the first person you’re working with above.'
            : 'No clients match this search and filter.'}
        </Text>
      )}
    </Stack>
  );
}

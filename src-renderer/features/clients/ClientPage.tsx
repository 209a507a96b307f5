import { Anchor, Button, Group, Menu, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconChartLine, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type Client,
  type ClientStatus,
  clientStatuses,
  clientStatusLabels,
} from '../../../src-shared/domain/client';
import { UserText } from '../../components/UserText';
import { useNavigation } from '../../session/navigation';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { ClientExportsSection } from './ClientExportsSection';
import { ClientSessionsSection } from './ClientSessionsSection';
import { DeleteClientModal } from './DeleteClientModal';
import { GoalsSection } from './GoalsSection';
import { PrivateNotesSection } from './PrivateNotesSection';
import { RenameClientModal } from './RenameClientModal';

const sinceFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** One client: status, goals in their words, private notes, sessions and the practice going now. */
export function ClientPage({ client, onBack }: { client: Client; onBack: () => void }) {
  const { clients } = useOpenVault();
  const { navigate } = useNavigation();
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);

  return (
    <Stack gap="lg" maw={1100}>
      <Anchor component="button" type="button" onClick={onBack} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden /> All clients
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            <UserText>{client.name}</UserText>
          </Title>
          <Text size="sm" c="dimmed">
            Working together since {sinceFormat.format(new Date(client.createdAt))}
          </Text>
        </div>
        <Group gap="xs" align="flex-end">
          <Button
            variant="default"
            leftSection={<IconChartLine size={16} />}
            onClick={() => navigate({ screen: 'client-insights', clientId: client.id })}
          >
            Insights
          </Button>
          <Select
            label="Status"
            data={clientStatuses.map((value) => ({ value, label: clientStatusLabels[value] }))}
            value={client.status}
            onChange={(value) => value && void clients.setStatus(client.id, value as ClientStatus)}
            allowDeselect={false}
            w={170}
          />
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" px="xs" aria-label={`More for ${client.name}`}>
                <IconDots size={18} />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDialog('rename')}>
                Rename
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDialog('delete')}
              >
                Delete client…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <GoalsSection clientId={client.id} />
        <PrivateNotesSection client={client} />
      </SimpleGrid>
      <ClientSessionsSection client={client} />
      <ClientExportsSection client={client} />
      {dialog === 'rename' && <RenameClientModal client={client} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && (
        <DeleteClientModal client={client} onClose={() => setDialog(null)} onDeleted={onBack} />
      )}
    </Stack>
  );
}

import { ActionIcon, Badge, Group, Menu, Paper, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconDots, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Client } from '../../../src-shared/domain/client';
import { useOpenVault } from '../vault/VaultSessionProvider';
import { RenameClientModal } from './RenameClientModal';

const addedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** One client in the list, with rename and archive. */
export function ClientRow({ client }: { client: Client }) {
  const { clients } = useOpenVault();
  const [renaming, setRenaming] = useState(false);
  const archived = client.archivedAt !== null;

  return (
    <Paper withBorder radius="md" px="md" py="sm" role="listitem" aria-label={client.name}>
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Text fw={600}>{client.name}</Text>
            {archived && (
              <Badge variant="light" color="gray" size="sm">
                Archived
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Added {addedFormat.format(new Date(client.createdAt))}
          </Text>
        </div>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${client.name}`}>
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setRenaming(true)}>
              Rename
            </Menu.Item>
            <Menu.Item
              leftSection={archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
              onClick={() => void clients.setArchived(client.id, !archived)}
            >
              {archived ? 'Bring back from archive' : 'Archive'}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {renaming && <RenameClientModal client={client} onClose={() => setRenaming(false)} />}
    </Paper>
  );
}

import { Badge, Button, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { BackupEntry } from '../../../src-shared/ipc/contract';
import { formatSize } from '../../formatting/format-size';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The backups of the vault, newest first, each intact or damaged on disk, with Restore. */
export function BackupList({
  entries,
  onRestore,
}: {
  entries: BackupEntry[];
  onRestore: (entry: BackupEntry) => void;
}) {
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No backups yet. One is made a few seconds after each change, when you lock, and when you
        quit.
      </Text>
    );
  }
  return (
    <Table verticalSpacing="xs" aria-label="Backups">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Made</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th>Check</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.fileName}>
            <Table.Td>{dateFormat.format(entry.createdAt)}</Table.Td>
            <Table.Td>{formatSize(entry.sizeBytes)}</Table.Td>
            <Table.Td>
              {entry.status === 'verified' ? (
                <Tooltip
                  label="Complete and unchanged on disk. Every record and worksheet in it is checked with your key when you restore it, before anything changes."
                  multiline
                  w={280}
                >
                  <Badge color="sage" variant="light">
                    Intact
                  </Badge>
                </Tooltip>
              ) : (
                <Tooltip label={entry.problem ?? 'This backup is damaged.'} multiline w={260}>
                  <Badge color="red" variant="light">
                    Damaged
                  </Badge>
                </Tooltip>
              )}
            </Table.Td>
            <Table.Td ta="right">
              <Button
                size="xs"
                variant="subtle"
                disabled={entry.status !== 'verified'}
                onClick={() => onRestore(entry)}
                aria-label={`Restore the backup from ${dateFormat.format(entry.createdAt)}`}
              >
                Restore…
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

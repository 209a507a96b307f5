import { Table, Text } from '@mantine/core';
import type { Completion } from '../../../src-shared/domain/insights';
import { UserText } from '../../components/UserText';
import { ShareText } from './ShareText';

/** One row of a completion table: what it is, and its completion. */
export type CompletionRow = { key: string; label: string; completion: Completion };

/**
 * Completion side by side for groups (templates, dose sizes, confidence…): any attempt and full
 * dose, each with its count. Rows with no reviews are left out; with none at all, `empty` says
 * what will appear.
 */
export function CompletionTable({
  caption,
  rows,
  empty,
}: {
  caption: string;
  rows: readonly CompletionRow[];
  empty: string;
}) {
  const shown = rows.filter((row) => row.completion.anyAttempt.of > 0);
  if (shown.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Table aria-label={caption} striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{caption}</Table.Th>
          <Table.Th>Any attempt</Table.Th>
          <Table.Th>The full plan</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shown.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>
              <UserText>{row.label}</UserText>
            </Table.Td>
            <Table.Td>
              <ShareText share={row.completion.anyAttempt} />
            </Table.Td>
            <Table.Td>
              <ShareText share={row.completion.fullDose} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

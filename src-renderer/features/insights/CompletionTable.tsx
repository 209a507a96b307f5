import { Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Completion } from '../../../src-shared/domain/insights';
import { UserText } from '../../components/UserText';
import { ShareText } from './ShareText';

/** One row of a completion table: what it is, and its completion. */
export type CompletionRow = { key: string; label: string; completion: Completion };

/** The rows with the most reviews first (the practice used most), then by name. */
export function mostReviewedFirst(rows: readonly CompletionRow[]): CompletionRow[] {
  return [...rows].sort(
    (a, b) =>
      b.completion.anyAttempt.of - a.completion.anyAttempt.of || a.label.localeCompare(b.label),
  );
}

/**
 * Completion side by side for groups (templates, dose sizes, confidence…): any attempt and full
 * dose, each with its count. Rows with no reviews are left out; with none at all, `empty` says
 * what will appear. With `firstRows`, a long table shows that many rows and a button for all.
 */
export function CompletionTable({
  caption,
  rows,
  empty,
  firstRows,
}: {
  caption: string;
  rows: readonly CompletionRow[];
  empty: string;
  /** How many rows a long table shows before the clinician asks for the whole list. */
  firstRows?: number;
}) {
  const [showingAll, setShowingAll] = useState(false);
  const shown = rows.filter((row) => row.completion.anyAttempt.of > 0);
  if (shown.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  const cut = firstRows !== undefined && !showingAll && shown.length > firstRows;
  const table = (
    <Table aria-label={caption} striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{caption}</Table.Th>
          <Table.Th>Any attempt</Table.Th>
          <Table.Th>The full plan</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(cut ? shown.slice(0, firstRows) : shown).map((row) => (
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
  if (firstRows === undefined || shown.length <= firstRows) return table;
  return (
    <Stack gap="xs" align="flex-start">
      {table}
      <Button variant="subtle" size="compact-sm" onClick={() => setShowingAll(!showingAll)}>
        {showingAll ? `Show the first ${firstRows}` : `Show the whole list (${shown.length})`}
      </Button>
    </Stack>
  );
}

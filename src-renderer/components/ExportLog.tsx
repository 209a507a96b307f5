import { Alert, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { LoadingMark } from './LoadingMark';
import { initialsOf } from '../../src-shared/domain/client';
import type { ExportFormat, VaultLogEntry } from '../../src-shared/domain/vault-log';
import { usePreferences } from '../session/usePreferences';
import { useVaultQuery } from '../session/useVaultQuery';
import { useOpenVault } from '../session/VaultSessionProvider';
import { UserText } from './UserText';

/** How each format reads in the log. */
export const exportFormatLabels: Record<ExportFormat, string> = {
  pdf: 'PDF',
  ics: 'Calendar file (.ics)',
  png: 'PNG image',
  csv: 'CSV',
  'template-pack': 'Template pack',
  'handout-pdf': 'PDF',
  'tracker-pdf': 'PDF',
  'session-summary-pdf': 'PDF',
  'recovery-sheet-pdf': 'PDF',
  'calendar-ics': 'Calendar file (.ics)',
  'reminder-png': 'PNG image',
};

/** Entries shown before "Show all". */
const FIRST_SHOWN = 25;

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type ExportEntry = Extract<VaultLogEntry, { kind: 'export' }>;

/**
 * The vault's log of files that left it in plaintext, newest first: what, when, in which format
 * (and, for the whole vault, for whom). Never the files' contents or where they were saved.
 * With `clientId`, only that client's.
 */
export function ExportLog({ clientId }: { clientId?: string }) {
  const { log, clients } = useOpenVault();
  const prefs = usePreferences();
  const [showAll, setShowAll] = useState(false);
  const read = useVaultQuery(async () => {
    const { records, damagedIds } = await log.all();
    const exports = records.filter(
      (entry): entry is ExportEntry =>
        entry.kind === 'export' && (clientId === undefined || entry.clientId === clientId),
    );
    const names =
      clientId === undefined
        ? new Map((await clients.all()).records.map((client) => [client.id, client.name]))
        : new Map<string, string>();
    return { exports, damaged: damagedIds.length, names };
  }, [log, clients, clientId]);

  if (!read) return <LoadingMark size="sm" label="Loading the export log" />;
  const { exports, damaged, names } = read;
  const shown = showAll ? exports : exports.slice(0, FIRST_SHOWN);
  const clientOf = (entry: ExportEntry) => {
    if (entry.clientId === null)
      return (
        <Text span c="dimmed" size="sm">
          —
        </Text>
      );
    const name = names.get(entry.clientId);
    if (name === undefined)
      return (
        <Text span c="dimmed" size="sm">
          A client since deleted
        </Text>
      );
    return <UserText>{prefs.data.initialsOnlyInLists ? initialsOf(name) : name}</UserText>;
  };

  return (
    <>
      {damaged > 0 && (
        <Alert color="orange" mb="sm">
          {damaged === 1 ? 'One entry' : `${damaged} entries`} of the log couldn’t be read.
        </Alert>
      )}
      {exports.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing has been saved or exported yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={6} striped={false} aria-label="Export log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>What</Table.Th>
                {clientId === undefined && <Table.Th>Client</Table.Th>}
                <Table.Th>When</Table.Th>
                <Table.Th>Format</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <UserText>{entry.what}</UserText>
                  </Table.Td>
                  {clientId === undefined && <Table.Td>{clientOf(entry)}</Table.Td>}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {when.format(new Date(entry.at))}
                  </Table.Td>
                  <Table.Td>{exportFormatLabels[entry.format]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!showAll && exports.length > FIRST_SHOWN && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setShowAll(true)}>
          Show all {exports.length}
        </Button>
      )}
    </>
  );
}

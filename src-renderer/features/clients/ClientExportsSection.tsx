import { Paper, Stack, Text, Title } from '@mantine/core';
import { LoadingMark } from '../../components/LoadingMark';
import type { Client } from '../../../src-shared/domain/client';
import { ExportLog } from '../../components/ExportLog';
import { useIdleReady } from '../../when-idle';

/**
 * What has been saved for this client (handouts, trackers, reminders…): what, when, format.
 * Read once the client's page is painted: the log is the whole vault's (a busy practice's runs
 * to thousands of entries, a fifth of a second to open), and it is the least urgent part.
 */
export function ClientExportsSection({ client }: { client: Client }) {
  const ready = useIdleReady();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Saved for this client
        </Title>
        <Text size="xs" c="dimmed">
          Handouts, trackers and reminders saved from the vault. The files themselves aren’t kept.
        </Text>
        {ready ? (
          <ExportLog clientId={client.id} />
        ) : (
          <LoadingMark size="sm" label="Loading the export log" />
        )}
      </Stack>
    </Paper>
  );
}

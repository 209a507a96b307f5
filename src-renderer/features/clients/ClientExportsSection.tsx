import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Client } from '../../../src-shared/domain/client';
import { ExportLog } from '../../components/ExportLog';

/** What has been saved for this client (handouts, trackers, reminders…): what, when, format. */
export function ClientExportsSection({ client }: { client: Client }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Saved for this client
        </Title>
        <Text size="xs" c="dimmed">
          Handouts, trackers and reminders saved from the vault. The files themselves aren’t kept.
        </Text>
        <ExportLog clientId={client.id} />
      </Stack>
    </Paper>
  );
}

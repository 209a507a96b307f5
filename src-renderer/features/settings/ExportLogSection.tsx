import { Stack, Text, Title } from '@mantine/core';
import { ExportLog } from '../../components/ExportLog';

/**
 * Every file that has left the vault in plaintext — handouts, trackers, summaries, the recovery
 * sheet, calendar reminders, reminder images, template packs — with when and for whom.
 */
export function ExportLogSection() {
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Export log
      </Title>
      <Text size="sm" c="dimmed">
        Each file saved from the vault is noted here, once it was saved whole: what it was, for whom
        and when. The files themselves aren’t kept.
      </Text>
      <ExportLog />
    </Stack>
  );
}

import { Divider, Paper, Stack, Title } from '@mantine/core';
import { AutoLockSection } from './AutoLockSection';
import { BackupsSection } from './BackupsSection';
import { ClientWordsSection } from './ClientWordsSection';
import { ExportLogSection } from './ExportLogSection';
import { HandoutsSection } from './HandoutsSection';
import { ScreenSharingSection } from './ScreenSharingSection';
import { VaultSection } from './VaultSection';

/**
 * Backups, locking, the vault's keys and name, screen sharing, the words the client sees, what
 * handouts carry, and the log of what left the vault.
 */
export function SettingsScreen() {
  return (
    <Stack gap="lg" maw={820}>
      <Title order={1} size="h2">
        Settings
      </Title>
      <Paper withBorder radius="md" p="lg">
        <BackupsSection />
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="lg">
          <VaultSection />
          <Divider />
          <AutoLockSection />
          <Divider />
          <ScreenSharingSection />
          <Divider />
          <ClientWordsSection />
          <Divider />
          <HandoutsSection />
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <ExportLogSection />
      </Paper>
    </Stack>
  );
}

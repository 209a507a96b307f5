import { Divider, Paper, Stack, Title } from '@mantine/core';
import { AutoLockSection } from './AutoLockSection';
import { BackupsSection } from './BackupsSection';
import { ClientWordsSection } from './ClientWordsSection';
import { ScreenSharingSection } from './ScreenSharingSection';
import { VaultSection } from './VaultSection';

/** Backups, locking, the vault's keys and name, screen sharing, and the words the client sees. */
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
        </Stack>
      </Paper>
    </Stack>
  );
}

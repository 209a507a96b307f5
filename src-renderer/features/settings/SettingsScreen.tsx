import { Divider, Paper, Stack, Title } from '@mantine/core';
import { AutoLockSection } from './AutoLockSection';
import { BackupsSection } from './BackupsSection';
import { ScreenSharingSection } from './ScreenSharingSection';
import { VaultSection } from './VaultSection';

/** Backups, locking, the vault's keys and name, and screen sharing. */
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
        </Stack>
      </Paper>
    </Stack>
  );
}

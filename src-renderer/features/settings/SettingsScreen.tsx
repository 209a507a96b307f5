import { Divider, Paper, Stack, Title } from '@mantine/core';
import { AutoLockSection } from './AutoLockSection';
import { BackupsSection } from './BackupsSection';
import { VaultSection } from './VaultSection';

/** Backups, locking, and the vault's keys and name. */
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
        </Stack>
      </Paper>
    </Stack>
  );
}

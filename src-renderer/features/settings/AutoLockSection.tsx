import { Select, Stack, Text, Title } from '@mantine/core';
import { saveAutoLockMinutes } from '../../data/app-settings';
import { useVaultSession } from '../../session/VaultSessionProvider';

const choices = [1, 2, 5, 10, 15, 30, 60].map((minutes) => ({
  value: String(minutes),
  label: minutes === 1 ? '1 minute' : `${minutes} minutes`,
}));

/** How long Bridgework waits without keyboard or mouse activity before locking. */
export function AutoLockSection() {
  const { autoLockMinutes, setAutoLockMinutes } = useVaultSession();

  async function change(value: string | null) {
    if (!value) return;
    const saved = await saveAutoLockMinutes(Number(value));
    setAutoLockMinutes(saved.autoLockMinutes);
  }

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Locking
      </Title>
      <Text size="sm">
        Bridgework also locks when your computer sleeps or its screen locks, and whenever you press
        Ctrl+L (⌘L on a Mac).
      </Text>
      <Select
        label="Lock after this long without activity"
        data={choices}
        value={String(autoLockMinutes)}
        onChange={(value) => void change(value)}
        allowDeselect={false}
        w={360}
      />
    </Stack>
  );
}

import { Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { readAppSettings, saveProtectTherapistWindow } from '../../data/app-settings';

/**
 * Whether this window is kept out of screen sharing (Electron's content protection). It works on
 * macOS and Windows only; on Linux the clinician shares the shared view's window, not the screen.
 */
export function ScreenSharingSection() {
  const [protect, setProtect] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    readAppSettings().then(
      (settings) => current && setProtect(settings.protectTherapistWindow),
      () => current && setProblem('This setting couldn’t be read.'),
    );
    return () => {
      current = false;
    };
  }, []);

  async function change(next: boolean) {
    const before = protect;
    setProtect(next);
    try {
      setProtect((await saveProtectTherapistWindow(next)).protectTherapistWindow);
      setProblem(null);
    } catch {
      setProtect(before);
      setProblem('The change couldn’t be saved. Please try again.');
    }
  }

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Screen sharing
      </Title>
      <Switch
        label="Keep this window out of screen sharing"
        checked={protect ?? true}
        disabled={protect === null}
        onChange={(event) => void change(event.currentTarget.checked)}
        description="This works on macOS and Windows; on Linux, share only the shared view’s window."
      />
      {problem && (
        <Text size="sm" c="red">
          {problem}
        </Text>
      )}
    </Stack>
  );
}

import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { PracticeWording } from '../../../src-shared/domain/preferences';
import { usePreferences } from '../../session/usePreferences';
import { useOpenVault } from '../../session/VaultSessionProvider';

/**
 * What the client sees the week's practice called, on the shared view and everything they take
 * away: "practice" or "this week's plan" — never "homework", which can sound like school.
 */
export function ClientWordsSection() {
  const { preferences } = useOpenVault();
  const { data, isLoading } = usePreferences();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Words on the client’s side
      </Title>
      <Text size="sm" c="dimmed">
        What the shared view and handouts call the week’s practice.
      </Text>
      <SegmentedControl
        aria-label="What the client sees it called"
        value={data.practiceWording}
        disabled={isLoading}
        onChange={(value) => void preferences.setPracticeWording(value as PracticeWording)}
        data={[
          { value: 'practice', label: 'Practice' },
          { value: 'this-weeks-plan', label: 'This week’s plan' },
        ]}
        w={320}
      />
    </Stack>
  );
}

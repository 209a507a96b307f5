import { Button, Chip, Group, Paper, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import {
  promptsFor,
  type ReviewSituation,
  reviewSituationLabels,
  reviewSituations,
} from '../../../src-shared/domain/review-prompts';

/**
 * A question to open with, from the prompt bank: before anyone knows how the week went, the
 * opening questions; once the outcome is in, questions for that situation. Another one is a
 * click away; the therapist can pick the situation (e.g. the plan didn't fit the week).
 */
export function OpeningQuestion({ outcome }: { outcome: ReviewSituation | null }) {
  const [picked, setPicked] = useState<ReviewSituation | null>(null);
  const [turn, setTurn] = useState(0);
  const situation = picked ?? outcome ?? 'any';
  const prompts = promptsFor(situation);
  const prompt = prompts[turn % prompts.length] ?? '';
  return (
    <Stack gap="xs">
      <Paper radius="md" p="md" bg="var(--mantine-primary-color-light)">
        <Text size="lg" fw={500} role="status">
          {prompt}
        </Text>
      </Paper>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Chip.Group
          value={situation}
          onChange={(value) => {
            setPicked(value as ReviewSituation);
            setTurn(0);
          }}
        >
          <Group gap={4} role="radiogroup" aria-label="Questions for">
            {reviewSituations.map((each) => (
              <Chip key={each} value={each} size="xs" type="radio">
                {reviewSituationLabels[each]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconRefresh size={14} />}
          onClick={() => setTurn((count) => count + 1)}
        >
          Another question
        </Button>
      </Group>
    </Stack>
  );
}

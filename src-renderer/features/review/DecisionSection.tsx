import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import type { ProgressionSuggestion } from '../../../src-shared/domain/progression';
import {
  isNewVersionDecision,
  type Review,
  type ReviewDecision,
  reviewDecisionLabels,
  reviewDecisions,
  reviewTextLimits,
} from '../../../src-shared/domain/review';
import { LimitedField } from '../../components/LimitedField';

/** What each decision means, in a line a therapist could say aloud. */
const decisionNotes: Record<ReviewDecision, string> = {
  continue: 'Another week as it is.',
  'step-up': 'A new version, one step further — you’ll shape it together next.',
  'make-smaller': 'A new version sized to the week — good design, not a step back.',
  modify: 'A new version that works differently — you’ll shape it together next.',
  pause: 'Set it down for now; it can be picked up again.',
  stop: 'It has taught what it could; stopping is a fine outcome.',
  completed: 'It did what it was for.',
};

/**
 * Deciding together what happens next: the suggestions (never automatic, each explained in one
 * sentence), the seven decisions, why, and finishing the review. Step up, make it fit the week
 * and change how it works go on into the builder as a new, linked version.
 */
export function DecisionSection({
  review,
  suggestions,
  missing,
  finishing,
  onChange,
  onFinish,
}: {
  review: Review;
  suggestions: readonly ProgressionSuggestion[];
  /** What still needs an answer before the review can be finished, in words. */
  missing: readonly string[];
  finishing: boolean;
  onChange: (change: Partial<Review>) => void;
  onFinish: () => void;
}) {
  return (
    <Stack gap="sm">
      {suggestions.map((suggestion) => (
        <Alert
          key={suggestion.kind}
          color="blue"
          variant="light"
          icon={<IconBulb size={18} />}
          title="Something to consider"
        >
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">{suggestion.sentence}</Text>
            {suggestion.decision && (
              <Button
                size="xs"
                variant="default"
                onClick={() => onChange({ decision: suggestion.decision })}
              >
                {reviewDecisionLabels[suggestion.decision]}
              </Button>
            )}
          </Group>
        </Alert>
      ))}
      <Radio.Group
        label="What you decided together"
        value={review.decision ?? ''}
        onChange={(value) => onChange({ decision: value as ReviewDecision })}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {reviewDecisions.map((decision) => (
            <Radio.Card key={decision} value={decision} radius="md" p="sm" withBorder>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <div>
                  <Text fw={500} size="sm">
                    {reviewDecisionLabels[decision]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {decisionNotes[decision]}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      <LimitedField
        label="Why, in a few words"
        description={
          isNewVersionDecision(review.decision)
            ? 'Kept with the new version, so its history shows why it changed.'
            : undefined
        }
        value={review.decisionReason}
        max={reviewTextLimits.decisionReason}
        multiline
        onChange={(decisionReason) => onChange({ decisionReason })}
      />
      {missing.length > 0 && (
        <Text size="sm" c="dimmed">
          Still to answer: {missing.join('; ')}.
        </Text>
      )}
      <Group>
        <Button onClick={onFinish} loading={finishing} disabled={missing.length > 0}>
          {isNewVersionDecision(review.decision)
            ? 'Finish and shape the new version'
            : 'Finish the review'}
        </Button>
      </Group>
    </Stack>
  );
}

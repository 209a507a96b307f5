import { Alert, Chip, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import {
  type Review,
  type ReviewOutcome,
  reviewOutcomeLabels,
  reviewOutcomes,
} from '../../../src-shared/domain/review';
import { UserText } from '../../components/UserText';

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

/**
 * How it went, in the client's terms — every answer is information — and whether the smallest
 * version that still counts was met, celebrated when it was.
 */
export function HowItWent({
  review,
  smallestVersion,
  onChange,
}: {
  review: Review;
  /** The smallest version, in the words agreed (empty when none was set). */
  smallestVersion: string;
  onChange: (change: Partial<Review>) => void;
}) {
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="How it went"
        fullWidth
        value={review.outcome ?? ''}
        onChange={(value) => onChange({ outcome: value as ReviewOutcome })}
        data={reviewOutcomes.map((outcome) => ({
          value: outcome,
          label: reviewOutcomeLabels[outcome],
        }))}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="review-smallest">
          Did the smallest version happen?
        </Text>
        {smallestVersion && (
          <Text size="sm" c="dimmed">
            <UserText>{smallestVersion}</UserText>
          </Text>
        )}
        <Chip.Group
          value={yesNo(review.smallestVersionMet)}
          onChange={(value) =>
            onChange({ smallestVersionMet: value === '' ? null : value === 'yes' })
          }
        >
          <Group gap={4} role="radiogroup" aria-labelledby="review-smallest">
            <Chip value="yes" size="sm" type="radio" name="review-smallest">
              Yes, it did
            </Chip>
            <Chip value="no" size="sm" type="radio" name="review-smallest">
              Not this time
            </Chip>
          </Group>
        </Chip.Group>
      </Stack>
      {review.smallestVersionMet && (
        <Alert color="sage" variant="light" icon={<IconSparkles size={18} />}>
          The smallest version happened — that counts, and it’s worth noticing together.
        </Alert>
      )}
    </Stack>
  );
}

import { Chip, Group, Stack, Text } from '@mantine/core';
import {
  type ReportSource,
  reportSourceLabels,
  reportSources,
} from '../../../src-shared/domain/review';

/** Where the account of the week came from: any of the client, a returned tracker, the session. */
export function ReportedBy({
  value,
  onChange,
}: {
  value: readonly ReportSource[];
  onChange: (value: ReportSource[]) => void;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="review-reported-by">
        Where this comes from
      </Text>
      <Chip.Group
        multiple
        value={[...value]}
        onChange={(next) => onChange(reportSources.filter((source) => next.includes(source)))}
      >
        <Group gap={4} aria-labelledby="review-reported-by" role="group">
          {reportSources.map((source) => (
            <Chip key={source} value={source} size="sm">
              {reportSourceLabels[source]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}

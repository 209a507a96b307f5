import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { barrierKindLabels } from '../../../src-shared/domain/barrier-kinds';
import type { BarrierCount } from '../../../src-shared/domain/insights';

/** What got in the way, most often first, as bars with their counts. */
export function BarrierCounts({
  counts,
  empty,
}: {
  counts: readonly BarrierCount[];
  empty: string;
}) {
  if (counts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <figure aria-label="What got in the way, by how often" style={{ margin: 0 }}>
      <BarChart
        h={Math.max(120, counts.length * 36)}
        data={counts.map((count) => ({
          barrier: barrierKindLabels[count.kind],
          times: count.count,
        }))}
        dataKey="barrier"
        orientation="vertical"
        yAxisProps={{ width: 220 }}
        xAxisProps={{ allowDecimals: false }}
        series={[{ name: 'times', label: 'Times it came up', color: 'sage.6' }]}
        withBarValueLabel
        tickLine="none"
        gridAxis="none"
      />
    </figure>
  );
}

import { LineChart } from '@mantine/charts';
import { Box, Center, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { LoadingMark } from '../../components/LoadingMark';
import { doseSizes } from '../../../src-shared/domain/insight-summary';
import {
  barriersByFrequency,
  type Completion,
  completionByCategory,
  completionByConfidence,
  completionByDoseSize,
  completionByIfThenPlans,
  completionByMonth,
  completionBySpecificPlan,
  completionByTemplate,
  completionOf,
  clinicianHabits,
  type MonthCompletion,
  REFERENCE_COMPLETION_PERCENT,
  type Share,
} from '../../../src-shared/domain/insights';
import { categoryLabels, type TemplateCategory } from '../../../src-shared/domain/template';
import { SectionCard } from '../../components/SectionCard';
import { useLibraryItems } from '../../session/useLibrary';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { BarrierCounts } from './BarrierCounts';
import { type CompletionRow, CompletionTable, mostReviewedFirst } from './CompletionTable';
import { ExportReviewsButton } from './ExportReviewsButton';
import { ShareText, shareWords } from './ShareText';

const doseSizeLabels: Record<(typeof doseSizes)[number] | 'unknown', string> = {
  'as-needed': 'As needed',
  'up-to-30': 'Up to 30 minutes a week',
  '31-to-90': '31 to 90 minutes a week',
  'over-90': 'Over 90 minutes a week',
  'not-timed': 'Not timed',
  unknown: 'No amount chosen',
};

/** Templates listed before "Show all": a busy practice uses hundreds over the years. */
const FIRST_TEMPLATE_ROWS = 12;

const monthName = (month: string) =>
  new Date(`${month}-01T12:00:00`).toLocaleDateString(undefined, {
    month: 'short',
    year: 'numeric',
  });

/** Rows for a table from a record of buckets, in the labels' order. */
function rowsOf<K extends string>(
  buckets: Record<K, Completion>,
  labels: Record<K, string>,
): CompletionRow[] {
  return (Object.keys(labels) as K[]).map((key) => ({
    key,
    label: labels[key],
    completion: buckets[key],
  }));
}

/**
 * Completion month by month as lines against the usual figure from studies. Drawn in the frame
 * after the numbers (its table is painted first; the chart measures its width before drawing),
 * with its height kept meanwhile so nothing moves.
 */
function MonthChart({ months }: { months: readonly MonthCompletion[] }) {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setDrawn(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <figure aria-label="How often practice happens, month by month" style={{ margin: 0 }}>
      {drawn ? (
        <LineChart
          h={240}
          data={months.map((month) => ({
            month: monthName(month.month),
            'Any attempt': month.anyAttempt.percent,
            'The full plan': month.fullDose.percent,
          }))}
          dataKey="month"
          yAxisProps={{ domain: [0, 100] }}
          unit="%"
          series={[
            { name: 'Any attempt', color: 'sage.6' },
            { name: 'The full plan', color: 'blue.6' },
          ]}
          referenceLines={[
            {
              y: REFERENCE_COMPLETION_PERCENT,
              label: 'Usual in studies',
              color: 'gray.6',
              strokeDasharray: '5 5',
            },
          ]}
          withLegend
        />
      ) : (
        <Box h={240} />
      )}
    </figure>
  );
}

/** One of the clinician's habits; `share` is null while it is still being counted. */
function Habit({ label, share, note }: { label: string; share: Share | null; note: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="xl" fw={600} mt={4}>
        {share?.percent == null ? '—' : `${share.percent}%`}
      </Text>
      {share ? (
        <ShareText share={share} />
      ) : (
        <Text size="sm" c="dimmed">
          Counting…
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {note}
      </Text>
    </Paper>
  );
}

/**
 * Insights across the practice, for the clinician alone: completion month by month against the
 * usual figure from studies, by template, category, dose, confidence and planning; what gets in
 * the way; and the clinician's own habits. Counts beside every percentage, a note on small
 * numbers, no client ever ranked. Read from small summary records, never from every review.
 */
export function PracticeInsightsScreen() {
  const { insights } = useOpenVault();
  // The numbers first; the days handouts were made (the vault's log) follow a moment later.
  const data = useVaultQuery(() => insights.practiceWide(), [insights]);
  const handoutDates = useVaultQuery(() => insights.handoutDates(), [insights]);
  const library = useLibraryItems();

  const numbers = useMemo(() => {
    if (!data) return undefined;
    const { summaries } = data;
    const reviews = summaries.flatMap((summary) => summary.reviews);
    return {
      overall: completionOf(reviews),
      byMonth: completionByMonth(summaries),
      byTemplate: completionByTemplate(summaries),
      byDose: completionByDoseSize(summaries),
      byConfidence: completionByConfidence(summaries),
      bySpecificPlan: completionBySpecificPlan(summaries),
      byIfThen: completionByIfThenPlans(summaries),
      barriers: barriersByFrequency(reviews),
      summaries,
    };
  }, [data]);
  const habits = useMemo(
    () =>
      data &&
      clinicianHabits(
        data.habits.map((client) => ({
          ...client,
          handoutDates: handoutDates?.get(client.clientId) ?? client.handoutDates,
        })),
      ),
    [data, handoutDates],
  );

  const templates = useMemo(
    () => new Map(library.items.map((item) => [item.key, item.content])),
    [library.items],
  );

  if (!numbers || !habits)
    return (
      <Center h={240}>
        <LoadingMark label="Working out the insights" />
      </Center>
    );

  const byCategory = completionByCategory(
    numbers.summaries,
    (templateId) => templates.get(templateId)?.category ?? null,
  );
  const sourceRows = (
    groups: typeof numbers.byTemplate | typeof byCategory,
    labelOf: (key: string) => string,
  ): CompletionRow[] => [
    ...groups.groups.map((group) => ({
      key: group.key,
      label: labelOf(group.key),
      completion: group,
    })),
    { key: 'scratch', label: 'Made from scratch', completion: groups.fromScratch },
    { key: 'unknown', label: 'No longer in the library', completion: groups.unknown },
  ];
  const reviewed = numbers.overall.anyAttempt.of;

  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-end">
          <Title order={1} size="h2">
            Insights across your practice
          </Title>
          <ExportReviewsButton />
        </Group>
        <Text c="dimmed" maw={760}>
          Only you see this. Every percentage has its count beside it; below ten reviews a figure
          can swing on a single week. These show what tends to go together, not what causes what.
        </Text>
      </Stack>
      {reviewed === 0 && (
        <Paper withBorder radius="md" p="lg">
          <Text fw={500}>Nothing to show yet.</Text>
          <Text size="sm" c="dimmed">
            As you review practice with clients, how often it happens — month by month, by template,
            by how it was planned — will appear here, with what tends to get in the way.
          </Text>
        </Paper>
      )}
      <SectionCard
        title="How often practice happens, month by month"
        note={`Any attempt, and the full plan, out of the reviews each month. The dashed line is about ${REFERENCE_COMPLETION_PERCENT}%, the figure studies usually report.`}
      >
        {numbers.byMonth.length === 0 ? (
          <Text size="sm" c="dimmed">
            Each month with a finished review will show here.
          </Text>
        ) : (
          <>
            <MonthChart months={numbers.byMonth} />
            <CompletionTable
              caption="Month"
              rows={numbers.byMonth.map((month) => ({
                key: month.month,
                label: monthName(month.month),
                completion: month,
              }))}
              empty=""
            />
          </>
        )}
      </SectionCard>
      <SectionCard title="Your habits" note="How you tend to work with practice, across sessions.">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Habit
            label="Reviewed practice first"
            share={habits.reviewedFirst}
            note="Sessions where last week’s practice came before anything new."
          />
          <Habit
            label="A handout went home"
            share={handoutDates ? habits.setPracticeWithHandout : null}
            note="Sessions that set practice and made a handout that day."
          />
          <Habit
            label="A specific plan"
            share={habits.specificPlans}
            note="Agreed practice saying what, when (or after what) and where."
          />
        </SimpleGrid>
      </SectionCard>
      <SectionCard title="By template and category">
        <CompletionTable
          caption="Template"
          rows={mostReviewedFirst(
            sourceRows(numbers.byTemplate, (key) => templates.get(key)?.title ?? 'A template'),
          )}
          empty="Each template you use will show here once its practice has been reviewed."
          firstRows={FIRST_TEMPLATE_ROWS}
        />
        <CompletionTable
          caption="Category"
          rows={sourceRows(byCategory, (key) => categoryLabels[key as TemplateCategory])}
          empty="Categories will show here once practice from the library has been reviewed."
        />
      </SectionCard>
      <SectionCard title="By how it was planned">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <CompletionTable
            caption="Amount a week"
            rows={rowsOf(numbers.byDose, doseSizeLabels)}
            empty="Shows once reviewed practice has an amount chosen."
          />
          <CompletionTable
            caption="How sure they felt"
            rows={rowsOf(numbers.byConfidence, {
              'below-7': 'Below 7 out of 10',
              '7-or-more': '7 or more out of 10',
              unknown: 'Not asked',
            })}
            empty="Shows once practice planned with a confidence rating has been reviewed."
          />
          <CompletionTable
            caption="The plan"
            rows={rowsOf(numbers.bySpecificPlan, {
              specific: 'What, when and where all said',
              'not-specific': 'Something left open',
              unknown: 'Not known',
            })}
            empty="Shows once reviewed practice had a plan."
          />
          <CompletionTable
            caption="If-then plans"
            rows={rowsOf(numbers.byIfThen, {
              'with-if-then': 'With an if-then plan',
              'without-if-then': 'Without one',
              unknown: 'Not known',
            })}
            empty="Shows once reviewed practice had barriers planned for."
          />
        </SimpleGrid>
      </SectionCard>
      <SectionCard title="What gets in the way" note="Across every review, most often first.">
        <BarrierCounts
          counts={numbers.barriers}
          empty="What gets in the way will show here as reviews note it."
        />
      </SectionCard>
      <Text size="xs" c="dimmed">
        Reviews counted: {reviewed}. Overall, any attempt {shareWords(numbers.overall.anyAttempt)};
        the full plan {shareWords(numbers.overall.fullDose)}.
      </Text>
    </Stack>
  );
}

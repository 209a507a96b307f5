import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { assignmentTextLimits, type PlannedBarrier } from '../../../src-shared/domain/assignment';
import { barrierKindLabels, barrierKinds } from '../../../src-shared/domain/barrier-kinds';
import type { Barrier } from '../../../src-shared/domain/template';
import { ListEditor } from '../../components/editors/ListEditor';
import { UserText } from '../../components/UserText';
import { LimitedField } from '../../components/LimitedField';

const MAX_BARRIERS = 8;

/**
 * What might get in the way, each with its kind (the same list a review uses, so the two can be
 * compared later) and an if-then plan: picked from the template's usual ones or written freely.
 */
export function PlannedBarriersEditor({
  value,
  onChange,
  suggestions,
}: {
  value: PlannedBarrier[];
  onChange: (value: PlannedBarrier[]) => void;
  suggestions: Barrier[];
}) {
  const unused = suggestions.filter(
    (suggestion) => !value.some((planned) => planned.barrier === suggestion.barrier),
  );
  return (
    <Stack gap="xs">
      <ListEditor
        label="What might get in the way?"
        description="For each one, an if-then: “If …, then I will …”"
        itemName="barrier"
        items={value}
        onChange={onChange}
        max={MAX_BARRIERS}
        addLabel="Add our own"
        newItem={() => ({ kind: 'other' as const, barrier: '', ifThen: '' })}
        renderRow={(barrier, update, index) => (
          <Stack gap={4}>
            <Group grow align="flex-start">
              <NativeSelect
                label={`Kind of barrier ${index + 1}`}
                data={barrierKinds.map((kind) => ({ value: kind, label: barrierKindLabels[kind] }))}
                value={barrier.kind}
                onChange={(event) =>
                  update({ ...barrier, kind: event.currentTarget.value as PlannedBarrier['kind'] })
                }
              />
              <LimitedField
                label={`Barrier ${index + 1}, in their words`}
                value={barrier.barrier}
                onChange={(text) => update({ ...barrier, barrier: text })}
                max={assignmentTextLimits.barrier}
              />
            </Group>
            <LimitedField
              label={`If-then for barrier ${index + 1}`}
              placeholder="If it rains, then I will walk the corridor at work"
              value={barrier.ifThen}
              onChange={(ifThen) => update({ ...barrier, ifThen })}
              max={assignmentTextLimits.ifThen}
            />
          </Stack>
        )}
      />
      {unused.length > 0 && value.length < MAX_BARRIERS && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            Common ones for this practice:
          </Text>
          <Group gap={6}>
            {unused.map((suggestion) => (
              <Button
                key={suggestion.barrier}
                size="xs"
                variant="light"
                leftSection={<IconPlus size={12} aria-hidden />}
                onClick={() => onChange([...value, { kind: 'other', ...suggestion }])}
              >
                <UserText>{suggestion.barrier}</UserText>
              </Button>
            ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

import { Group, NumberInput, TextInput } from '@mantine/core';
import { type LadderStep, templateListLimits } from '../../../src-shared/domain/template';
import { ListEditor } from './ListEditor';

/**
 * A progression ladder, easiest step first: each step in words with an optional expected
 * difficulty on the clients’ one scale (0–10), and steps can be moved up and down.
 */
export function LadderEditor({
  value,
  onChange,
  label = 'Steps up (a ladder, easiest first)',
  description = 'Leave empty if it doesn’t fit.',
  max = templateListLimits.ladder.max,
}: {
  value: readonly LadderStep[];
  onChange: (value: LadderStep[]) => void;
  label?: string;
  description?: string;
  max?: number;
}) {
  return (
    <ListEditor<LadderStep>
      label={label}
      description={description}
      itemName="ladder step"
      addLabel="Add a step"
      items={value}
      max={max}
      newItem={() => ({ step: '' })}
      onChange={onChange}
      reorderable
      renderRow={(rung, update, index) => (
        <Group gap="xs" wrap="nowrap">
          <TextInput
            aria-label={`Ladder step ${index + 1}`}
            placeholder="e.g. Walk to the end of the street"
            value={rung.step}
            onChange={(e) => update({ ...rung, step: e.currentTarget.value })}
            autoComplete="off"
            style={{ flex: 1 }}
          />
          <NumberInput
            aria-label={`Difficulty of step ${index + 1}, 0 to 10 (optional)`}
            placeholder="Difficulty"
            min={0}
            max={10}
            w={110}
            value={rung.difficulty ?? ''}
            onChange={(next) => {
              const { difficulty: _, ...rest } = rung;
              update(next === '' ? rest : { ...rest, difficulty: Number(next) });
            }}
          />
        </Group>
      )}
    />
  );
}

import { Group, NumberInput, TextInput } from '@mantine/core';
import { type DoseOption, templateListLimits } from '../../../src-shared/domain/template';
import { ListEditor } from './ListEditor';

/** A whole number from a NumberInput's value, or undefined when the box is empty. */
const wholeNumber = (value: string | number): number | undefined =>
  value === '' ? undefined : Number(value);

/**
 * Ways of doing the practice to choose between together ("Daily, 5 minutes" or "Twice a week,
 * 15 minutes"): a label, times a week and, optionally, minutes each time.
 */
export function DoseOptionsEditor({
  value,
  onChange,
  label = 'Dose options',
  max = templateListLimits.doseOptions.max,
}: {
  value: readonly DoseOption[];
  onChange: (value: DoseOption[]) => void;
  label?: string;
  max?: number;
}) {
  return (
    <ListEditor<DoseOption>
      label={label}
      itemName="dose option"
      addLabel="Add a dose option"
      items={value}
      max={max}
      newItem={() => ({ label: '', timesPerWeek: 3 })}
      onChange={onChange}
      renderRow={(option, update, index) => (
        <Group gap="xs" grow>
          <TextInput
            aria-label={`Dose option ${index + 1}`}
            placeholder="e.g. Daily, 5 minutes"
            value={option.label}
            onChange={(e) => update({ ...option, label: e.currentTarget.value })}
            autoComplete="off"
          />
          <NumberInput
            aria-label={`Times per week, option ${index + 1}`}
            placeholder="Times a week"
            min={1}
            max={21}
            value={option.timesPerWeek}
            onChange={(next) => update({ ...option, timesPerWeek: wholeNumber(next) || 1 })}
          />
          <NumberInput
            aria-label={`Minutes, option ${index + 1}`}
            placeholder="Minutes (optional)"
            min={1}
            max={240}
            value={option.minutes ?? ''}
            onChange={(next) => update({ ...option, minutes: wholeNumber(next) })}
          />
        </Group>
      )}
    />
  );
}

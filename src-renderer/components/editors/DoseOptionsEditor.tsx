import { Stack, TextInput } from '@mantine/core';
import { type DoseOption, templateListLimits } from '../../../src-shared/domain/template';
import { DoseEditor } from './DoseEditor';
import { ListEditor } from './ListEditor';

/**
 * Ways of doing the practice to choose between together ("Daily, 5 minutes" or "Twice a week,
 * 15 minutes"): a label and the dose in numbers (times a week, or when a moment comes).
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
      newItem={() => ({ label: '', dose: { kind: 'per-week', timesPerWeek: 3 } })}
      onChange={onChange}
      renderRow={(option, update, index) => (
        <Stack gap={4}>
          <TextInput
            aria-label={`Dose option ${index + 1}`}
            placeholder="e.g. Daily, 5 minutes"
            value={option.label}
            onChange={(e) => update({ ...option, label: e.currentTarget.value })}
            autoComplete="off"
          />
          <DoseEditor
            name={`option ${index + 1}`}
            value={option.dose}
            onChange={(dose) => update({ ...option, dose })}
          />
        </Stack>
      )}
    />
  );
}

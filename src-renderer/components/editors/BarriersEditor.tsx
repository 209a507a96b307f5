import { Group, TextInput } from '@mantine/core';
import { type Barrier, templateListLimits } from '../../../src-shared/domain/template';
import { ListEditor } from './ListEditor';

/** What might get in the way, each barrier with its if-then plan ("If …, then I will …"). */
export function BarriersEditor({
  value,
  onChange,
  label = 'What might get in the way',
  max = templateListLimits.barriers.max,
}: {
  value: readonly Barrier[];
  onChange: (value: Barrier[]) => void;
  label?: string;
  max?: number;
}) {
  return (
    <ListEditor<Barrier>
      label={label}
      itemName="barrier"
      addLabel="Add a barrier and its if-then plan"
      items={value}
      max={max}
      newItem={() => ({ barrier: '', ifThen: '' })}
      onChange={onChange}
      renderRow={(barrier, update, index) => (
        <Group gap="xs" grow>
          <TextInput
            aria-label={`Barrier ${index + 1}`}
            placeholder="e.g. I forget"
            value={barrier.barrier}
            onChange={(e) => update({ ...barrier, barrier: e.currentTarget.value })}
            autoComplete="off"
          />
          <TextInput
            aria-label={`If-then plan ${index + 1}`}
            placeholder="If …, then I will …"
            value={barrier.ifThen}
            onChange={(e) => update({ ...barrier, ifThen: e.currentTarget.value })}
            autoComplete="off"
          />
        </Group>
      )}
    />
  );
}

import { Group, Select, TextInput } from '@mantine/core';
import {
  type TrackerField,
  trackerFieldKindLabels,
  trackerFieldKinds,
  templateListLimits,
} from '../../../src-shared/domain/template';
import { ListEditor } from './ListEditor';

const kindOptions = trackerFieldKinds.map((value) => ({
  value,
  label: trackerFieldKindLabels[value],
}));

const isKind = (value: string): value is TrackerField['kind'] =>
  (trackerFieldKinds as readonly string[]).includes(value);

/** The columns of a practice tracker: what the client notes each time, and in what form. */
export function TrackerFieldsEditor({
  value,
  onChange,
  label = 'Tracker fields',
  max = templateListLimits.trackerFields.max,
}: {
  value: readonly TrackerField[];
  onChange: (value: TrackerField[]) => void;
  label?: string;
  max?: number;
}) {
  return (
    <ListEditor<TrackerField>
      label={label}
      itemName="tracker field"
      addLabel="Add a tracker field"
      items={value}
      max={max}
      newItem={() => ({ label: '', kind: 'yes-no' })}
      onChange={onChange}
      renderRow={(field, update, index) => (
        <Group gap="xs" grow>
          <TextInput
            aria-label={`Tracker field ${index + 1} label`}
            placeholder="e.g. Minutes walked"
            value={field.label}
            onChange={(e) => update({ ...field, label: e.currentTarget.value })}
            autoComplete="off"
          />
          <Select
            aria-label={`Tracker field ${index + 1} kind`}
            data={kindOptions}
            value={field.kind}
            onChange={(kind) => kind && isKind(kind) && update({ ...field, kind })}
            allowDeselect={false}
          />
        </Group>
      )}
    />
  );
}

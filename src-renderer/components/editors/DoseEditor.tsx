import { Group, NativeSelect, NumberInput } from '@mantine/core';
import type { Dose } from '../../../src-shared/domain/template';

/** A whole number from a NumberInput's value, or undefined when the box is empty. */
const wholeNumber = (value: string | number): number | undefined =>
  value === '' ? undefined : Number(value);

const kinds = [
  { value: 'per-week', label: 'Times a week' },
  { value: 'as-needed', label: 'When a moment comes' },
];

/**
 * How much practice, in numbers a review can check: so many times a week, or "when a moment
 * comes" (a coping skill) with how often to practise it anyway; minutes each time, optionally.
 * `name` tells the boxes apart for screen readers ("option 2", "smallest version").
 */
export function DoseEditor({
  value,
  onChange,
  name,
}: {
  value: Dose;
  onChange: (value: Dose) => void;
  name: string;
}) {
  const minutes = (next: string | number) => {
    const { minutes: _, ...rest } = value;
    const parsed = wholeNumber(next);
    onChange(parsed === undefined ? rest : { ...rest, minutes: parsed });
  };
  return (
    <Group gap="xs" grow wrap="nowrap">
      <NativeSelect
        aria-label={`How often, ${name}`}
        data={kinds}
        value={value.kind}
        onChange={({ currentTarget: { value: kind } }) =>
          onChange(
            kind === 'as-needed'
              ? { kind: 'as-needed', practiseAtLeast: 1, minutes: value.minutes }
              : { kind: 'per-week', timesPerWeek: 3, minutes: value.minutes },
          )
        }
      />
      {value.kind === 'per-week' ? (
        <NumberInput
          aria-label={`Times per week, ${name}`}
          placeholder="Times a week"
          min={1}
          max={21}
          value={value.timesPerWeek}
          onChange={(next) => onChange({ ...value, timesPerWeek: wholeNumber(next) || 1 })}
        />
      ) : (
        <NumberInput
          aria-label={`Practise at least, times a week, ${name}`}
          placeholder="Practise at least (times a week)"
          min={0}
          max={21}
          value={value.practiseAtLeast}
          onChange={(next) => onChange({ ...value, practiseAtLeast: wholeNumber(next) ?? 0 })}
        />
      )}
      <NumberInput
        aria-label={`Minutes, ${name}`}
        placeholder="Minutes (optional)"
        min={1}
        max={240}
        value={value.minutes ?? ''}
        onChange={minutes}
      />
    </Group>
  );
}

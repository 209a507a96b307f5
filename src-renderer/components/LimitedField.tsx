import { Stack, Textarea, TextInput } from '@mantine/core';
import { CharacterCount, overLimitProblem } from './CharacterCount';

type LimitedFieldProps = {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  /** Several lines (a textarea) rather than one. */
  multiline?: boolean;
  placeholder?: string;
};

/**
 * A text box for the client's or therapist's words with its limit in view: a counter near the
 * limit, and a message over it. Nothing typed is ever cut: what is over the limit stays, unsaved,
 * until it is shortened.
 */
export function LimitedField({
  label,
  description,
  value,
  onChange,
  max,
  multiline = false,
  placeholder,
}: LimitedFieldProps) {
  const shared = {
    label,
    description,
    value,
    placeholder,
    error: overLimitProblem(value, max),
    autoComplete: 'off',
  };
  return (
    <Stack gap={2}>
      {multiline ? (
        <Textarea
          {...shared}
          rows={3}
          resize="vertical"
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      ) : (
        <TextInput
          {...shared}
          onChange={(event) => onChange(event.currentTarget.value.replace(/[\r\n]+/g, ' '))}
        />
      )}
      <CharacterCount value={value} max={max} />
    </Stack>
  );
}

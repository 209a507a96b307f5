import { Stack, Textarea } from '@mantine/core';
import type { ZodType } from 'zod';
import { CharacterCount, overLimitProblem } from '../../components/CharacterCount';
import { useAutosave } from '../../session/useAutosave';
import { AutosaveStatusLine } from './AutosaveStatusLine';

/**
 * One of the session's free texts (the summary for the client, the private notes; its section's
 * heading is the visible label, `label` names the box for screen readers): it saves
 * itself as the clinician types, shows its limit as it gets close, and keeps anything it can't
 * save in the box, with the reason, until it is changed. `onTyped` hears every keystroke (the
 * shared screen follows the summary as it is written).
 */
export function SessionTextField({
  label,
  initial,
  max,
  schema,
  save,
  onTyped,
  rows = 5,
}: {
  label: string;
  initial: string;
  max: number;
  schema: ZodType<string>;
  save: (text: string) => Promise<void>;
  onTyped?: (text: string) => void;
  rows?: number;
}) {
  const text = useAutosave({
    initial,
    save,
    refusal: (value) =>
      overLimitProblem(value, max) ?? schema.safeParse(value).error?.issues[0]?.message ?? null,
    failureMessage: 'This couldn’t be saved. Please try again.',
  });
  return (
    <Stack gap={4}>
      <Textarea
        aria-label={label}
        value={text.value}
        onChange={(event) => {
          text.change(event.currentTarget.value);
          onTyped?.(event.currentTarget.value);
        }}
        onBlur={() => void text.flush()}
        error={text.status.state === 'error' ? text.status.message : null}
        resize="vertical"
        rows={rows}
      />
      <CharacterCount value={text.value} max={max} />
      <AutosaveStatusLine status={text.status} />
    </Stack>
  );
}

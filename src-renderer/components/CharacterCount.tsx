import { Text } from '@mantine/core';

const count = new Intl.NumberFormat();

/**
 * How long a text is against its limit, shown once it gets close (from 80%), so nothing is ever
 * cut without the clinician seeing it: fields have no `maxLength`; a text over the limit is
 * refused with `overLimitProblem` and stays as typed.
 */
export function CharacterCount({ value, max }: { value: string; max: number }) {
  const length = [...value].length;
  if (length < max * 0.8) return null;
  return (
    <Text
      size="xs"
      c={length > max ? 'var(--mantine-color-error)' : 'dimmed'}
      ta="right"
      aria-live="polite"
    >
      {count.format(length)} / {count.format(max)}
    </Text>
  );
}

/** The message for a text over its limit, or null when it fits. Counts characters as zod does. */
export function overLimitProblem(value: string, max: number): string | null {
  const over = [...value].length - max;
  if (over <= 0) return null;
  return `This is ${count.format(over)} ${over === 1 ? 'character' : 'characters'} over the limit of ${count.format(max)}. Please shorten it; nothing has been cut.`;
}

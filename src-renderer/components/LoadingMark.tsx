import { Loader, type MantineSize } from '@mantine/core';

/**
 * The spinner shown while something loads, named for screen readers by what is loading.
 * Mantine's Loader is a bare span, on which assistive technology ignores an aria-label, so the
 * mark is a status that says its label once.
 */
export function LoadingMark({ label, size }: { label: string; size?: MantineSize }) {
  return <Loader size={size} role="status" aria-label={label} />;
}

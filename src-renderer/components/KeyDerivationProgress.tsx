import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

/**
 * Progress while Argon2id runs in its worker. libsodium reports no progress of its own, so
 * the bar follows the time the last derivation took here and waits near the end if slower.
 */
export function KeyDerivationProgress({
  label,
  expectedMs,
}: {
  label: string;
  expectedMs: number;
}) {
  const [percent, setPercent] = useState(0);

  useEffect(() => {
    const started = performance.now();
    const timer = window.setInterval(() => {
      setPercent(Math.min(95, ((performance.now() - started) / expectedMs) * 100));
    }, 50);
    return () => window.clearInterval(timer);
  }, [expectedMs]);

  return (
    <Stack gap={6} role="status" aria-live="polite">
      <Text size="sm">{label}</Text>
      <Progress value={percent} aria-label={label} transitionDuration={50} />
      <Text size="xs" c="dimmed">
        This takes a moment on purpose: it makes guessing a passphrase very slow.
      </Text>
    </Stack>
  );
}

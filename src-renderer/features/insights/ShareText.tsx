import { Text } from '@mantine/core';
import { isSmallNumbers, type Share } from '../../../src-shared/domain/insights';

/**
 * A share as it reads: "3 of 4 (75%)", the count always beside the percentage; "none yet" out
 * of nothing — never NaN, never a misleading 0%.
 */
export function shareWords(share: Share): string {
  if (share.percent === null) return 'none yet';
  return `${share.count} of ${share.of} (${share.percent}%)`;
}

/** A share with a quiet "small numbers" note when it is out of fewer than ten. */
export function ShareText({ share }: { share: Share }) {
  return (
    <Text span size="sm">
      {shareWords(share)}
      {share.of > 0 && isSmallNumbers(share) && (
        <Text span size="xs" c="dimmed">
          {' '}
          · small numbers
        </Text>
      )}
    </Text>
  );
}

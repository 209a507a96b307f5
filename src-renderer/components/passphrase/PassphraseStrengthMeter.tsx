import { Progress, Text } from '@mantine/core';
import type { PassphraseStrength } from './passphrase-rules';

const colors = ['red', 'red', 'orange', 'sage', 'green'] as const;
const words = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/**
 * A bar and a sentence saying how strong the new passphrase is; `null` while the strength check
 * is still loading.
 */
export function PassphraseStrengthMeter({ strength }: { strength: PassphraseStrength | null }) {
  return (
    <div>
      <Progress
        value={strength ? (strength.score + 1) * 20 : 0}
        color={strength ? colors[strength.score] : 'gray'}
        size="sm"
        aria-label={`Passphrase strength: ${strength ? words[strength.score] : 'checking'}`}
      />
      <Text
        size="xs"
        mt={6}
        c={strength?.acceptable ? 'sage.8' : 'dimmed'}
        data-testid="passphrase-advice"
      >
        {strength ? `${words[strength.score]}. ${strength.advice}` : 'Checking how strong it is…'}
      </Text>
    </div>
  );
}

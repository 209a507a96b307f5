import { Progress, Text } from '@mantine/core';
import type { PassphraseStrength } from './passphrase-strength';

const colors = ['red', 'red', 'orange', 'sage', 'green'] as const;
const words = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/** A bar and a sentence saying how strong the new passphrase is. */
export function PassphraseStrengthMeter({ strength }: { strength: PassphraseStrength }) {
  return (
    <div>
      <Progress
        value={(strength.score + 1) * 20}
        color={colors[strength.score]}
        size="sm"
        aria-label={`Passphrase strength: ${words[strength.score]}`}
      />
      <Text
        size="xs"
        mt={6}
        c={strength.acceptable ? 'sage.8' : 'dimmed'}
        data-testid="passphrase-advice"
      >
        {words[strength.score]}. {strength.advice}
      </Text>
    </div>
  );
}

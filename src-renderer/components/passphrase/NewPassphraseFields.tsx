import { PasswordInput, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ratePassphrase } from './passphrase-strength';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';

/** What the fields report: the passphrase, and whether it is strong enough and typed twice alike. */
export type NewPassphrase = { passphrase: string; ready: boolean };

/**
 * A new passphrase typed twice, with the strength meter between: used when creating a vault
 * and when changing its passphrase. Words such as the vault's name count as guessable.
 */
export function NewPassphraseFields({
  label,
  description,
  guessableWords,
  onChange,
}: {
  label: string;
  description?: string;
  guessableWords: string[];
  onChange: (value: NewPassphrase) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const strength = useMemo(
    () => ratePassphrase(passphrase, guessableWords),
    [passphrase, guessableWords],
  );

  function update(nextPassphrase: string, nextAgain: string) {
    setPassphrase(nextPassphrase);
    setAgain(nextAgain);
    const rated = ratePassphrase(nextPassphrase, guessableWords);
    onChange({
      passphrase: nextPassphrase,
      ready: rated.acceptable && nextAgain === nextPassphrase,
    });
  }

  return (
    <Stack gap="md">
      <PasswordInput
        label={label}
        description={description}
        value={passphrase}
        onChange={(event) => update(event.currentTarget.value, again)}
        autoComplete="new-password"
        required
      />
      <PassphraseStrengthMeter strength={strength} />
      <PasswordInput
        label={`Type the ${label.toLowerCase()} again`}
        value={again}
        onChange={(event) => update(passphrase, event.currentTarget.value)}
        error={
          again.length > 0 && again !== passphrase ? 'The two passphrases don’t match yet.' : null
        }
        autoComplete="new-password"
        required
      />
    </Stack>
  );
}

import { PasswordInput, Stack } from '@mantine/core';
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { judgePassphrase } from './passphrase-rules';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';
import { usePassphraseRater } from './usePassphraseRater';

/** What the fields report: the passphrase, and whether it is strong enough and typed twice alike. */
export type NewPassphrase = { passphrase: string; ready: boolean };

/**
 * A new passphrase typed twice, with the strength meter between: used when creating a vault
 * and when changing its passphrase. Words such as the vault's name count as guessable. Until the
 * strength check has loaded (a moment after the fields appear) no passphrase is ready.
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
  const rate = usePassphraseRater();
  const strength = useMemo(() => {
    if (rate) return rate(passphrase, guessableWords);
    return passphrase ? null : judgePassphrase('', 0);
  }, [rate, passphrase, guessableWords]);
  const ready = strength?.acceptable === true && again === passphrase;

  // Reported whenever the answer changes, including when the rating arrives or the words change.
  const report = useEffectEvent(onChange);
  useEffect(() => report({ passphrase, ready }), [passphrase, ready]);

  return (
    <Stack gap="md">
      <PasswordInput
        label={label}
        description={description}
        value={passphrase}
        onChange={(event) => setPassphrase(event.currentTarget.value)}
        autoComplete="new-password"
        required
      />
      <PassphraseStrengthMeter strength={strength} />
      <PasswordInput
        label={`Type the ${label.toLowerCase()} again`}
        value={again}
        onChange={(event) => setAgain(event.currentTarget.value)}
        error={
          again.length > 0 && again !== passphrase ? 'The two passphrases don’t match yet.' : null
        }
        autoComplete="new-password"
        required
      />
    </Stack>
  );
}

import {
  Alert,
  Button,
  Group,
  PasswordInput,
  SegmentedControl,
  Stack,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { KeyDerivationProgress } from '../../components/KeyDerivationProgress';
import { describeVaultError } from '../../formatting/describe-error';
import {
  expectedDerivationMs,
  type UnlockedVault,
  type UnlockSecret,
} from '../../data/vault-access';

type Method = 'passphrase' | 'recovery';

/** Asks for the passphrase or the recovery key and hands it to `unlock`; shows why it failed. */
export function UnlockForm({
  unlock,
  onUnlocked,
  submitLabel = 'Unlock',
}: {
  unlock: (secret: UnlockSecret) => Promise<UnlockedVault>;
  onUnlocked: (vault: UnlockedVault) => Promise<void>;
  submitLabel?: string;
}) {
  const [method, setMethod] = useState<Method>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!secret || busy) return;
    setBusy(true);
    setError(null);
    try {
      const unlocked = await unlock(
        method === 'passphrase'
          ? { kind: 'passphrase', passphrase: secret }
          : { kind: 'recovery', recoveryKey: secret },
      );
      setSecret('');
      await onUnlocked(unlocked);
    } catch (caught) {
      setError(describeVaultError(caught));
      setBusy(false);
    }
  }

  function switchMethod(next: string) {
    setMethod(next as Method);
    setSecret('');
    setError(null);
  }

  const SecretInput = method === 'passphrase' ? PasswordInput : TextInput;
  return (
    <form onSubmit={submit} autoComplete="off">
      <Stack gap="md">
        <SegmentedControl
          value={method}
          onChange={switchMethod}
          data={[
            { value: 'passphrase', label: 'Passphrase' },
            { value: 'recovery', label: 'Recovery key' },
          ]}
          aria-label="Unlock with"
        />
        <SecretInput
          label={method === 'passphrase' ? 'Passphrase' : 'Recovery key'}
          placeholder={
            method === 'recovery' ? 'XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX' : undefined
          }
          value={secret}
          onChange={(event) => setSecret(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          disabled={busy}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {busy && method === 'passphrase' ? (
          <KeyDerivationProgress
            label="Unlocking your vault…"
            expectedMs={expectedDerivationMs()}
          />
        ) : (
          <Group justify="flex-end">
            <Button type="submit" disabled={!secret || busy}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

import { Alert, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { MAX_VAULT_NAME_BYTES } from '../../../src-shared/vault/header';
import type { CreatedVault } from '../../../src-shared/vault/key-slots';
import { KeyDerivationProgress } from '../../components/KeyDerivationProgress';
import { describeVaultError } from './describe-error';
import { expectedDerivationMs } from './kdf-client';
import { ratePassphrase } from './passphrase-strength';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';
import { createAndStoreVault } from './vault-actions';

/** Name and passphrase for a new vault; creates it and hands over the created vault. */
export function CreateVaultForm({
  onCreated,
  onCancel,
}: {
  onCreated: (vault: CreatedVault) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState('My practice');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const strength = useMemo(
    () => ratePassphrase(passphrase, [name, 'bridgework']),
    [passphrase, name],
  );

  const trimmedName = name.trim();
  const nameError =
    new TextEncoder().encode(trimmedName).length > MAX_VAULT_NAME_BYTES
      ? 'Please use a shorter name.'
      : null;
  const mismatch = confirmation.length > 0 && confirmation !== passphrase;
  const canSubmit =
    trimmedName.length > 0 &&
    !nameError &&
    strength.acceptable &&
    confirmation === passphrase &&
    !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await createAndStoreVault(trimmedName, passphrase));
    } catch (caught) {
      setError(describeVaultError(caught));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} autoComplete="off">
      <Stack gap="md">
        <TextInput
          label="Vault name"
          description="Shown on the start screen, for example “Private practice”."
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameError}
          autoComplete="off"
          required
        />
        <PasswordInput
          label="Passphrase"
          description="You’ll type this each time you open Bridgework. Nobody can reset it for you."
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          autoComplete="new-password"
          required
        />
        <PassphraseStrengthMeter strength={strength} />
        <PasswordInput
          label="Type the passphrase again"
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          error={mismatch ? 'The two passphrases don’t match yet.' : null}
          autoComplete="new-password"
          required
        />
        {error && (
          <Alert color="red" title="The vault wasn’t created">
            {error}
          </Alert>
        )}
        {busy ? (
          <KeyDerivationProgress
            label="Setting up encryption for your vault…"
            expectedMs={expectedDerivationMs() * 2}
          />
        ) : (
          <Group justify="flex-end">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Back
              </Button>
            )}
            <Button type="submit" disabled={!canSubmit}>
              Create vault
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

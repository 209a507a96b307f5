import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { isDemoVaultName } from '../../../src-shared/domain/demo-vault';
import { KeyDerivationProgress } from '../../components/KeyDerivationProgress';
import { describeVaultError } from '../../formatting/describe-error';
import {
  type NewPassphrase,
  NewPassphraseFields,
} from '../../components/passphrase/NewPassphraseFields';
import {
  createAndStoreVault,
  type CreatedVault,
  expectedDerivationMs,
  vaultNameProblem,
} from '../../data/vault-access';

/** Name and passphrase for a new vault; creates it and hands over the created vault. */
export function CreateVaultForm({
  onCreated,
  onCancel,
}: {
  onCreated: (vault: CreatedVault) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState('My practice');
  const [newPassphrase, setNewPassphrase] = useState<NewPassphrase>({
    passphrase: '',
    ready: false,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const guessableWords = useMemo(() => [name, 'bridgework'], [name]);

  const trimmedName = name.trim();
  const nameError =
    trimmedName.length === 0
      ? null
      : (vaultNameProblem(name) ??
        (isDemoVaultName(name)
          ? 'This name is kept for demo vaults. Please choose another.'
          : null));
  const canSubmit = trimmedName.length > 0 && !nameError && newPassphrase.ready && !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await createAndStoreVault(trimmedName, newPassphrase.passphrase));
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
        <NewPassphraseFields
          label="Passphrase"
          description="You’ll type this each time you open Bridgework. Nobody can reset it for you."
          guessableWords={guessableWords}
          onChange={setNewPassphrase}
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

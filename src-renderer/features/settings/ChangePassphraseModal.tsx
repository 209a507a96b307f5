import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { KeyDerivationProgress } from '../../components/KeyDerivationProgress';
import { expectedDerivationMs } from '../../data/vault-access';
import { changeVaultPassphrase, CurrentPassphraseWrong } from '../../data/vault-key-changes';
import { describeVaultError } from '../../formatting/describe-error';
import {
  type NewPassphrase,
  NewPassphraseFields,
} from '../../components/passphrase/NewPassphraseFields';
import { useOpenVault, useVaultSession } from '../../session/VaultSessionProvider';

/**
 * A new passphrase: checks the current one, wraps the same data key under the new one and
 * stores the new key file atomically. No record is re-encrypted; the old passphrase stops working.
 */
export function ChangePassphraseModal({ onClose }: { onClose: (changed: boolean) => void }) {
  const session = useOpenVault();
  const { replace } = useVaultSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>({ passphrase: '', ready: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const guessableWords = useMemo(() => [session.name, 'bridgework'], [session.name]);
  const canSubmit = current.length > 0 && next.ready && !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      replace(await changeVaultPassphrase(session, current, next.passphrase));
      onClose(true);
    } catch (caught) {
      setError(
        caught instanceof CurrentPassphraseWrong
          ? `${caught.message} Please check it and try again.`
          : describeVaultError(caught),
      );
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={() => !busy && onClose(false)} title="Change passphrase" centered>
      <form onSubmit={(event) => void submit(event)} autoComplete="off">
        <Stack gap="md">
          <PasswordInput
            label="Current passphrase"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            autoComplete="current-password"
            data-autofocus
          />
          <NewPassphraseFields
            label="New passphrase"
            guessableWords={guessableWords}
            onChange={setNext}
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {busy ? (
            <KeyDerivationProgress
              label="Changing your passphrase…"
              expectedMs={expectedDerivationMs() * 3}
            />
          ) : (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => onClose(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={!canSubmit}>
                Change passphrase
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { toBase64 } from '../../../src-shared/crypto/bytes';
import { changePassphrase } from '../../../src-shared/vault/key-slots';
import { KeyDerivationProgress } from '../../components/KeyDerivationProgress';
import { backUpVault } from '../../data/vault-backup';
import { withHeader } from '../../data/vault-session';
import { callMain } from '../../main-process';
import { describeVaultError } from '../vault/describe-error';
import { calibrateKdfInWorker, deriveKeyInWorker, expectedDerivationMs } from '../vault/kdf-client';
import { type NewPassphrase, NewPassphraseFields } from '../vault/NewPassphraseFields';
import { unlockHeader } from '../vault/vault-actions';
import { useOpenVault, useVaultSession } from '../vault/VaultSessionProvider';

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
      await unlockHeader(session.headerBytes, { kind: 'passphrase', passphrase: current });
      const changed = await changePassphrase(
        session.unlocked,
        next.passphrase,
        await calibrateKdfInWorker(),
        deriveKeyInWorker,
      );
      await callMain('vault:replace-header', {
        vaultId: session.vaultIdHex,
        header: toBase64(changed.headerBytes),
      });
      const updated = withHeader(session, changed);
      replace(updated);
      await backUpVault(updated).catch(() => undefined);
      onClose(true);
    } catch (caught) {
      setError(describeVaultError(caught).replace('That passphrase', 'Your current passphrase'));
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

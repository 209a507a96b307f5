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
import { ratePassphrase } from '../vault/passphrase-strength';
import { PassphraseStrengthMeter } from '../vault/PassphraseStrengthMeter';
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
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const strength = useMemo(
    () => ratePassphrase(next, [session.name, 'bridgework']),
    [next, session.name],
  );
  const canSubmit = current.length > 0 && strength.acceptable && next === again && !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      await unlockHeader(session.headerBytes, { kind: 'passphrase', passphrase: current });
      const changed = await changePassphrase(
        session.unlocked,
        next,
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
          <PasswordInput
            label="New passphrase"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            autoComplete="new-password"
          />
          <PassphraseStrengthMeter strength={strength} />
          <PasswordInput
            label="Type the new passphrase again"
            value={again}
            onChange={(e) => setAgain(e.currentTarget.value)}
            error={
              again.length > 0 && again !== next ? 'The two passphrases don’t match yet.' : null
            }
            autoComplete="new-password"
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

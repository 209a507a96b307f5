import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { ChangePassphraseModal } from './ChangePassphraseModal';
import { NewRecoveryKeyModal } from './NewRecoveryKeyModal';
import { RemoveVaultModal } from './RemoveVaultModal';
import { RenameVaultModal } from './RenameVaultModal';

type Dialog = 'passphrase' | 'recovery' | 'rename' | 'remove' | null;

/** The vault's keys and name, and removing it from this computer. */
export function VaultSection() {
  const session = useOpenVault();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const close = () => setDialog(null);

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        This vault: {session.name}
      </Title>
      <Text size="sm">
        Your passphrase and recovery key both open this vault. Changing them doesn’t re-encrypt your
        records; it changes the lock, not what’s inside.
      </Text>
      {done && (
        <Text size="sm" c="sage.8" role="status">
          {done}
        </Text>
      )}
      <Group gap="xs">
        <Button variant="default" onClick={() => setDialog('passphrase')}>
          Change passphrase…
        </Button>
        <Button variant="default" onClick={() => setDialog('recovery')}>
          New recovery key…
        </Button>
        <Button variant="default" onClick={() => setDialog('rename')}>
          Rename vault…
        </Button>
        <Button variant="subtle" color="red" onClick={() => setDialog('remove')}>
          Remove from this computer…
        </Button>
      </Group>
      {dialog === 'passphrase' && (
        <ChangePassphraseModal
          onClose={(changed) => {
            close();
            if (changed) setDone('Your passphrase was changed. Use the new one from now on.');
          }}
        />
      )}
      {dialog === 'recovery' && (
        <NewRecoveryKeyModal
          onClose={() => {
            close();
            setDone(null);
          }}
        />
      )}
      {dialog === 'rename' && <RenameVaultModal onClose={close} />}
      {dialog === 'remove' && <RemoveVaultModal onClose={close} />}
    </Stack>
  );
}

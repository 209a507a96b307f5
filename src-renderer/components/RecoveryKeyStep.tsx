import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { CreatedVault } from '../data/vault-access';
import type { VaultSession } from '../data/vault-session';
import { SaveNotice, useSaveAction } from './take-away-parts';

/** Whose recovery sheet to offer: a vault just created (not yet entered), or the open one. */
export type RecoverySheetSource = { newVault: CreatedVault } | { session: VaultSession };

/**
 * Shows the recovery key exactly once. The clinician must confirm they have stored it before
 * going on; after this screen Bridgework no longer knows it. With `sheet`, it offers the
 * recovery sheet (the vault's name and this key) to print, or to save as a PDF (logged).
 */
export function RecoveryKeyStep({
  recoveryKey,
  onDone,
  doneLabel = 'Continue to my vault',
  sheet,
}: {
  recoveryKey: string;
  onDone: () => void;
  doneLabel?: string;
  sheet?: RecoverySheetSource;
}) {
  const [stored, setStored] = useState(false);
  return (
    <Stack gap="md">
      <Text>
        If you ever forget your passphrase, this key is the only other way into your vault. Write it
        down on paper and keep it somewhere safe away from this laptop. You’ll only see it this
        once.
      </Text>
      <Paper withBorder p="md" radius="md" bg="var(--mantine-color-default-hover)">
        <Text
          ff="monospace"
          fz="md"
          ta="center"
          fw={600}
          style={{ letterSpacing: '0.04em' }}
          data-testid="recovery-key"
        >
          {recoveryKey}
        </Text>
      </Paper>
      <Alert color="yellow" variant="light">
        Anyone with this key can open your vault, so treat it like the key to your filing cabinet.
      </Alert>
      {sheet && <RecoverySheetButtons sheet={sheet} recoveryKey={recoveryKey} />}
      <Checkbox
        label="I’ve stored my recovery key somewhere safe"
        checked={stored}
        onChange={(event) => setStored(event.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button onClick={onDone} disabled={!stored}>
          {doneLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** Print the recovery sheet, or save it as a PDF to print elsewhere. */
function RecoverySheetButtons({
  sheet,
  recoveryKey,
}: {
  sheet: RecoverySheetSource;
  recoveryKey: string;
}) {
  const { busy, notice, run, dismiss } = useSaveAction();
  const actions = () => import('./recovery-sheet-actions');
  return (
    <Stack gap="xs">
      <Text size="sm">
        You can also print a recovery sheet with the vault’s name and this key. If you save it as a
        PDF, print it and then delete the file.
      </Text>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPrinter size={14} />}
          loading={busy === 'print'}
          disabled={busy !== null}
          onClick={() =>
            void run('print', async () => {
              await (await actions()).printRecoverySheet(sheet, recoveryKey);
              return null;
            })
          }
        >
          Print recovery sheet
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileTypePdf size={14} />}
          loading={busy === 'save'}
          disabled={busy !== null}
          onClick={() =>
            void run('save', async () => (await actions()).saveRecoverySheet(sheet, recoveryKey))
          }
        >
          Save recovery sheet (PDF)…
        </Button>
      </Group>
      <SaveNotice notice={notice} onDismiss={dismiss} />
    </Stack>
  );
}

import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { exportReviewsCsv } from '../../data/review-export';
import { describeVaultError } from '../../formatting/describe-error';
import { useOpenVault } from '../../session/VaultSessionProvider';

/**
 * Exports the reviews as a CSV file, one row per review, de-identified unless the clinician
 * deliberately chooses names and notes; every export is recorded in the vault's export log.
 */
export function ExportReviewsButton() {
  const session = useOpenVault();
  const [open, setOpen] = useState(false);
  const [deidentified, setDeidentified] = useState(true);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async () => {
    setSaving(true);
    setOutcome(null);
    try {
      const result = await exportReviewsCsv(session, { deidentified });
      if (result.saved)
        setOutcome({
          ok: true,
          text: `Saved ${result.fileName ?? 'the file'} with ${result.rows} ${result.rows === 1 ? 'review' : 'reviews'}. It’s noted in the export log.`,
        });
    } catch (error) {
      setOutcome({ ok: false, text: describeVaultError(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} />}
        onClick={() => {
          setOutcome(null);
          setDeidentified(true);
          setOpen(true);
        }}
      >
        Export reviews (CSV)…
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Export reviews as a spreadsheet">
        <Stack gap="sm">
          <Text size="sm">
            One row per finished review: dates, how it went, the share done, ratings, what got in
            the way and what was decided.
          </Text>
          <Checkbox
            checked={deidentified}
            onChange={(event) => setDeidentified(event.currentTarget.checked)}
            label="De-identify (recommended)"
            description="Each client becomes a code that stays the same from one export to the next, their dates move by a few weeks (the gaps between them are kept), and no names, titles, goals or notes are included."
          />
          {!deidentified && (
            <Alert color="orange" variant="light">
              This file will hold clients’ names and everything written in their reviews,
              unencrypted. Keep it somewhere only you can open, and delete it when you’re done.
            </Alert>
          )}
          {outcome && (
            <Alert color={outcome.ok ? 'sage' : 'red'} variant="light" role="status">
              {outcome.text}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Close
            </Button>
            <Button onClick={() => void save()} loading={saving}>
              Save CSV…
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

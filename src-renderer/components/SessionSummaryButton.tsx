import { Button, Group, Stack, Switch } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import type { HandoutNaming } from '../../src-shared/domain/preferences';
import type { Session } from '../../src-shared/domain/session';
import { checkSessionSummary, exportSessionSummary } from '../data/take-away';
import { usePreferences } from '../session/usePreferences';
import { useOpenVault } from '../session/VaultSessionProvider';
import {
  LeftOutNote,
  PrintableCheck,
  printable,
  SaveNotice,
  useCheck,
  useSaveAction,
} from './take-away-parts';

/**
 * The session's summary for the client to take home, as a PDF: the summary written for them and
 * the practice agreed (never the private notes), saved where the clinician chooses and noted in
 * the export log once saved.
 */
export function SessionSummaryButton({ session: planned }: { session: Session }) {
  const session = useOpenVault();
  const preferences = usePreferences();
  const [discreet, setDiscreet] = useState(false);
  const [naming, setNaming] = useState<HandoutNaming | undefined>(undefined);
  const { busy, notice, run, dismiss } = useSaveAction();
  const choice = { discreet, naming };
  const check = useCheck(
    () => checkSessionSummary(session, planned, choice),
    [session, planned, discreet, naming],
  );
  return (
    <Stack gap="xs">
      <PrintableCheck
        check={check}
        naming={naming ?? preferences.data.nameOnHandouts}
        onNaming={setNaming}
      />
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileTypePdf size={14} />}
          loading={busy === 'summary'}
          disabled={!printable(check) || busy !== null}
          onClick={() => void run('summary', () => exportSessionSummary(session, planned, choice))}
        >
          Session summary PDF
        </Button>
        <Switch
          size="xs"
          label="Discreet wording"
          checked={discreet}
          onChange={(event) => setDiscreet(event.currentTarget.checked)}
        />
      </Group>
      {discreet && <LeftOutNote check={check} />}
      <SaveNotice notice={notice} onDismiss={dismiss} />
    </Stack>
  );
}

import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { type ReactNode, useCallback, useState } from 'react';
import type { ConfirmLeavingOut } from '../data/vault-backup';
import type { DamagedWorksheet } from '../data/worksheet-files';
import { UserText } from './UserText';

type Pending = { worksheets: DamagedWorksheet[]; answer: (goAhead: boolean) => void };

/**
 * The question a restore or an import asks when some worksheet files in a backup are damaged:
 * go ahead without them, or keep things as they are. `ask` is handed to the restore; `question`
 * is shown where the restore was started, while it waits for the clinician's answer.
 */
export function useWorksheetsLeftOutQuestion(labels: { goAhead: string; stop: string }): {
  ask: ConfirmLeavingOut;
  question: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = useCallback<ConfirmLeavingOut>(
    (worksheets) =>
      new Promise((resolve) =>
        setPending({
          worksheets,
          answer: (goAhead) => {
            setPending(null);
            resolve(goAhead);
          },
        }),
      ),
    [],
  );
  const question = pending && (
    <Alert color="yellow" title="Some worksheets can’t be brought back" role="alert">
      <Stack gap="xs">
        <Text size="sm">
          The files of these worksheets are damaged in this backup, so they can’t be opened:
        </Text>
        <List size="sm" aria-label="Worksheets that can’t be brought back">
          {pending.worksheets.map((worksheet) => (
            <List.Item key={worksheet.attachmentId}>
              <UserText>{worksheet.fileName}</UserText> on{' '}
              <UserText>{worksheet.templateTitle}</UserText>
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          Everything else in the backup is intact. You can go ahead without these worksheets and
          attach them again afterwards from your own copies.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => pending.answer(false)}>
            {labels.stop}
          </Button>
          <Button onClick={() => pending.answer(true)}>{labels.goAhead}</Button>
        </Group>
      </Stack>
    </Alert>
  );
  return { ask, question };
}

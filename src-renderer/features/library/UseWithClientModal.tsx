import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { LibraryItem } from '../../../src-shared/domain/library-search';
import { useOneAtATime } from '../../components/useOneAtATime';
import { describeVaultError } from '../../formatting/describe-error';
import { localDate } from '../../formatting/local-date';
import { useStartPractice } from '../../session/useStartPractice';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault } from '../../session/VaultSessionProvider';

const sessionTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * "Use with a client…": choose the client and, when they have one coming, the session it is set
 * in; the builder then opens on a draft made from this template.
 */
export function UseWithClientModal({ item, onClose }: { item: LibraryItem; onClose: () => void }) {
  const { clients, sessions } = useOpenVault();
  const startPractice = useStartPractice();
  const active = useVaultQuery(
    async () => (await clients.all()).records.filter((client) => client.status === 'active'),
    [clients],
  );
  const [clientId, setClientId] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const upcoming = useVaultQuery(
    async () =>
      clientId
        ? (await sessions.forClient(clientId)).records.filter(
            (session) => session.status === 'planned' && localDate(session.startsAt) >= localDate(),
          )
        : [],
    [sessions, clientId],
  );

  const chooseClient = (id: string) => {
    setClientId(id);
    setSessionId('');
  };

  // One draft per press: a double click must not start the practice twice.
  const starting = useOneAtATime(async () => {
    try {
      await startPractice(clientId, sessionId || null, {
        from: 'template',
        ref: { templateId: item.key, version: item.version },
        template: item.content,
      });
      onClose();
    } catch (error) {
      setProblem(describeVaultError(error));
    }
  });

  return (
    <Modal opened onClose={onClose} title="Use with a client">
      <Stack gap="md">
        <NativeSelect
          label="Client"
          data={[
            {
              value: '',
              label: active?.length === 0 ? 'No active clients yet' : 'Choose a client',
            },
            ...(active ?? [])
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((client) => ({ value: client.id, label: client.name })),
          ]}
          value={clientId}
          onChange={(event) => chooseClient(event.currentTarget.value)}
        />
        {clientId && (
          <NativeSelect
            label="In which session?"
            data={[
              { value: '', label: 'Not in a session' },
              ...(upcoming ?? []).map((session) => ({
                value: session.id,
                label: sessionTime.format(new Date(session.startsAt)),
              })),
            ]}
            value={sessionId}
            onChange={(event) => setSessionId(event.currentTarget.value)}
          />
        )}
        {problem && (
          <Text c="var(--mantine-color-error)" role="alert">
            {problem}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!clientId} loading={starting.busy} onClick={() => void starting.run()}>
            Design it together
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

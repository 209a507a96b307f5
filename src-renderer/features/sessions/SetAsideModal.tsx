import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { sessionTextLimits } from '../../../src-shared/domain/session';
import { agendaErrorMessages } from '../../../src-shared/domain/session-agenda';
import { CharacterCount, overLimitProblem } from '../../components/CharacterCount';
import { UserText } from '../../components/UserText';

/** Why a reason can't be recorded as written, as far as the form can tell, or null. */
function setAsideProblem(reason: string): string | null {
  if (!reason.trim()) return agendaErrorMessages['reason-needed'];
  return overLimitProblem(reason.trim(), sessionTextLimits.deferredBecause);
}

/**
 * Asks why reviewing one piece of practice is set aside for today (a risk or crisis check took
 * the time, the client asked to leave it): the reason is recorded with the session and shown on
 * the agenda, so the review is postponed knowingly, never skipped in silence.
 */
export function SetAsideModal({
  title,
  onSetAside,
  onClose,
}: {
  /** The practice's plain title. */
  title: string;
  /** Records the reason; rejects with the message to show when it can't. */
  onSetAside: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = setAsideProblem(reason);
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      await onSetAside(reason.trim());
      onClose();
    } catch (error) {
      setProblem(
        error instanceof Error ? error.message : 'This couldn’t be saved. Please try again.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Set this review aside for today" centered>
      <form onSubmit={(event) => void submit(event)} autoComplete="off" noValidate>
        <Stack gap="md">
          <Text size="sm">
            Reviewing “<UserText>{title}</UserText>” will wait for another session. What took the
            time today?
          </Text>
          <Stack gap={2}>
            <Textarea
              label="Reason"
              description="For example: a risk check took the time, or the client asked to come back to it."
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setProblem(null);
              }}
              error={problem}
              rows={3}
              resize="vertical"
              data-autofocus
            />
            <CharacterCount value={reason.trim()} max={sessionTextLimits.deferredBecause} />
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Set aside
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

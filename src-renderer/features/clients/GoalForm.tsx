import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  type Goal,
  goalSchema,
  goalStatuses,
  goalStatusLabels,
} from '../../../src-shared/domain/goal';
import { CharacterCount } from '../../components/CharacterCount';
import { useOneAtATime } from '../../components/useOneAtATime';
import type { GoalDraft } from '../../data/goals-repository';

/** Adds or edits a goal in the client's own words. */
export function GoalForm({
  goal,
  onSave,
  onClose,
}: {
  goal: Goal | null;
  onSave: (draft: GoalDraft) => Promise<void>;
  onClose: () => void;
}) {
  const [clientWords, setClientWords] = useState(goal?.clientWords ?? '');
  const [whyItMatters, setWhyItMatters] = useState(goal?.whyItMatters ?? '');
  const [status, setStatus] = useState<Goal['status']>(goal?.status ?? 'active');
  const [error, setError] = useState<string | null>(null);
  const [whyError, setWhyError] = useState<string | null>(null);

  const saving = useOneAtATime(async () => {
    const words = goalSchema.shape.clientWords.safeParse(clientWords);
    const why = goalSchema.shape.whyItMatters.safeParse(whyItMatters);
    setError(
      clientWords.trim()
        ? (words.error?.issues[0]?.message ?? null)
        : 'Please write the goal, in the client’s words.',
    );
    setWhyError(why.error?.issues[0]?.message ?? null);
    if (!words.success || !why.success) return;
    try {
      await onSave({ clientWords, whyItMatters, status });
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The goal could not be saved.');
    }
  });

  return (
    <Modal opened onClose={onClose} title={goal ? 'Edit goal' : 'Add a goal'} centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void saving.run();
        }}
        autoComplete="off"
      >
        <Stack gap="md">
          <Textarea
            label="The goal, in the client’s words"
            description="For example: “Get back to Sunday football with my brother.”"
            value={clientWords}
            onChange={(e) => setClientWords(e.currentTarget.value)}
            resize="vertical"
            rows={2}
            error={error}
            data-autofocus
          />
          <CharacterCount value={clientWords} max={300} />
          <Textarea
            label="Why it matters to them"
            value={whyItMatters}
            onChange={(e) => setWhyItMatters(e.currentTarget.value)}
            error={whyError}
            resize="vertical"
            rows={2}
          />
          <CharacterCount value={whyItMatters} max={1000} />
          <Select
            label="Where it stands"
            data={goalStatuses.map((value) => ({ value, label: goalStatusLabels[value] }))}
            value={status}
            onChange={(value) => value && setStatus(value as Goal['status'])}
            allowDeselect={false}
            w={240}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving.busy}>
              Save goal
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

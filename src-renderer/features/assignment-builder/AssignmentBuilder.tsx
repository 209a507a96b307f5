import {
  Alert,
  Button,
  Grid,
  Group,
  Modal,
  Stack,
  Stepper,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import type { Client } from '../../../src-shared/domain/client';
import {
  builderClientView,
  handoutClientView,
} from '../../../src-shared/domain/client-view-projection';
import type { Goal } from '../../../src-shared/domain/goal';
import type { Session } from '../../../src-shared/domain/session';
import { SharedViewControls } from '../../components/SharedViewControls';
import { UserText } from '../../components/UserText';
import { handoutModel } from '../../data/take-away';
import { useNavigation } from '../../session/navigation';
import { usePreferences } from '../../session/usePreferences';
import { useSharedView } from '../../session/shared-view';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { BarriersStep } from './BarriersStep';
import { CommitStep } from './CommitStep';
import { StartSmallStep } from './StartSmallStep';
import { WhyAndWhatStep } from './WhyAndWhatStep';
import { TherapistPanel } from './TherapistPanel';
import { type AssignmentEditing, useAssignmentEditing } from './useAssignmentEditing';
import { useTemplateOf } from './useTemplateOf';

/** The builder's steps, each a part of the conversation, said aloud with the client. */
const steps = ['Why and what', 'Start small', 'Plan around barriers', 'Commit'] as const;

type BuilderStep = 0 | 1 | 2 | 3;

const statusWords: Record<AssignmentEditing['status']['state'], string> = {
  saved: 'Saved',
  unsaved: '',
  saving: 'Saving…',
  error: 'Not saved',
};

/**
 * The collaborative assignment builder: four steps walked through with the client, each mirrored
 * on the shared view as it is typed, with the therapist's side (cautions, notes) beside them.
 * Everything saves itself; a draft reopens where it was left.
 */
export function AssignmentBuilder({
  stored,
  client,
  goals,
  session,
}: {
  stored: Assignment;
  client: Client;
  goals: Goal[];
  session: Session | null;
}) {
  const editing = useAssignmentEditing(stored);
  const { assignment, update } = editing;
  const step = assignment.builderStep as BuilderStep;
  const template = useTemplateOf(assignment);
  const wording = usePreferences().data.practiceWording;
  const [discreet, setDiscreet] = useState(false);
  const sharedView = useSharedView();
  const { navigate, route } = useNavigation();
  const vault = useOpenVault();
  const { assignments } = vault;
  const [agreeProblem, setAgreeProblem] = useState<string | null>(null);

  const projection = (at: BuilderStep) =>
    builderClientView({
      client,
      otherClients: [],
      session,
      goals,
      assignment,
      step: at,
      wording,
      discreet,
      clinicianNotes: template?.clinicianNotes ?? '',
    });
  const onScreen = useMemo(() => projection(step), [assignment, step, wording, discreet]); // eslint-disable-line react-hooks/exhaustive-deps -- projection reads exactly these
  const readBack = useMemo(() => projection(3), [assignment, wording, discreet]); // eslint-disable-line react-hooks/exhaustive-deps -- projection reads exactly these

  const { state: sharedState, show } = sharedView;
  // At the end, the shared view can show the handout while it is talked through.
  const [handoutShared, setHandoutShared] = useState(false);
  const showingHandout = handoutShared && step === 3;
  useEffect(() => {
    if (sharedState !== 'showing') return;
    if (!showingHandout) {
      void show(onScreen);
      return;
    }
    let current = true;
    void handoutModel(vault, assignment, { discreet })
      .then((model) => {
        if (current) void show(handoutClientView(model));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [onScreen, sharedState, show, showingHandout, vault, assignment, discreet]);
  // Leaving the builder leaves nothing of it on the shared view: back to the calm placeholder.
  useEffect(() => () => void show(null), [show]);

  /** Back to where the practice belongs, once saved, unless the clinician has moved on. */
  const leave = () =>
    navigate(
      assignment.sessionId
        ? { screen: 'session', sessionId: assignment.sessionId }
        : { screen: 'client', clientId: assignment.clientId },
      { onlyFrom: route },
    );

  const agree = async () => {
    if (assignment.cautions.length > 0 && assignment.cautionsAcknowledgedAt === null) {
      setAgreeProblem('Please look over the cautions on the right first, and tick that you have.');
      return;
    }
    setAgreeProblem(null);
    update({ status: 'active' });
    if (await editing.flush()) leave();
  };

  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const discard = async () => {
    await assignments.discardDraft(assignment);
    leave();
  };

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            {assignment.status === 'draft' ? 'Designing practice with' : 'Practice agreed with'}{' '}
            <UserText>{client.name}</UserText>
          </Text>
          <Title order={1} size="h2">
            <UserText>{assignment.title || 'New practice'}</UserText>
          </Title>
          <Text size="xs" c="dimmed" role="status" mih="1.5em">
            {statusWords[editing.status.state]}
            {editing.status.state === 'error' && `: ${editing.status.message}`}
          </Text>
        </div>
        <Stack gap="xs" align="flex-end">
          <SharedViewControls />
          <Switch
            label="Discreet wording on the shared view"
            checked={discreet}
            onChange={(event) => setDiscreet(event.currentTarget.checked)}
          />
          {step === 3 && sharedState !== 'closed' && (
            <Switch
              label="Show the handout on the shared view"
              checked={handoutShared}
              onChange={(event) => setHandoutShared(event.currentTarget.checked)}
            />
          )}
        </Stack>
      </Group>
      {editing.conflict && (
        <Alert color="orange" title="Changed in another window">
          {editing.conflict}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stepper
            active={step}
            onStepClick={(next) => update({ builderStep: next as BuilderStep })}
            size="xs"
            wrap={false}
            mb="lg"
          >
            {steps.map((label) => (
              <Stepper.Step key={label} label={label} />
            ))}
          </Stepper>
          {step === 0 && <WhyAndWhatStep assignment={assignment} update={update} goals={goals} />}
          {step === 1 && (
            <StartSmallStep
              assignment={assignment}
              update={update}
              trackerChoices={template?.trackerFields ?? assignment.trackerFields}
            />
          )}
          {step === 2 && (
            <BarriersStep
              assignment={assignment}
              update={update}
              suggestions={template?.barriers ?? []}
            />
          )}
          {step === 3 && (
            <CommitStep
              assignment={assignment}
              update={update}
              readBack={readBack}
              onMakeSmaller={() => update({ builderStep: 1 })}
            />
          )}
          <Group justify="space-between" mt="xl">
            <Button
              variant="default"
              disabled={step === 0}
              onClick={() => update({ builderStep: (step - 1) as BuilderStep })}
            >
              Back
            </Button>
            {step < 3 ? (
              <Button onClick={() => update({ builderStep: (step + 1) as BuilderStep })}>
                Next: {steps[step + 1]}
              </Button>
            ) : assignment.status === 'draft' ? (
              <Button onClick={() => void agree()}>Agree this plan</Button>
            ) : (
              <Button onClick={() => void editing.flush().then((saved) => saved && leave())}>
                Done
              </Button>
            )}
          </Group>
          {agreeProblem && (
            <Text c="var(--mantine-color-error)" size="sm" ta="right" role="alert" mt="xs">
              {agreeProblem}
            </Text>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TherapistPanel
            assignment={assignment}
            clinicianNotes={template?.clinicianNotes ?? ''}
            onAcknowledge={(acknowledged) =>
              update({ cautionsAcknowledgedAt: acknowledged ? new Date().toISOString() : null })
            }
            onDiscard={assignment.status === 'draft' ? () => setConfirmingDiscard(true) : null}
          />
        </Grid.Col>
      </Grid>
      <Modal
        opened={confirmingDiscard}
        onClose={() => setConfirmingDiscard(false)}
        title="Discard this draft?"
      >
        <Stack gap="md">
          <Text>What was written in it will be deleted. This can’t be undone.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingDiscard(false)}>
              Keep it
            </Button>
            <Button color="red" onClick={() => void discard()}>
              Discard draft
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

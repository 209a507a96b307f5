import { Alert, Anchor, Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { LoadingMark } from '../../components/LoadingMark';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { type Session, sessionSchema, sessionTextLimits } from '../../../src-shared/domain/session';
import {
  activePracticeCount,
  agendaErrorMessages,
  deferReview,
  reviewItemsFor,
  tooMuchPracticeNote,
} from '../../../src-shared/domain/session-agenda';
import { SessionBookingModal } from '../../components/SessionBookingModal';
import { SessionSummaryButton } from '../../components/SessionSummaryButton';
import { useNavigation } from '../../session/navigation';
import { NewPracticeSection } from './NewPracticeSection';
import { SectionCard } from '../../components/SectionCard';
import { type DueReview, ReviewSection } from './ReviewSection';
import { SessionPlanHeader } from './SessionPlanHeader';
import { SessionSharedView } from './SessionSharedView';
import { SessionTextField } from './SessionTextField';
import { TopicsSection } from './TopicsSection';
import { usePlanContext } from './usePlanContext';
import { type SessionEditor, useSessionEditor } from './useSessionEditor';

/** Takes a set-aside review back up: it is to review again, its reason no longer applies. */
function undoSetAside(session: Session, assignmentId: string): Session {
  return {
    ...session,
    reviewItems: session.reviewItems.map((item) =>
      item.assignmentId === assignmentId && item.state === 'deferred'
        ? { ...item, state: 'to-review', deferredBecause: '' }
        : item,
    ),
  };
}

/** Says the session plan can't save, and why, with the way out: reload what is stored. */
function NotSaving({ editor }: { editor: SessionEditor }) {
  if (!editor.problem && !editor.changedElsewhere) return null;
  return (
    <Alert color="orange" title="Your latest changes aren’t saved" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {editor.problem ??
            'This session was changed in another window after you opened it here, so nothing here will be saved over it.'}{' '}
          What you typed is still on screen until you reload; copy anything you want to keep.
        </Text>
        <Button size="xs" variant="default" onClick={editor.reload}>
          Reload the session
        </Button>
      </Stack>
    </Alert>
  );
}

/**
 * A session's plan, in agenda order: reviewing last week's practice always first, the topics,
 * this week's new practice, the summary for the client and the clinician's private notes.
 * Everything saves itself.
 */
export function SessionPlanScreen({ sessionId }: { sessionId: string }) {
  const { navigate } = useNavigation();
  const editor = useSessionEditor(sessionId);
  const { session, update } = editor;
  const context = usePlanContext(session?.clientId);
  const [editing, setEditing] = useState(false);
  /** The summary as typed, ahead of its save, so the shared view follows it word by word. */
  const [typedSummary, setTypedSummary] = useState<{ at: number; text: string } | null>(null);

  if (editor.missing)
    return (
      <Stack gap="sm" maw={620}>
        <Title order={1} size="h2">
          This session isn’t here any more
        </Title>
        <Text>It may have been removed in another window.</Text>
        <Anchor component="button" type="button" onClick={() => navigate({ screen: 'today' })}>
          Back to Today
        </Anchor>
      </Stack>
    );
  if (!session || !context)
    return (
      <Center py="xl">
        <LoadingMark label="Loading the session" />
      </Center>
    );

  const byId = new Map(context.assignments.map((assignment) => [assignment.id, assignment]));
  const due: DueReview[] = reviewItemsFor(session, context.assignments).map((item) => ({
    item,
    assignment: byId.get(item.assignmentId),
  }));
  const setHere = session.assignmentIds
    .map((id) => byId.get(id))
    .filter((assignment): assignment is Assignment => assignment !== undefined);
  const note = tooMuchPracticeNote(activePracticeCount(context.assignments, session.id));

  const setAside = async (assignmentId: string, reason: string) => {
    const checked = deferReview(session, assignmentId, reason);
    if (!checked.ok) throw new Error(agendaErrorMessages[checked.error]);
    await update((latest) => {
      const deferred = deferReview(latest, assignmentId, reason);
      return deferred.ok ? deferred.value : latest;
    });
  };

  return (
    <Stack gap="lg" maw={860}>
      <SessionPlanHeader
        session={session}
        clientName={context.client?.name ?? 'A client whose record can’t be read'}
        onBack={() => navigate({ screen: 'today' })}
        onEdit={() => setEditing(true)}
        sharedView={
          context.client && (
            <SessionSharedView
              client={context.client}
              otherClients={context.otherClients}
              assignments={context.assignments}
              session={{
                ...session,
                reviewItems: due.map(({ item }) => item),
                summaryForClient:
                  typedSummary?.at === editor.generation
                    ? typedSummary.text
                    : session.summaryForClient,
              }}
            />
          )
        }
      />
      <NotSaving editor={editor} />
      <SectionCard
        title="Review last week’s practice"
        note="Start here: what happened when they tried it, and what got in the way."
      >
        <ReviewSection
          due={due}
          onStartReview={(assignmentId) =>
            navigate({ screen: 'review', assignmentId, sessionId: session.id })
          }
          onSetAside={setAside}
          onUndoSetAside={(assignmentId) =>
            void update((latest) => undoSetAside(latest, assignmentId)).catch(() => undefined)
          }
        />
      </SectionCard>
      <SectionCard title="Topics">
        <TopicsSection
          key={editor.generation}
          initial={session.topics}
          save={(topics) => update((latest) => ({ ...latest, topics }))}
        />
      </SectionCard>
      <SectionCard title="This week’s new practice">
        <NewPracticeSection
          setHere={setHere}
          note={note}
          onOpen={(assignment) => navigate({ screen: 'assignment', assignmentId: assignment.id })}
          onAdd={() =>
            navigate({
              screen: 'new-assignment',
              clientId: session.clientId,
              sessionId: session.id,
            })
          }
        />
      </SectionCard>
      <SectionCard
        title="Summary for the client"
        note="Written for the client: it shows on the shared screen and goes on the session summary they take home."
      >
        <SessionTextField
          key={editor.generation}
          label="Summary for the client"
          initial={session.summaryForClient}
          max={sessionTextLimits.summaryForClient}
          schema={sessionSchema.shape.summaryForClient}
          save={(summaryForClient) => update((latest) => ({ ...latest, summaryForClient }))}
          onTyped={(text) => setTypedSummary({ at: editor.generation, text })}
        />
        <SessionSummaryButton session={session} />
      </SectionCard>
      <SectionCard
        title="Private notes"
        icon={<IconLock size={18} aria-hidden />}
        note="Only you see these. Never shown on the shared screen or on handouts."
      >
        <SessionTextField
          key={editor.generation}
          label="Private notes"
          initial={session.privateNotes}
          max={sessionTextLimits.privateNotes}
          schema={sessionSchema.shape.privateNotes}
          save={(privateNotes) => update((latest) => ({ ...latest, privateNotes }))}
          rows={6}
        />
      </SectionCard>
      {editing && (
        <SessionBookingModal
          session={session}
          onSave={(booking) => update((latest) => ({ ...latest, ...booking }))}
          onClose={() => setEditing(false)}
        />
      )}
    </Stack>
  );
}

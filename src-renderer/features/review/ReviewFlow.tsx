import { Alert, Anchor, Chip, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import type { Client } from '../../../src-shared/domain/client';
import { reviewClientView } from '../../../src-shared/domain/client-view-projection';
import { planSentence } from '../../../src-shared/domain/practice-plan';
import { progressionSuggestions } from '../../../src-shared/domain/progression';
import {
  isNewVersionDecision,
  type Review,
  reviewTextLimits,
} from '../../../src-shared/domain/review';
import type { DayMark } from '../../../src-shared/domain/review-grid';
import { LimitedField } from '../../components/LimitedField';
import { RatingChoice } from '../../components/RatingChoice';
import { SectionCard } from '../../components/SectionCard';
import { SharedViewBar } from '../../components/SharedViewBar';
import { UserText } from '../../components/UserText';
import { useNavigation } from '../../session/navigation';
import { useStartPractice } from '../../session/useStartPractice';
import { BarriersMet } from './BarriersMet';
import { DecisionSection } from './DecisionSection';
import { HowItWent } from './HowItWent';
import { OpeningQuestion } from './OpeningQuestion';
import { PracticeWeek } from './PracticeWeek';
import { ReportedBy } from './ReportedBy';
import { useReviewEditing } from './useReviewEditing';
import { VersionHistory } from './VersionHistory';

/** What still needs an answer before a review can be finished. */
function stillToAnswer(review: Review): string[] {
  return [
    review.outcome === null && 'how it went',
    review.madeThingsWorse === null && 'whether anything made things worse',
    review.decision === null && 'what you decided together',
  ].filter((each): each is string => typeof each === 'string');
}

/**
 * Reviewing one piece of practice together, top to bottom in the order it is talked through:
 * an open question first, how it went, the week, what got in the way, anything that made things
 * worse, the client's words and ratings, the therapist's own view (never shown to the client),
 * and the decision. Everything saves itself; the shared view shows only the client's side.
 */
export function ReviewFlow({
  stored,
  sessionId,
  assignment,
  client,
  otherClients,
  clientAssignments,
  clientReviews,
}: {
  stored: Review;
  sessionId: string | null;
  assignment: Assignment;
  client: Client;
  otherClients: Client[];
  clientAssignments: Assignment[];
  clientReviews: Review[];
}) {
  const { navigate, route } = useNavigation();
  const startPractice = useStartPractice();
  const { review, update, flush, status, conflict } = useReviewEditing(stored);
  const [days, setDays] = useState<ReadonlyMap<string, DayMark>>(new Map());
  const [finishing, setFinishing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // The history of this practice: the versions it grew from, and their finished reviews.
  const chain = useMemo(() => {
    const byId = new Map(clientAssignments.map((each) => [each.id, each]));
    const versions: Assignment[] = [];
    for (let at: Assignment | undefined = assignment; at && versions.length < 50;) {
      versions.unshift(at);
      at = at.replaces ? byId.get(at.replaces.assignmentId) : undefined;
    }
    return versions;
  }, [assignment, clientAssignments]);
  const history = useMemo(() => {
    const ids = new Set(chain.map((each) => each.id));
    return clientReviews.filter(
      (each) => ids.has(each.assignmentId) && each.finished && each.id !== review.id,
    );
  }, [chain, clientReviews, review.id]);
  const suggestions = useMemo(
    () =>
      progressionSuggestions(
        assignment,
        review.outcome ? [...history, { ...review, finished: true }] : history,
      ),
    [assignment, history, review],
  );

  const change = useCallback((patch: Partial<Review>) => update(patch), [update]);
  const missing = stillToAnswer(review);

  /**
   * Finishes the review (so the session records it as reviewed before anything new is set), then
   * — for step up, make it fit and change how it works — starts the new, linked version and
   * opens it in the builder; otherwise goes back to where the review was opened from.
   */
  async function finish() {
    const { decision } = review;
    if (!decision || missing.length > 0) return;
    setFinishing(true);
    setProblem(null);
    try {
      if (!review.finished) {
        update({ finished: true });
        if (!(await flush())) throw new Error('The review could not be saved.');
      }
      if (review.nextAssignmentId) {
        navigate(
          { screen: 'assignment', assignmentId: review.nextAssignmentId },
          { onlyFrom: route },
        );
      } else if (isNewVersionDecision(decision)) {
        await startPractice(
          client.id,
          sessionId,
          { from: 'review', previous: assignment, decision, reason: review.decisionReason },
          async (draft) => {
            update({ nextAssignmentId: draft.id });
            if (!(await flush())) throw new Error('The review could not be saved.');
          },
        );
      } else {
        navigate(
          sessionId ? { screen: 'session', sessionId } : { screen: 'client', clientId: client.id },
          { onlyFrom: route },
        );
      }
    } catch {
      setProblem('The review couldn’t be finished just now. Everything typed is still here.');
    } finally {
      setFinishing(false);
    }
  }

  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Anchor
          component="button"
          type="button"
          size="sm"
          style={{ alignSelf: 'flex-start' }}
          onClick={() =>
            navigate(
              sessionId
                ? { screen: 'session', sessionId }
                : { screen: 'client', clientId: client.id },
            )
          }
        >
          {sessionId ? 'Back to the session plan' : 'Back to the client'}
        </Anchor>
        <Title order={1} size="h2">
          Reviewing <UserText>{assignment.title}</UserText>
        </Title>
        <Text c="dimmed">
          With <UserText>{client.name}</UserText>
          {review.finished ? ' · finished' : ''}
          {status.state === 'error' ? ` · ${status.message}` : ''}
        </Text>
      </Stack>
      <SharedViewBar
        project={(options) =>
          reviewClientView({ client, otherClients, assignment, review, days, ...options })
        }
      />
      {conflict && (
        <Alert color="orange" role="alert" title="Your latest changes aren’t saved">
          {conflict}
        </Alert>
      )}
      <SectionCard title="The plan they took away">
        <Text>
          <UserText>{planSentence(assignment.plan, assignment.days)}</UserText>
        </Text>
        {assignment.minimum.label && (
          <Text size="sm">
            Smallest version: <UserText>{assignment.minimum.label}</UserText>
          </Text>
        )}
        <VersionHistory chain={chain} />
      </SectionCard>
      <SectionCard title="Start with a question" note="Curious, not checking: every answer helps.">
        <OpeningQuestion outcome={review.outcome} />
      </SectionCard>
      <SectionCard title="How it went">
        <HowItWent review={review} smallestVersion={assignment.minimum.label} onChange={change} />
      </SectionCard>
      <SectionCard
        title="The week"
        note="From a returned tracker, or a quick estimate — no need to go day by day."
      >
        <PracticeWeek
          assignment={assignment}
          client={client}
          review={review}
          onAmount={change}
          onDays={setDays}
        />
        <ReportedBy value={review.reportedBy} onChange={(reportedBy) => change({ reportedBy })} />
      </SectionCard>
      <SectionCard title="What got in the way" note="Useful to know — it shapes next week’s plan.">
        <BarriersMet assignment={assignment} review={review} onChange={change} />
      </SectionCard>
      <SectionCard title="Did anything make things worse or feel like too much?">
        <Chip.Group
          value={review.madeThingsWorse ?? ''}
          onChange={(value) => change({ madeThingsWorse: value === 'yes' ? 'yes' : 'no' })}
        >
          <Group gap={4} role="radiogroup" aria-label="Did anything make things worse?">
            {/* Named as one group: one Tab stop, the arrows move between the two answers. */}
            <Chip value="no" size="sm" type="radio" name="review-made-things-worse">
              No, nothing did
            </Chip>
            <Chip value="yes" size="sm" type="radio" name="review-made-things-worse">
              Yes, something did
            </Chip>
          </Group>
        </Chip.Group>
        {review.madeThingsWorse === 'yes' && (
          <LimitedField
            label="What happened"
            value={review.worseNote}
            max={reviewTextLimits.worseNote}
            multiline
            onChange={(worseNote) => change({ worseNote })}
          />
        )}
      </SectionCard>
      <SectionCard title="In their words" note="What happened, what they learned, and the wins.">
        <LimitedField
          label="What happened"
          value={review.happened}
          max={reviewTextLimits.happened}
          multiline
          onChange={(happened) => change({ happened })}
        />
        <LimitedField
          label="What they learned or noticed"
          value={review.learned}
          max={reviewTextLimits.learned}
          multiline
          onChange={(learned) => change({ learned })}
        />
        <LimitedField
          label="Wins, however small"
          value={review.wins}
          max={reviewTextLimits.wins}
          multiline
          onChange={(wins) => change({ wins })}
        />
      </SectionCard>
      <SectionCard title="Their ratings" note="0 is not at all, 4 is very.">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <RatingChoice
            top={4}
            label="How helpful was it?"
            value={review.helpful}
            onChange={(helpful) => change({ helpful })}
          />
          <RatingChoice
            top={4}
            label="How hard was it?"
            value={review.hard}
            onChange={(hard) => change({ hard })}
          />
          <RatingChoice
            top={4}
            label="How clear was why it helps?"
            value={review.understoodWhy}
            onChange={(understoodWhy) => change({ understoodWhy })}
          />
          <RatingChoice
            top={4}
            label="How well does it fit their goals?"
            value={review.fitsGoals}
            onChange={(fitsGoals) => change({ fitsGoals })}
          />
        </SimpleGrid>
      </SectionCard>
      <SectionCard
        title="Your view"
        icon={<IconLock size={18} aria-hidden />}
        note="Only you see this. Never shown on the shared screen."
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <RatingChoice
            top={4}
            label="Quality of the practice"
            value={review.quality}
            onChange={(quality) => change({ quality })}
          />
          <RatingChoice
            top={4}
            label="Engagement"
            value={review.engagement}
            onChange={(engagement) => change({ engagement })}
          />
        </SimpleGrid>
      </SectionCard>
      <SectionCard title="Deciding together">
        <DecisionSection
          review={review}
          suggestions={suggestions}
          missing={missing}
          finishing={finishing}
          onChange={change}
          onFinish={() => void finish()}
        />
        {problem && (
          <Text c="var(--mantine-color-error)" size="sm" role="alert">
            {problem}
          </Text>
        )}
      </SectionCard>
    </Stack>
  );
}

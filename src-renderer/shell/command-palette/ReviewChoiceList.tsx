import { Text } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { UserText } from '../../components/UserText';
import { PaletteAction } from './PaletteAction';
import type { PaletteTarget } from './palette-entries';

/** A client with several pieces of agreed practice (or none): the clinician picks which to review. */
export type ReviewChoice = Extract<PaletteTarget, { kind: 'review-practice' }> & {
  /** The client's agreed practice, or why it could not be read. */
  practice: Assignment[] | string;
  review: (assignment: Assignment) => void;
};

/** Which of a client's pieces of practice to review, when there is more than one (or none). */
export function ReviewChoiceList({
  choice,
  onChoose,
}: {
  choice: ReviewChoice;
  onChoose: (target: PaletteTarget) => void;
}) {
  const name = <UserText>{choice.clientName}</UserText>;
  if (typeof choice.practice === 'string' || choice.practice.length === 0)
    return (
      <Spotlight.ActionsList aria-label="Results">
        <Spotlight.Empty>
          {typeof choice.practice === 'string' ? (
            choice.practice
          ) : (
            <>There’s no agreed practice to review with {name} yet.</>
          )}
        </Spotlight.Empty>
        <PaletteAction
          label={['Open ', { userText: choice.clientName }, '’s page']}
          onClick={() =>
            onChoose({ kind: 'go', route: { screen: 'client', clientId: choice.clientId } })
          }
        />
      </Spotlight.ActionsList>
    );
  const { review } = choice;
  return (
    <Spotlight.ActionsList aria-label="Results">
      <Text size="sm" fw={600} px="md" pt="xs" pb={4}>
        Which practice would you like to review with {name}?
      </Text>
      {choice.practice.map((assignment) => (
        <PaletteAction
          key={assignment.id}
          label={[{ userText: assignment.title }]}
          onClick={() => review(assignment)}
        />
      ))}
    </Spotlight.ActionsList>
  );
}

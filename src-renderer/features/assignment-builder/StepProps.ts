import type { Assignment } from '../../../src-shared/domain/assignment';

/** What every builder step gets: the assignment as typed, and a way to change part of it. */
export type StepProps = {
  assignment: Assignment;
  update: (patch: Partial<Assignment>) => void;
};

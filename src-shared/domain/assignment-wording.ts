import type { Assignment, PlannedBarrier } from './assignment';
import { barrierKindLabels } from './barrier-kinds';
import type { Goal } from './goal';

/** A barrier as the client sees it, with its if-then. */
export type ClientBarrier = { barrier: string; ifThen: string };

/** An assignment's client-facing text in the chosen wording. */
export type ClientWording = {
  purpose: string;
  steps: readonly string[];
  minimum: string;
  barriers: readonly ClientBarrier[];
};

/**
 * Purpose, steps and the smallest version in discreet wording where the template gave one. A
 * planned barrier keeps the client's words unless `reveals` finds they reveal therapy and the
 * template has a discreet wording of the same barrier; then that is used instead. Shared by the
 * shared view and the printed documents, each with its own test of what reveals therapy.
 */
export function clientWordingOf(
  assignment: Assignment,
  discreet: boolean,
  reveals: (text: string) => boolean,
): ClientWording {
  const barriers = assignment.barriers.map((planned) => ({
    barrier: planned.barrier.trim() || barrierKindLabels[planned.kind] || '',
    ifThen: planned.ifThen,
  }));
  const discreetText = discreet ? assignment.discreetWording : null;
  if (!discreetText) {
    return {
      purpose: assignment.purpose,
      steps: assignment.steps,
      minimum: assignment.minimum.label,
      barriers,
    };
  }
  return {
    purpose: discreetText.purpose ?? assignment.purpose,
    steps: discreetText.steps ?? assignment.steps,
    minimum: discreetText.minimumDose ?? assignment.minimum.label,
    barriers: barriers.map(
      (written, index) =>
        discreetBarrier(assignment.barriers[index], discreetText.barriers ?? [], reveals) ??
        written,
    ),
  };
}

function discreetBarrier(
  planned: PlannedBarrier | undefined,
  discreetBarriers: readonly ClientBarrier[],
  reveals: (text: string) => boolean,
): ClientBarrier | null {
  if (!planned || !reveals(`${planned.barrier} ${planned.ifThen}`)) return null;
  const key = foldText(planned.barrier);
  return discreetBarriers.find((candidate) => foldText(candidate.barrier) === key) ?? null;
}

function foldText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The words of the goals the assignment serves: the words kept on the assignment, or the
 * client's goal's words when none were kept. A goal of another client is never looked up.
 */
export function servedGoalWords(assignment: Assignment, goals: readonly Goal[]): string[] {
  return assignment.goals.map((served) => {
    if (served.words.trim()) return served.words;
    const goal = goals.find(
      (candidate) => candidate.id === served.goalId && candidate.clientId === assignment.clientId,
    );
    return goal?.clientWords ?? '';
  });
}

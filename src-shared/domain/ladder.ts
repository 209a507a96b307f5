import type { LadderStep } from './template';

/**
 * A progression ladder: steps from easiest to hardest (an exposure hierarchy, say), optionally
 * rated 0–10 for expected difficulty. An assignment holds the index of this week's step; these
 * functions keep that index on the ladder and move it one step at a time.
 */

/** The highest difficulty (0–10) a first step is suggested at: one that is likely to go well. */
export const FIRST_STEP_MAX_DIFFICULTY = 3;

/**
 * The first step to suggest: the first step not rated harder than `FIRST_STEP_MAX_DIFFICULTY`
 * (an unrated step counts as easy enough, since the ladder is easiest first), so an unrated
 * ladder starts at its first step and a rated one at its first step rated 3 or less; the first
 * step when every step is rated harder; null when there is no ladder. Why: practice that goes
 * well the first week builds the confidence and the habit the harder steps need, and a step that
 * felt too big is a common reason practice doesn't happen — so start where success is likely and
 * climb from there.
 */
export function suggestedFirstStep(ladder: readonly LadderStep[]): number | null {
  if (ladder.length === 0) return null;
  const easy = ladder.findIndex(
    (step) => step.difficulty === undefined || step.difficulty <= FIRST_STEP_MAX_DIFFICULTY,
  );
  return easy === -1 ? 0 : easy;
}

/**
 * The step index to use for `index` on this ladder: null when there is no ladder; the suggested
 * first step (`suggestedFirstStep`) when no step has been chosen (null or not a number);
 * otherwise the index rounded down and kept between the first and the last step (a ladder can
 * lose steps after one was chosen).
 */
export function ladderStepIndex(
  ladder: readonly LadderStep[],
  index: number | null,
): number | null {
  if (ladder.length === 0) return null;
  if (index === null || Number.isNaN(index)) return suggestedFirstStep(ladder);
  return Math.min(ladder.length - 1, Math.max(0, Math.floor(index)));
}

/** The index of the next, harder step, or null at the top of the ladder (or with no ladder). */
export function stepUp(ladder: readonly LadderStep[], index: number | null): number | null {
  const current = ladderStepIndex(ladder, index);
  return current === null || current >= ladder.length - 1 ? null : current + 1;
}

/** The index of the previous, easier step, or null at the bottom of the ladder (or with no ladder). */
export function stepDown(ladder: readonly LadderStep[], index: number | null): number | null {
  const current = ladderStepIndex(ladder, index);
  return current === null || current <= 0 ? null : current - 1;
}

/** Where on the ladder a step is, counted from one: "Step 2 of 5"; null with no ladder. */
export function ladderPosition(ladder: readonly LadderStep[], index: number | null): string | null {
  const current = ladderStepIndex(ladder, index);
  return current === null ? null : `Step ${current + 1} of ${ladder.length}`;
}

import { describe, expect, it } from 'vitest';
import { ladderPosition, ladderStepIndex, stepDown, stepUp, suggestedFirstStep } from './ladder';
import type { LadderStep } from './template';

/** A supermarket exposure ladder, easiest first. */
const supermarket: LadderStep[] = [
  { step: 'Walk past the shop', difficulty: 2 },
  { step: 'Stand inside the door for a minute', difficulty: 4 },
  { step: 'Buy one thing at a quiet time', difficulty: 6 },
  { step: 'Buy three things on a Saturday', difficulty: 8 },
  { step: 'Queue at the busiest till', difficulty: 10 },
];

const unrated: LadderStep[] = [
  { step: 'Write one sentence' },
  { step: 'Write a paragraph' },
  { step: 'Write a page' },
];

describe('the step chosen for this week', () => {
  it('is the step chosen, when it is on the ladder', () => {
    expect(ladderStepIndex(supermarket, 2)).toBe(2);
  });

  it('stays on the ladder when a step past either end is asked for', () => {
    expect(ladderStepIndex(supermarket, 9)).toBe(4);
    expect(ladderStepIndex(supermarket, -1)).toBe(0);
    expect(ladderStepIndex(unrated, 1.7)).toBe(1);
  });

  it('is the suggested first step when none has been chosen yet', () => {
    expect(ladderStepIndex(supermarket, null)).toBe(0);
    expect(ladderStepIndex(supermarket, Number.NaN)).toBe(0);
  });

  it('is nothing when there is no ladder', () => {
    expect(ladderStepIndex([], 0)).toBeNull();
    expect(ladderStepIndex([], null)).toBeNull();
  });
});

describe('stepping up and down', () => {
  it('moves one step harder or easier', () => {
    expect(stepUp(supermarket, 1)).toBe(2);
    expect(stepDown(supermarket, 1)).toBe(0);
  });

  it('has nowhere to go past the top or the bottom', () => {
    expect(stepUp(supermarket, 4)).toBeNull();
    expect(stepDown(supermarket, 0)).toBeNull();
  });

  it('has nowhere to go with a one-step ladder or no ladder', () => {
    const single = [{ step: 'Say hello to a neighbour' }];
    expect(stepUp(single, 0)).toBeNull();
    expect(stepDown(single, 0)).toBeNull();
    expect(stepUp([], null)).toBeNull();
    expect(stepDown([], null)).toBeNull();
  });

  it('steps from where the client is on the ladder, even if the stored step is past the end', () => {
    expect(stepDown(unrated, 7)).toBe(1);
    expect(stepUp(unrated, null)).toBe(1);
  });
});

describe('where on the ladder', () => {
  it('reads “Step 2 of 5”, counting from one', () => {
    expect(ladderPosition(supermarket, 1)).toBe('Step 2 of 5');
    expect(ladderPosition(supermarket, 4)).toBe('Step 5 of 5');
  });

  it('says nothing with no ladder', () => {
    expect(ladderPosition([], 0)).toBeNull();
  });
});

describe('the first step to suggest', () => {
  it('is the first step when the ladder is unrated', () => {
    expect(suggestedFirstStep(unrated)).toBe(0);
  });

  it('is the first step rated 3 or less, where success is likely', () => {
    const startsHard: LadderStep[] = [
      { step: 'Phone the dentist', difficulty: 6 },
      { step: 'Look up the dentist’s number', difficulty: 1 },
      { step: 'Book the appointment online', difficulty: 3 },
    ];
    expect(suggestedFirstStep(startsHard)).toBe(1);
    expect(suggestedFirstStep(supermarket)).toBe(0);
  });

  it('trusts the easiest-first order for a step left unrated', () => {
    expect(
      suggestedFirstStep([
        { step: 'Drive to the car park' },
        { step: 'Sit in the car outside', difficulty: 3 },
      ]),
    ).toBe(0);
    expect(
      suggestedFirstStep([
        { step: 'Eat lunch in the canteen', difficulty: 7 },
        { step: 'Eat lunch at my desk with the door open' },
      ]),
    ).toBe(1);
  });

  it('falls back to the first step when every step is rated harder than 3', () => {
    expect(
      suggestedFirstStep([
        { step: 'Ride one stop on the bus', difficulty: 5 },
        { step: 'Ride into town', difficulty: 8 },
      ]),
    ).toBe(0);
  });

  it('is nothing with no ladder', () => {
    expect(suggestedFirstStep([])).toBeNull();
  });
});

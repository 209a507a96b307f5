import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignment } from './assignment';
import { agreedAssignment, finishedReview } from '../../tests/fixtures/reviews';
import { type BarrierKind, barrierKinds } from './barrier-kinds';
import { progressionKinds, progressionSuggestions } from './progression';
import { type Review, reviewOutcomes } from './review';

const id = (letter: string) => letter.repeat(22);
const clientId = id('C');
const ladder = [{ step: 'Two minutes' }, { step: 'Five minutes' }, { step: 'Ten minutes' }];

/** Practice agreed with confidence 8 and no ladder, unless said otherwise. */
const assignment = (patch: Partial<Assignment> = {}): Assignment =>
  agreedAssignment({ clientId, confidenceBefore: 8, ...patch });

/** A finished review on a day of March 2026 that went well, unless said otherwise. */
const review = (day: number, patch: Partial<Review> = {}): Review =>
  finishedReview({
    id: `R${String(day).padStart(21, '0')}`,
    clientId,
    reviewedAt: `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    ...patch,
  });

const met = (...kinds: BarrierKind[]) => kinds.map((kind) => ({ kind, note: '' }));
const kindsOf = (assignment: Assignment, reviews: Review[]) =>
  progressionSuggestions(assignment, reviews).map((suggestion) => suggestion.kind);

describe('suggesting a step up', () => {
  it('comes after two reviews running that went well, to the next step on the ladder', () => {
    const onLadder = assignment({ ladder, ladderStep: 0 });
    expect(progressionSuggestions(onLadder, [review(2), review(9)])).toEqual([
      {
        kind: 'step-up',
        decision: 'step-up',
        sentence: expect.stringContaining('(Step 2 of 3)'),
      },
    ]);
  });

  it('with no ladder, suggests gently adding a little more', () => {
    const [suggestion] = progressionSuggestions(assignment(), [review(2), review(9)]);
    expect(suggestion?.sentence).toContain('add a little more');
  });

  it('is not suggested at the top of the ladder', () => {
    const atTop = assignment({ ladder, ladderStep: 2 });
    expect(kindsOf(atTop, [review(2), review(9)])).toEqual([]);
  });

  it('needs two reviews: one good week is not yet enough', () => {
    expect(kindsOf(assignment(), [review(9)])).toEqual([]);
  });

  it('needs both of the latest two to have gone well, whatever came before', () => {
    const earlierHard = review(2, { outcome: 'not-this-time', percentDone: 0 });
    expect(kindsOf(assignment(), [earlierHard, review(9), review(16)])).toEqual(['step-up']);
    expect(kindsOf(assignment(), [review(2), review(9, { percentDone: 70 }), review(16)])).toEqual(
      [],
    );
  });

  it('needs the smallest version met each time', () => {
    const unsure = review(9, { smallestVersionMet: null });
    expect(kindsOf(assignment(), [review(2), unsure])).toEqual([]);
  });

  it('does not count an unknown amount as done', () => {
    expect(kindsOf(assignment(), [review(2), review(9, { percentDone: null })])).toEqual([]);
  });

  it('counts finished reviews only', () => {
    const inProgress = review(16, { finished: false, percentDone: 10 });
    expect(kindsOf(assignment(), [review(2), review(9), inProgress])).toEqual(['step-up']);
    expect(kindsOf(assignment(), [review(2, { finished: false }), review(9)])).toEqual([]);
  });
});

describe('suggesting to make it smaller', () => {
  it('comes when it did not happen this time, worded as fitting the week', () => {
    const [suggestion] = progressionSuggestions(assignment(), [
      review(9, { outcome: 'not-this-time', percentDone: null }),
    ]);
    expect(suggestion).toEqual({
      kind: 'make-smaller',
      decision: 'make-smaller',
      sentence: expect.stringContaining('fit'),
    });
  });

  it('comes when 30% or less of the plan happened', () => {
    const little = review(9, { outcome: 'some-of-it', percentDone: 30 });
    expect(kindsOf(assignment(), [little])).toEqual(['make-smaller']);
    expect(kindsOf(assignment(), [review(9, { outcome: 'some-of-it', percentDone: 31 })])).toEqual(
      [],
    );
  });

  it('does not read an unknown amount as nothing done', () => {
    const unknown = review(9, { outcome: 'something-different', percentDone: null });
    expect(kindsOf(assignment(), [unknown])).toEqual([]);
  });

  it('comes when confidence at the last plan was under 7, after any change', () => {
    expect(kindsOf(assignment({ confidenceBefore: 6 }), [])).toEqual(['make-smaller']);
    expect(kindsOf(assignment({ confidenceBefore: 4, confidenceAfter: 7 }), [])).toEqual([]);
    expect(kindsOf(assignment({ confidenceBefore: 9, confidenceAfter: 5 }), [])).toEqual([
      'make-smaller',
    ]);
    const [suggestion] = progressionSuggestions(assignment({ confidenceBefore: 5 }), []);
    expect(suggestion?.sentence).toContain('5 out of 10');
  });

  it('reads the latest review, not an earlier one', () => {
    const earlierHard = review(2, { outcome: 'not-this-time', percentDone: 0 });
    expect(kindsOf(assignment(), [earlierHard, review(9)])).toEqual([]);
  });

  it('wins over a step up: two good weeks but a plan made with low confidence', () => {
    const unsurePlan = assignment({ ladder, ladderStep: 0, confidenceBefore: 5 });
    expect(kindsOf(unsurePlan, [review(2), review(9)])).toEqual(['make-smaller']);
  });

  it('wins over a step up when the latest week was hard, however it was recorded', () => {
    const hard = review(9, { outcome: 'not-this-time' });
    expect(kindsOf(assignment(), [review(2), hard])).toEqual(['make-smaller']);
  });
});

describe('suggesting to revisit why it helps', () => {
  it('comes when doubts about why it helps came up in two reviews, after the other suggestion', () => {
    const reviews = [
      review(2, { barriersMet: met('unsure-why-it-helps') }),
      review(9, { barriersMet: met('did-not-agree-it-helps', 'no-time') }),
      review(16, { outcome: 'not-this-time', percentDone: 0 }),
    ];
    const suggestions = progressionSuggestions(assignment(), reviews);
    expect(suggestions.map((suggestion) => suggestion.kind)).toEqual([
      'make-smaller',
      'revisit-why',
    ]);
    expect(suggestions[1]).toEqual({
      kind: 'revisit-why',
      decision: null,
      sentence: expect.stringContaining('2 reviews'),
    });
  });

  it('does not come from one review, or from doubts in a review still being filled in', () => {
    const doubt = { barriersMet: met('unsure-why-it-helps', 'did-not-agree-it-helps') };
    expect(kindsOf(assignment(), [review(2, doubt)])).toEqual([]);
    const unfinished = review(9, { ...doubt, finished: false });
    expect(kindsOf(assignment(), [review(2, doubt), unfinished])).toEqual([]);
  });
});

describe('progression suggestions, for any history', () => {
  const day = fc.integer({ min: 1, max: 28 });
  const arbitraryReview = fc
    .record({
      day,
      outcome: fc.constantFrom(...reviewOutcomes),
      // Often in the range a step up needs, so the two suggestions meet in the same runs.
      percentDone: fc.option(
        fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 80, max: 100 })),
      ),
      smallestVersionMet: fc.option(fc.boolean()),
      barriersMet: fc.subarray([...barrierKinds]).map((kinds) => met(...kinds)),
      finished: fc.boolean(),
    })
    .map(({ day, ...patch }) => review(day, patch));
  /** Reviews with distinct ids (several may share a day), numbered in the order generated. */
  const history = fc
    .array(arbitraryReview, { maxLength: 6 })
    .map((reviews) => reviews.map((r, index) => ({ ...r, id: `${index}`.padStart(22, 'R') })));
  const confidence = fc.option(fc.integer({ min: 0, max: 10 }));
  const arbitraryAssignment = fc
    .record({
      confidenceBefore: confidence,
      confidenceAfter: confidence,
      ladderStep: fc.option(fc.integer({ min: 0, max: 2 })),
      onLadder: fc.boolean(),
    })
    .map(({ onLadder, ...patch }) => assignment({ ...patch, ladder: onLadder ? ladder : [] }));

  it('never suggests both stepping up and making it smaller', () => {
    fc.assert(
      fc.property(arbitraryAssignment, history, (practice, reviews) => {
        const kinds = kindsOf(practice, reviews);
        expect(kinds.includes('step-up') && kinds.includes('make-smaller')).toBe(false);
      }),
    );
  });

  it('suggests nothing with no finished review and confidence of 7 or more, or not asked', () => {
    const sure = fc.option(fc.integer({ min: 7, max: 10 }));
    const unfinished = history.map((reviews) => reviews.map((r) => ({ ...r, finished: false })));
    fc.assert(
      fc.property(arbitraryAssignment, sure, unfinished, (practice, confidence, reviews) => {
        const surePlan = { ...practice, confidenceBefore: confidence, confidenceAfter: null };
        expect(progressionSuggestions(surePlan, reviews)).toEqual([]);
      }),
    );
  });

  it('gives the same suggestions whatever order the reviews come in', () => {
    const shuffled = history.chain((reviews) =>
      fc.tuple(
        fc.constant(reviews),
        fc.shuffledSubarray(reviews, { minLength: reviews.length, maxLength: reviews.length }),
      ),
    );
    fc.assert(
      fc.property(arbitraryAssignment, shuffled, (practice, [reviews, reordered]) => {
        expect(progressionSuggestions(practice, reordered)).toEqual(
          progressionSuggestions(practice, reviews),
        );
      }),
    );
  });

  it('lists suggestions in a fixed order, each with a decision that matches and one sentence', () => {
    fc.assert(
      fc.property(arbitraryAssignment, history, (practice, reviews) => {
        const suggestions = progressionSuggestions(practice, reviews);
        const positions = suggestions.map((suggestion) =>
          progressionKinds.indexOf(suggestion.kind),
        );
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        for (const { kind, decision, sentence } of suggestions) {
          expect(decision).toBe(kind === 'revisit-why' ? null : kind);
          expect(sentence).toMatch(/^[A-Z][^.]*\.$/);
        }
      }),
    );
  });
});

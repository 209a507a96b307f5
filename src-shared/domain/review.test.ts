import { describe, expect, it } from 'vitest';
import { isNewVersionDecision, reviewSchema, upgradeReviewV1 } from './review';

const id = 'RRRRRRRRRRRRRRRRRRRRRR';
const at = '2026-11-24T10:00:00.000Z';

/** A review as shape 1 stored it. */
const v1 = {
  id,
  clientId: id,
  assignmentId: id,
  sessionId: null,
  reviewedAt: at,
  outcome: 'partly',
  percentDone: 40,
  quality: 8,
  engagement: 5,
  reportedBy: 'both',
  barriersMet: ['forgot', 'felt-too-hard', 'circumstances-changed'],
  barrierNotes: 'A long week at work',
  learned: 'Mornings are easier',
  wins: 'Two walks',
  decision: 'make-smaller',
  decisionReason: 'Too much for now',
};

describe('a review stored before the review flow (shape 1)', () => {
  it('opens with every word kept and its kinds under the one taxonomy', () => {
    const review = reviewSchema.parse(upgradeReviewV1(v1));
    expect(review).toMatchObject({
      outcome: 'some-of-it',
      percentDone: 40,
      amountFrom: 'estimate',
      quality: 3,
      engagement: 2,
      reportedBy: ['client-account', 'observed-in-session'],
      barriersMet: [
        { kind: 'forgot', note: '' },
        { kind: 'too-big-or-hard', note: '' },
        { kind: 'chaotic-week', note: '' },
      ],
      barrierNotes: 'A long week at work',
      learned: 'Mornings are easier',
      wins: 'Two walks',
      decision: 'make-smaller',
      decisionReason: 'Too much for now',
      finished: true,
      createdAt: at,
    });
  });
});

describe('a damaged review of shape 1', () => {
  it('stays damaged rather than being read as something it never said', () => {
    for (const damage of [{ reportedBy: 'toString' }, { quality: 11 }, { outcome: '__proto__' }])
      expect(reviewSchema.safeParse(upgradeReviewV1({ ...v1, ...damage })).success).toBe(false);
  });
});

describe('a review', () => {
  const fresh = { ...reviewSchema.parse(upgradeReviewV1(v1)), finished: false, decision: null };

  it('can be saved unfinished, without an outcome or decision yet', () => {
    expect(reviewSchema.safeParse({ ...fresh, outcome: null }).success).toBe(true);
  });

  it('is finished only with how it went and a decision', () => {
    expect(reviewSchema.safeParse({ ...fresh, finished: true }).success).toBe(false);
    expect(reviewSchema.safeParse({ ...fresh, finished: true, decision: 'pause' }).success).toBe(
      true,
    );
  });

  it('lists a barrier kind or a source once', () => {
    const twice = [
      { kind: 'forgot', note: '' },
      { kind: 'forgot', note: 'again' },
    ];
    expect(reviewSchema.safeParse({ ...fresh, barriersMet: twice }).success).toBe(false);
    const sources = ['client-account', 'client-account'];
    expect(reviewSchema.safeParse({ ...fresh, reportedBy: sources }).success).toBe(false);
  });

  it('keeps its ratings on the 0–4 scale', () => {
    expect(reviewSchema.safeParse({ ...fresh, helpful: 5 }).success).toBe(false);
    expect(reviewSchema.safeParse({ ...fresh, quality: -1 }).success).toBe(false);
  });

  it('goes on to a new version after step up, make it fit and change how it works only', () => {
    expect(
      ['step-up', 'make-smaller', 'modify'].every((d) => isNewVersionDecision(d as never)),
    ).toBe(true);
    expect(isNewVersionDecision('continue')).toBe(false);
    expect(isNewVersionDecision(null)).toBe(false);
  });
});

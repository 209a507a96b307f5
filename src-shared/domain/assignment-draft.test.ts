import { describe, expect, it } from 'vitest';
import { draftFromScratch, nextVersionOf, practiceDates } from './assignment-draft';

describe('new practice', () => {
  it('runs until the next session', () => {
    expect(practiceDates('2026-12-01', '2026-12-09')).toEqual({
      startsOn: '2026-12-01',
      reviewBy: '2026-12-09',
    });
  });

  it('runs for a week when no next session is booked, or the next one is the same day', () => {
    expect(practiceDates('2026-12-28', null).reviewBy).toBe('2027-01-04');
    expect(practiceDates('2026-12-01', '2026-12-01').reviewBy).toBe('2026-12-08');
  });
});

describe('a new version after a review', () => {
  const placement = (id: string) => ({
    id,
    clientId: 'CCCCCCCCCCCCCCCCCCCCCC',
    sessionId: null,
    startsOn: '2026-12-01',
    reviewBy: '2026-12-08',
    at: '2026-12-01T10:00:00.000Z',
  });
  const previous = {
    ...draftFromScratch(placement('AAAAAAAAAAAAAAAAAAAAAA'), 'Evening walk'),
    status: 'active' as const,
    whyItMatters: 'To feel less stuck',
    ladder: [{ step: 'Round the block' }, { step: 'To the park' }, { step: 'To the river' }],
    ladderStep: 1,
    confidenceBefore: 6,
    confidenceAfter: 8,
  };

  it('keeps the client’s words, links back with the reason and asks confidence afresh', () => {
    const next = nextVersionOf(
      previous,
      placement('BBBBBBBBBBBBBBBBBBBBBB'),
      'modify',
      ' Mornings ',
    );
    expect(next).toMatchObject({
      id: 'BBBBBBBBBBBBBBBBBBBBBB',
      status: 'draft',
      title: 'Evening walk',
      whyItMatters: 'To feel less stuck',
      replaces: { assignmentId: previous.id, reason: 'Mornings' },
      confidenceBefore: null,
      confidenceAfter: null,
      ladderStep: 1,
      builderStep: 1,
      revision: 0,
    });
  });

  it('moves one step on the ladder to step up or make it smaller, and stays put at either end', () => {
    const at = (ladderStep: number, decision: 'step-up' | 'make-smaller') =>
      nextVersionOf({ ...previous, ladderStep }, placement('BBBBBBBBBBBBBBBBBBBBBB'), decision, '')
        .ladderStep;
    expect(at(1, 'step-up')).toBe(2);
    expect(at(2, 'step-up')).toBe(2);
    expect(at(1, 'make-smaller')).toBe(0);
    expect(at(0, 'make-smaller')).toBe(0);
  });
});

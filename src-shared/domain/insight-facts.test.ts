import { describe, expect, it } from 'vitest';
import type { Assignment } from './assignment';
import {
  assignmentFactOf,
  doseSizeOf,
  insightSummaryOf,
  reviewFactOf,
  summaryInStep,
  withAssignmentsSaved,
} from './insight-facts';
import type { Review } from './review';
import { agreedAssignment, finishedReview, localNoon } from '../../tests/fixtures/reviews';

const id = (letter: string) => letter.repeat(22);
const clientId = id('C');

/** A finished review of assignment A, taken on Monday 9 March 2026. */
const review = (letter: string, patch: Partial<Review> = {}): Review =>
  finishedReview({
    id: id(letter),
    clientId,
    outcome: 'some-of-it',
    amountFrom: 'tracker',
    percentDone: 60,
    quality: 3,
    engagement: 3,
    helpful: 4,
    hard: 2,
    understoodWhy: 4,
    fitsGoals: 3,
    barrierNotes: 'Her mother visited on Thursday',
    ifThenPlan: 'helped',
    happened: 'Walked three times',
    learned: 'Mornings work better',
    wins: 'Went out in the rain',
    decisionReason: 'It fits the week',
    revision: 2,
    createdAt: '2026-03-09T11:00:00.000Z',
    updatedAt: '2026-03-09T11:30:00.000Z',
    ...patch,
  });

/** An agreed assignment from scratch, starting Monday 2 March 2026. */
const assignment = (letter: string, patch: Partial<Assignment> = {}): Assignment =>
  agreedAssignment({
    id: id(letter),
    clientId,
    title: `Practice ${letter}`,
    discreetTitle: `Practice ${letter}`,
    ...patch,
  });

const specificPlan = { what: 'walk round the block', time: '07:30', cue: '', where: 'the park' };

describe('a review’s fact', () => {
  it('is left out while the review is still being filled in', () => {
    expect(reviewFactOf(review('R', { finished: false }))).toBeNull();
  });

  it('keeps the numbers and kinds of a finished review and none of its words', () => {
    const fact = reviewFactOf(
      review('R', {
        sessionId: id('S'),
        reportedBy: ['client-account', 'returned-tracker'],
        barriersMet: [
          { kind: 'forgot', note: 'Left it on the shelf' },
          { kind: 'illness', note: '' },
        ],
        madeThingsWorse: 'yes',
        worseNote: 'Felt dizzy',
      }),
    );
    expect(fact).toEqual({
      reviewId: id('R'),
      assignmentId: id('A'),
      sessionId: id('S'),
      reviewedOn: '2026-03-09',
      outcome: 'some-of-it',
      percentDone: 60,
      smallestVersionMet: true,
      trackerReturned: true,
      barrierKinds: ['forgot', 'illness'],
      decision: 'continue',
      madeThingsWorse: true,
    });
  });

  it('is dated on the local calendar day the review was taken', () => {
    const lateEvening = new Date('2026-03-09T23:30:00').toISOString();
    expect(reviewFactOf(review('R', { reviewedAt: lateEvening }))?.reviewedOn).toBe('2026-03-09');
  });

  it('has no returned tracker unless one was a source, and nothing worse unless said so', () => {
    const fact = reviewFactOf(review('R', { madeThingsWorse: null }));
    expect(fact?.trackerReturned).toBe(false);
    expect(fact?.madeThingsWorse).toBe(false);
  });
});

describe('a dose’s size', () => {
  it('is as needed for an as-needed skill, whatever its minutes', () => {
    expect(doseSizeOf({ kind: 'as-needed', practiseAtLeast: 3, minutes: 60 })).toBe('as-needed');
  });

  it('buckets a timed dose by its minutes a week, the limits included in the smaller bucket', () => {
    expect(doseSizeOf({ kind: 'per-week', timesPerWeek: 6, minutes: 5 })).toBe('up-to-30');
    expect(doseSizeOf({ kind: 'per-week', timesPerWeek: 1, minutes: 31 })).toBe('31-to-90');
    expect(doseSizeOf({ kind: 'per-week', timesPerWeek: 3, minutes: 30 })).toBe('31-to-90');
    expect(doseSizeOf({ kind: 'per-week', timesPerWeek: 7, minutes: 13 })).toBe('over-90');
  });

  it('cannot size a dose counted in times only, nor one not chosen', () => {
    expect(doseSizeOf({ kind: 'per-week', timesPerWeek: 3 })).toBe('not-timed');
    expect(doseSizeOf(null)).toBeNull();
  });
});

describe('an assignment’s fact', () => {
  it('is left out for a draft, which was never agreed', () => {
    expect(assignmentFactOf(assignment('A', { status: 'draft' }))).toBeNull();
  });

  it('keeps the numbers and kinds of an agreed assignment', () => {
    const fact = assignmentFactOf(
      assignment('B', {
        sessionId: id('S'),
        template: { templateId: 'behavioural-activation', version: 2 },
        dose: {
          label: 'Daily, 10 minutes',
          dose: { kind: 'per-week', timesPerWeek: 7, minutes: 10 },
        },
        confidenceBefore: 5,
        confidenceAfter: 8,
        plan: specificPlan,
        barriers: [
          { kind: 'forgot', barrier: 'I forget', ifThen: 'If I forget, then I walk at lunch' },
          { kind: 'no-time', barrier: 'Busy days', ifThen: '  ' },
        ],
        ladder: [{ step: 'Round the block' }, { step: 'To the shop' }, { step: 'To the park' }],
        ladderStep: 1,
        replaces: { assignmentId: id('A'), reason: 'Smaller fits the week' },
      }),
    );
    expect(fact).toEqual({
      assignmentId: id('B'),
      sessionId: id('S'),
      startsOn: '2026-03-02',
      status: 'active',
      templateId: 'behavioural-activation',
      doseSize: '31-to-90',
      confidence: 8,
      specificPlan: true,
      ifThenPlans: 1,
      ladderStep: 1,
      ladderLength: 3,
      replaces: id('A'),
    });
  });

  it('takes the first confidence when it was not asked again', () => {
    expect(assignmentFactOf(assignment('A', { confidenceBefore: 6 }))?.confidence).toBe(6);
  });

  it('has a specific plan only when nothing is missing from it', () => {
    const vague = { ...specificPlan, what: 'exercise more' };
    expect(assignmentFactOf(assignment('A', { plan: specificPlan }))?.specificPlan).toBe(true);
    expect(assignmentFactOf(assignment('A', { plan: vague }))?.specificPlan).toBe(false);
  });

  it('is from scratch, unsized and on no ladder when built so', () => {
    const fact = assignmentFactOf(assignment('A'));
    expect(fact).toMatchObject({
      templateId: null,
      doseSize: null,
      ladderLength: 0,
      replaces: null,
    });
  });
});

describe('a client’s insight summary', () => {
  it('counts every record it was made from, but holds facts of finished and agreed ones only', () => {
    const summary = insightSummaryOf(
      id('I'),
      clientId,
      [review('R'), review('S', { finished: false })],
      [assignment('A'), assignment('B', { status: 'draft' })],
    );
    expect(summary).toMatchObject({
      id: id('I'),
      clientId,
      reviewRecords: 2,
      assignmentRecords: 2,
    });
    expect(summary.reviews.map((fact) => fact.reviewId)).toEqual([id('R')]);
    expect(summary.assignments.map((fact) => fact.assignmentId)).toEqual([id('A')]);
  });

  it('puts facts in date order, then id order, whatever order the records came in', () => {
    const reviews = [
      review('T', { reviewedAt: localNoon('2026-03-16') }),
      review('S'),
      review('R'),
    ];
    const assignments = [
      assignment('C', { startsOn: '2026-03-09', reviewBy: '2026-03-16' }),
      assignment('B'),
      assignment('A'),
    ];
    const summary = insightSummaryOf(id('I'), clientId, reviews, assignments);
    expect(summary.reviews.map((fact) => fact.reviewId)).toEqual([id('R'), id('S'), id('T')]);
    expect(summary.assignments.map((fact) => fact.assignmentId)).toEqual([
      id('A'),
      id('B'),
      id('C'),
    ]);
    expect(insightSummaryOf(id('I'), clientId, reviews.reverse(), assignments.reverse())).toEqual(
      summary,
    );
  });

  it('is empty, not missing, for a client with no records yet', () => {
    expect(insightSummaryOf(id('I'), clientId, [], [])).toEqual({
      id: id('I'),
      clientId,
      reviewRecords: 0,
      assignmentRecords: 0,
      reviews: [],
      assignments: [],
    });
  });
});

describe('a summary after agreed assignments are saved', () => {
  const reviews = [review('R'), review('S', { finished: false })];
  const before = [
    assignment('A', { startsOn: '2026-03-09', reviewBy: '2026-03-16' }),
    assignment('B'),
    assignment('C', { status: 'draft' }),
  ];

  it('is the summary worked out from every record again: an edit, a new start date, a retirement', () => {
    const summary = insightSummaryOf(id('I'), clientId, reviews, before);
    const edited = { ...before[0], confidenceAfter: 9, startsOn: '2026-02-23' } as Assignment;
    const retired = { ...before[1], status: 'replaced' } as Assignment;
    const after = [edited, retired, before[2] as Assignment];
    expect(withAssignmentsSaved(summary, [edited, retired])).toEqual(
      insightSummaryOf(id('I'), clientId, reviews, after),
    );
  });

  it('takes an assignment back out of the facts if it is saved as a draft', () => {
    const summary = insightSummaryOf(id('I'), clientId, reviews, before);
    const draft = { ...before[1], status: 'draft' } as Assignment;
    expect(
      withAssignmentsSaved(summary, [draft]).assignments.map((fact) => fact.assignmentId),
    ).toEqual([id('A')]);
  });
});

describe('a stored summary in step with the index', () => {
  const stored = {
    ...insightSummaryOf(id('S'), clientId, [], []),
    reviewRecords: 4,
    assignmentRecords: 3,
  };
  const index = { assignmentRecords: 3, reviewRecords: 4 };

  it('is read when it is the client’s only one and its counts match the index', () => {
    expect(summaryInStep([stored], false, index)).toBe(stored);
  });

  it('is not read when the counts differ: a record was added or removed without it', () => {
    expect(summaryInStep([stored], false, { ...index, assignmentRecords: 4 })).toBeUndefined();
    expect(summaryInStep([stored], false, { ...index, reviewRecords: 3 })).toBeUndefined();
  });

  it('is not read when the client has none, two, or a damaged one', () => {
    expect(summaryInStep([], false, index)).toBeUndefined();
    expect(summaryInStep([stored, { ...stored, id: id('T') }], false, index)).toBeUndefined();
    expect(summaryInStep([stored], true, index)).toBeUndefined();
  });

  it('leaves the reviews uncounted for a reader of its assignments only', () => {
    expect(summaryInStep([stored], false, { assignmentRecords: 3 })).toBe(stored);
  });
});

import { describe, expect, it } from 'vitest';
import type { AssignmentFact, InsightSummary, ReviewFact } from './insight-summary';
import {
  barriersByFrequency,
  type ClientHabitFacts,
  clinicianHabits,
  completionByCategory,
  completionByConfidence,
  completionByDoseSize,
  completionByIfThenPlans,
  completionByMonth,
  completionBySpecificPlan,
  completionByTemplate,
  completionOf,
  isAnyAttempt,
  isFullDose,
  isSmallNumbers,
  ladderPositions,
  reviewTimeline,
  type SessionHabitFact,
  shareOf,
  smallestVersionShare,
  trackerReturnShare,
} from './insights';

const id = (letter: string) => letter.repeat(22);

/** A finished review of assignment A on 9 March 2026: some of it, 60% done. */
const review = (letter: string, patch: Partial<ReviewFact> = {}): ReviewFact => ({
  reviewId: id(letter),
  assignmentId: id('A'),
  sessionId: null,
  reviewedOn: '2026-03-09',
  outcome: 'some-of-it',
  percentDone: 60,
  smallestVersionMet: null,
  trackerReturned: false,
  barrierKinds: [],
  decision: 'continue',
  madeThingsWorse: false,
  ...patch,
});

/** An agreed, active assignment from scratch: untimed, confidence unknown, a vague plan. */
const assignment = (letter: string, patch: Partial<AssignmentFact> = {}): AssignmentFact => ({
  assignmentId: id(letter),
  sessionId: null,
  startsOn: '2026-03-02',
  status: 'active',
  templateId: null,
  doseSize: 'not-timed',
  confidence: null,
  specificPlan: false,
  ifThenPlans: 0,
  ladderStep: null,
  ladderLength: 0,
  replaces: null,
  ...patch,
});

const summary = (
  client: string,
  reviews: ReviewFact[],
  assignments: AssignmentFact[],
): InsightSummary => ({
  id: id(client.toLowerCase()),
  clientId: id(client),
  reviewRecords: reviews.length,
  assignmentRecords: assignments.length,
  reviews,
  assignments,
});

describe('a share', () => {
  it('gives a whole-number percentage with its count', () => {
    expect(shareOf(2, 3)).toEqual({ count: 2, of: 3, percent: 67 });
    expect(shareOf(1, 8)).toEqual({ count: 1, of: 8, percent: 13 });
  });

  it('has no percentage out of nothing, rather than 0% or NaN', () => {
    expect(shareOf(0, 0)).toEqual({ count: 0, of: 0, percent: null });
  });

  it('is small numbers below ten', () => {
    expect(isSmallNumbers(shareOf(9, 9))).toBe(true);
    expect(isSmallNumbers(shareOf(0, 10))).toBe(false);
  });
});

describe('completion', () => {
  it('counts any attempt for every outcome but “Not this time”', () => {
    expect(isAnyAttempt(review('R', { outcome: 'did-it' }))).toBe(true);
    expect(isAnyAttempt(review('R', { outcome: 'some-of-it', percentDone: 0 }))).toBe(true);
    expect(isAnyAttempt(review('R', { outcome: 'something-different' }))).toBe(true);
    expect(isAnyAttempt(review('R', { outcome: 'not-this-time' }))).toBe(false);
  });

  it('counts a full dose for “Did it” or 100% done, and never for “Not this time”', () => {
    expect(isFullDose(review('R', { outcome: 'did-it', percentDone: null }))).toBe(true);
    expect(isFullDose(review('R', { outcome: 'did-it', percentDone: 70 }))).toBe(true);
    expect(isFullDose(review('R', { outcome: 'some-of-it', percentDone: 100 }))).toBe(true);
    expect(isFullDose(review('R', { outcome: 'some-of-it', percentDone: 99 }))).toBe(false);
    expect(isFullDose(review('R', { outcome: 'not-this-time', percentDone: 100 }))).toBe(false);
  });

  it('is a share of the finished reviews', () => {
    const reviews = [
      review('R', { outcome: 'did-it' }),
      review('S', { outcome: 'some-of-it' }),
      review('T', { outcome: 'not-this-time', percentDone: 0 }),
      review('U', { outcome: 'something-different', percentDone: null }),
    ];
    expect(completionOf(reviews)).toEqual({
      anyAttempt: { count: 3, of: 4, percent: 75 },
      fullDose: { count: 1, of: 4, percent: 25 },
    });
  });
});

describe('one client', () => {
  it('puts reviews on a timeline in date order, each with what it counts as', () => {
    const later = review('R', { reviewedOn: '2026-03-16', outcome: 'did-it', percentDone: 100 });
    const earlier = review('S', {
      outcome: 'not-this-time',
      percentDone: 0,
      smallestVersionMet: false,
    });
    expect(reviewTimeline([later, earlier])).toEqual([
      {
        reviewId: id('S'),
        date: '2026-03-09',
        outcome: 'not-this-time',
        anyAttempt: false,
        fullDose: false,
        percentDone: 0,
        smallestVersionMet: false,
      },
      {
        reviewId: id('R'),
        date: '2026-03-16',
        outcome: 'did-it',
        anyAttempt: true,
        fullDose: true,
        percentDone: 100,
        smallestVersionMet: null,
      },
    ]);
  });

  it('counts the smallest version met out of the reviews that asked', () => {
    const reviews = [
      review('R', { smallestVersionMet: true }),
      review('S', { smallestVersionMet: false }),
      review('T', { smallestVersionMet: null }),
    ];
    expect(smallestVersionShare(reviews)).toEqual({ count: 1, of: 2, percent: 50 });
    expect(smallestVersionShare([review('T')]).percent).toBeNull();
  });

  it('counts returned trackers out of every review', () => {
    const reviews = [review('R', { trackerReturned: true }), review('S'), review('T')];
    expect(trackerReturnShare(reviews)).toEqual({ count: 1, of: 3, percent: 33 });
  });

  it('shows the step of each ladder in use, and not of versions it replaced', () => {
    const positions = ladderPositions([
      assignment('B', {
        startsOn: '2026-03-09',
        ladderStep: 2,
        ladderLength: 5,
        replaces: id('A'),
      }),
      assignment('A', { status: 'replaced', ladderStep: 1, ladderLength: 5 }),
      assignment('C', { status: 'paused', ladderStep: null, ladderLength: 3 }),
      assignment('D', { status: 'active' }),
      assignment('E', { status: 'completed', ladderStep: 4, ladderLength: 5 }),
    ]);
    expect(positions).toEqual([
      { assignmentId: id('C'), stepIndex: null, length: 3 },
      { assignmentId: id('B'), stepIndex: 2, length: 5 },
    ]);
  });

  it('lists barriers most met first, ties in the taxonomy’s order, none never met', () => {
    const reviews = [
      review('R', { barrierKinds: ['illness', 'no-time'] }),
      review('S', { barrierKinds: ['other-people', 'illness'] }),
      review('T', { barrierKinds: ['forgot'] }),
    ];
    expect(barriersByFrequency(reviews)).toEqual([
      { kind: 'illness', count: 2 },
      { kind: 'forgot', count: 1 },
      { kind: 'no-time', count: 1 },
      { kind: 'other-people', count: 1 },
    ]);
  });
});

describe('the practice', () => {
  const janet = summary(
    'J',
    [
      review('R', { reviewedOn: '2026-02-23', outcome: 'did-it', assignmentId: id('A') }),
      review('S', { reviewedOn: '2026-03-02', outcome: 'not-this-time', assignmentId: id('B') }),
      review('T', { reviewedOn: '2026-03-09', outcome: 'some-of-it', assignmentId: id('Z') }),
    ],
    [
      assignment('A', {
        templateId: 'thought-record',
        doseSize: 'up-to-30',
        confidence: 8,
        specificPlan: true,
        ifThenPlans: 2,
      }),
      assignment('B', { templateId: 'worry-time', doseSize: null, confidence: 4 }),
    ],
  );
  const karim = summary(
    'K',
    [review('U', { reviewedOn: '2026-03-10', outcome: 'did-it', assignmentId: id('A') })],
    [assignment('A', { confidence: 7, specificPlan: true })],
  );
  const practice = [janet, karim];

  it('counts completion month by month, earliest first', () => {
    expect(completionByMonth(practice)).toEqual([
      {
        month: '2026-02',
        anyAttempt: { count: 1, of: 1, percent: 100 },
        fullDose: { count: 1, of: 1, percent: 100 },
      },
      {
        month: '2026-03',
        anyAttempt: { count: 2, of: 3, percent: 67 },
        fullDose: { count: 1, of: 3, percent: 33 },
      },
    ]);
  });

  it('joins a review to its assignment within its own client only', () => {
    const byTemplate = completionByTemplate(practice);
    expect(
      byTemplate.groups.map(({ key, anyAttempt }) => [key, anyAttempt.count, anyAttempt.of]),
    ).toEqual([
      ['thought-record', 1, 1],
      ['worry-time', 0, 1],
    ]);
    // Karim's assignment A is from scratch, though Janet's A came from a template.
    expect(byTemplate.fromScratch.anyAttempt).toEqual({ count: 1, of: 1, percent: 100 });
  });

  it('counts a review whose assignment has no fact as unknown, never dropping it', () => {
    expect(completionByTemplate(practice).unknown.anyAttempt).toEqual({
      count: 1,
      of: 1,
      percent: 100,
    });
    expect(completionByDoseSize(practice).unknown.anyAttempt.of).toBe(2);
  });

  it('groups templates by category, unplaced templates under unknown', () => {
    const categoryOf = (templateId: string) =>
      templateId === 'thought-record' ? 'thoughts' : null;
    const byCategory = completionByCategory(practice, categoryOf);
    expect(byCategory.groups.map(({ key, anyAttempt }) => [key, anyAttempt.of])).toEqual([
      ['thoughts', 1],
    ]);
    expect(byCategory.fromScratch.anyAttempt.of).toBe(1);
    expect(byCategory.unknown.anyAttempt.of).toBe(2);
  });

  it('lists every dose size, empty ones with no percentage', () => {
    const byDose = completionByDoseSize(practice);
    expect(Object.keys(byDose)).toEqual([
      'as-needed',
      'up-to-30',
      '31-to-90',
      'over-90',
      'not-timed',
      'unknown',
    ]);
    expect(byDose['up-to-30'].fullDose).toEqual({ count: 1, of: 1, percent: 100 });
    expect(byDose['over-90'].anyAttempt).toEqual({ count: 0, of: 0, percent: null });
  });

  it('compares confidence below 7 with 7 or more', () => {
    const byConfidence = completionByConfidence(practice);
    expect(byConfidence['7-or-more'].anyAttempt).toEqual({ count: 2, of: 2, percent: 100 });
    expect(byConfidence['below-7'].anyAttempt).toEqual({ count: 0, of: 1, percent: 0 });
    expect(byConfidence.unknown.anyAttempt.of).toBe(1);
  });

  it('compares plans with and without a specific implementation intention', () => {
    const byPlan = completionBySpecificPlan(practice);
    expect(byPlan.specific.anyAttempt.of).toBe(2);
    expect(byPlan['not-specific'].anyAttempt.of).toBe(1);
    expect(byPlan.unknown.anyAttempt.of).toBe(1);
  });

  it('compares practice with and without if-then plans', () => {
    const byIfThen = completionByIfThenPlans(practice);
    expect(byIfThen['with-if-then'].anyAttempt.of).toBe(1);
    expect(byIfThen['without-if-then'].anyAttempt.of).toBe(2);
    expect(byIfThen.unknown.anyAttempt.of).toBe(1);
  });

  it('counts barriers across clients', () => {
    const reviews = [
      summary('J', [review('R', { barrierKinds: ['forgot'] })], []),
      summary('K', [review('R', { barrierKinds: ['forgot', 'no-time'] })], []),
    ].flatMap((client) => client.reviews);
    expect(barriersByFrequency(reviews)).toEqual([
      { kind: 'forgot', count: 2 },
      { kind: 'no-time', count: 1 },
    ]);
  });
});

describe('the clinician’s own habits', () => {
  const session = (letter: string, patch: Partial<SessionHabitFact> = {}): SessionHabitFact => ({
    sessionId: id(letter),
    date: '2026-03-09',
    status: 'held',
    reviewedFirst: true,
    setPractice: true,
    ...patch,
  });

  const client = (patch: Partial<ClientHabitFacts> = {}): ClientHabitFacts => ({
    sessions: [],
    handoutDates: new Set(),
    assignments: [],
    ...patch,
  });

  it('counts sessions that reviewed practice first, of those not cancelled where it was decided', () => {
    const habits = clinicianHabits([
      client({
        sessions: [
          session('A'),
          session('B', { reviewedFirst: false }),
          session('C', { reviewedFirst: null }),
          session('D', { status: 'cancelled' }),
          session('E', { status: 'planned' }),
        ],
      }),
    ]);
    expect(habits.reviewedFirst).toEqual({ count: 2, of: 3, percent: 67 });
  });

  it('counts practice set with a handout for the same client on the same day', () => {
    const habits = clinicianHabits([
      client({
        sessions: [
          session('A'),
          session('B', { date: '2026-03-16' }),
          session('C', { setPractice: false }),
          session('D', { setPractice: null }),
          session('E', { status: 'cancelled' }),
        ],
        handoutDates: new Set(['2026-03-09']),
      }),
      // The same date, but this client took nothing away: another client's handout doesn't count.
      client({ sessions: [session('F')] }),
    ]);
    expect(habits.setPracticeWithHandout).toEqual({ count: 1, of: 3, percent: 33 });
  });

  it('counts agreed assignments with a specific implementation intention', () => {
    const habits = clinicianHabits([
      client({ assignments: [assignment('A', { specificPlan: true }), assignment('B')] }),
      client({ assignments: [assignment('A', { specificPlan: true })] }),
    ]);
    expect(habits.specificPlans).toEqual({ count: 2, of: 3, percent: 67 });
  });

  it('has no percentages before there is anything to count', () => {
    expect(clinicianHabits([])).toEqual({
      reviewedFirst: { count: 0, of: 0, percent: null },
      setPracticeWithHandout: { count: 0, of: 0, percent: null },
      specificPlans: { count: 0, of: 0, percent: null },
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barrierKinds } from './barrier-kinds';
import {
  type AssignmentFact,
  doseSizes,
  type InsightSummary,
  type ReviewFact,
} from './insight-summary';
import {
  barriersByFrequency,
  type ClientHabitFacts,
  clinicianHabits,
  type Completion,
  completionByCategory,
  completionByConfidence,
  completionByDoseSize,
  completionByIfThenPlans,
  completionByMonth,
  completionBySpecificPlan,
  completionByTemplate,
  completionOf,
  ladderPositions,
  reviewTimeline,
  shareOf,
  smallestVersionShare,
  trackerReturnShare,
} from './insights';
import { assignmentStatuses } from './assignment';
import { reviewDecisions, reviewOutcomes } from './review';
import { sessionStatuses } from './session';

/**
 * Insights against arbitrary practices: every percentage is a true count over the facts and
 * within 0–100, nothing is out of 0 with a percentage, every grouping adds up to the whole, and
 * no result depends on the order the records came in.
 */

const RUNS = { numRuns: 150 };

/** A record id made of one repeated character, from a small pool so reviews find assignments. */
const idFrom = (pool: string) => fc.constantFrom(...pool).map((letter) => letter.repeat(22));

const isoDate = (days: number) =>
  new Date(Date.UTC(2025, 10, 1) + days * 86_400_000).toISOString().slice(0, 10);

const date = fc.integer({ min: 0, max: 200 }).map(isoDate);

/** Assignment ids A–D exist; a review of E has no assignment fact. */
const reviewFact: fc.Arbitrary<ReviewFact> = fc.record({
  reviewId: idFrom('abcdefghijklmnopqrstuvwxyz'),
  assignmentId: idFrom('ABCDE'),
  sessionId: fc.constant(null),
  reviewedOn: date,
  outcome: fc.constantFrom(...reviewOutcomes),
  percentDone: fc.option(fc.integer({ min: 0, max: 100 })),
  smallestVersionMet: fc.option(fc.boolean()),
  trackerReturned: fc.boolean(),
  barrierKinds: fc.uniqueArray(fc.constantFrom(...barrierKinds), { maxLength: 4 }),
  decision: fc.constantFrom(...reviewDecisions),
  madeThingsWorse: fc.boolean(),
});

const assignmentFact: fc.Arbitrary<AssignmentFact> = fc.record({
  assignmentId: idFrom('ABCD'),
  sessionId: fc.constant(null),
  startsOn: date,
  status: fc.constantFrom(...assignmentStatuses.filter((status) => status !== 'draft')),
  templateId: fc.option(fc.constantFrom('thought-record', 'worry-time', 'graded-walk')),
  doseSize: fc.option(fc.constantFrom(...doseSizes)),
  confidence: fc.option(fc.integer({ min: 0, max: 10 })),
  specificPlan: fc.boolean(),
  ifThenPlans: fc.integer({ min: 0, max: 8 }),
  ladderStep: fc.option(fc.integer({ min: 0, max: 11 })),
  ladderLength: fc.integer({ min: 0, max: 12 }),
  replaces: fc.constant(null),
});

const summary: fc.Arbitrary<InsightSummary> = fc
  .record({
    clientId: idFrom('0123456789'),
    reviews: fc.uniqueArray(reviewFact, { selector: (fact) => fact.reviewId, maxLength: 8 }),
    assignments: fc.uniqueArray(assignmentFact, {
      selector: (fact) => fact.assignmentId,
      maxLength: 4,
    }),
  })
  .map(({ clientId, reviews, assignments }) => ({
    id: clientId.toLowerCase(),
    clientId,
    reviewRecords: reviews.length,
    assignmentRecords: assignments.length,
    reviews,
    assignments,
  }));

const practice = fc.uniqueArray(summary, { selector: (client) => client.clientId, maxLength: 6 });

/** The items in an order fixed by `seed` (Fisher–Yates on a small linear congruential stream). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The same practice with clients, and each client's reviews and assignments, reordered. */
function reordered(summaries: readonly InsightSummary[], seed: number): InsightSummary[] {
  return shuffled(summaries, seed).map((client, index) => ({
    ...client,
    reviews: shuffled(client.reviews, seed + index + 1),
    assignments: shuffled(client.assignments, seed - index - 1),
  }));
}

/** Every practice-wide result at once, for comparing one ordering with another. */
const everything = (summaries: readonly InsightSummary[]) => {
  const reviews = summaries.flatMap((client) => client.reviews);
  const assignments = summaries.flatMap((client) => client.assignments);
  return {
    overall: completionOf(reviews),
    smallest: smallestVersionShare(reviews),
    tracker: trackerReturnShare(reviews),
    barriers: barriersByFrequency(reviews),
    byMonth: completionByMonth(summaries),
    byTemplate: completionByTemplate(summaries),
    byCategory: completionByCategory(summaries, (templateId) =>
      templateId === 'graded-walk' ? null : templateId.slice(0, 5),
    ),
    byDose: completionByDoseSize(summaries),
    byConfidence: completionByConfidence(summaries),
    byPlan: completionBySpecificPlan(summaries),
    byIfThen: completionByIfThenPlans(summaries),
    habits: clinicianHabits([{ sessions: [], handoutDates: new Set(), assignments }]),
  };
};

/** Completion added up over groups: counts and totals summed. */
function summed(groups: readonly Completion[]) {
  return {
    anyAttempt: groups.reduce((sum, group) => sum + group.anyAttempt.count, 0),
    fullDose: groups.reduce((sum, group) => sum + group.fullDose.count, 0),
    of: groups.reduce((sum, group) => sum + group.anyAttempt.of, 0),
  };
}

describe('insights, for any practice', () => {
  it('gives a percentage only out of something, always within 0–100', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), (a, b) => {
        const [count, of] = a <= b ? [a, b] : [b, a];
        const share = shareOf(count, of);
        if (of === 0) expect(share.percent).toBeNull();
        else expect(share.percent).toBe(Math.round((100 * count) / of));
        expect(share.percent ?? 0).toBeGreaterThanOrEqual(0);
        expect(share.percent ?? 0).toBeLessThanOrEqual(100);
      }),
      RUNS,
    );
  });

  it('counts completion straight from the facts', () => {
    fc.assert(
      fc.property(practice, (summaries) => {
        const reviews = summaries.flatMap((client) => client.reviews);
        const attempts = reviews.filter((fact) => fact.outcome !== 'not-this-time');
        const full = attempts.filter(
          (fact) => fact.outcome === 'did-it' || fact.percentDone === 100,
        );
        expect(completionOf(reviews)).toEqual({
          anyAttempt: shareOf(attempts.length, reviews.length),
          fullDose: shareOf(full.length, reviews.length),
        });
      }),
      RUNS,
    );
  });

  it('keeps every month’s percentages within 0–100, full dose never above any attempt', () => {
    fc.assert(
      fc.property(practice, (summaries) => {
        for (const month of completionByMonth(summaries)) {
          expect(month.anyAttempt.of).toBeGreaterThan(0);
          expect(month.fullDose.count).toBeLessThanOrEqual(month.anyAttempt.count);
          for (const share of [month.anyAttempt, month.fullDose]) {
            expect(share.percent).not.toBeNull();
            expect(share.percent).toBeGreaterThanOrEqual(0);
            expect(share.percent).toBeLessThanOrEqual(100);
          }
        }
      }),
      RUNS,
    );
  });

  it('adds every grouping up to the whole, dropping no review', () => {
    fc.assert(
      fc.property(practice, (summaries) => {
        const results = everything(summaries);
        const whole = {
          anyAttempt: results.overall.anyAttempt.count,
          fullDose: results.overall.fullDose.count,
          of: results.overall.anyAttempt.of,
        };
        const bySource = [results.byTemplate, results.byCategory].map((grouping) => [
          ...grouping.groups,
          grouping.fromScratch,
          grouping.unknown,
        ]);
        const byBucket = [
          results.byDose,
          results.byConfidence,
          results.byPlan,
          results.byIfThen,
        ].map((grouping) => Object.values(grouping));
        for (const groups of [results.byMonth, ...bySource, ...byBucket]) {
          expect(summed(groups)).toEqual(whole);
        }
      }),
      RUNS,
    );
  });

  it('gives no percentage to an empty group', () => {
    fc.assert(
      fc.property(practice, (summaries) => {
        const results = everything(summaries);
        const shares = [
          ...Object.values(results.byDose),
          ...Object.values(results.byConfidence),
          results.byTemplate.unknown,
          results.byTemplate.fromScratch,
        ].flatMap((group) => [group.anyAttempt, group.fullDose]);
        for (const share of [...shares, results.smallest, results.tracker]) {
          expect(share.percent === null).toBe(share.of === 0);
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of clients, reviews or assignments', () => {
    fc.assert(
      fc.property(practice, fc.integer(), (summaries, seed) => {
        expect(everything(reordered(summaries, seed))).toEqual(everything(summaries));
      }),
      RUNS,
    );
  });

  it('puts one client’s timeline and ladders in the same order, whatever order they came in', () => {
    fc.assert(
      fc.property(summary, fc.integer(), (client, seed) => {
        const [again] = reordered([client], seed);
        expect(reviewTimeline(again?.reviews ?? [])).toEqual(reviewTimeline(client.reviews));
        expect(ladderPositions(again?.assignments ?? [])).toEqual(
          ladderPositions(client.assignments),
        );
      }),
      RUNS,
    );
  });
});

describe('the clinician’s habits, for any sessions', () => {
  const session = fc.record({
    sessionId: idFrom('abcdefgh'),
    date,
    status: fc.constantFrom(...sessionStatuses),
    reviewedFirst: fc.option(fc.boolean()),
    setPractice: fc.option(fc.boolean()),
  });
  const client: fc.Arbitrary<ClientHabitFacts> = fc.record({
    sessions: fc.array(session, { maxLength: 6 }),
    handoutDates: fc.array(date, { maxLength: 6 }).map((dates) => new Set(dates)),
    assignments: fc.array(assignmentFact, { maxLength: 4 }),
  });

  it('counts each habit out of what could have counted, in any order', () => {
    fc.assert(
      fc.property(fc.array(client, { maxLength: 5 }), fc.integer(), (clients, seed) => {
        const habits = clinicianHabits(clients);
        const sessions = clients.flatMap((facts) =>
          facts.sessions.filter((one) => one.status !== 'cancelled'),
        );
        expect(habits.reviewedFirst.of).toBe(
          sessions.filter((one) => one.reviewedFirst !== null).length,
        );
        expect(habits.setPracticeWithHandout.of).toBe(
          sessions.filter((one) => one.setPractice === true).length,
        );
        for (const share of Object.values(habits)) {
          expect(share.count).toBeLessThanOrEqual(share.of);
          expect(share.percent === null).toBe(share.of === 0);
        }
        const reorderedClients = shuffled(clients, seed).map((facts, index) => ({
          ...facts,
          sessions: shuffled(facts.sessions, seed + index),
        }));
        expect(clinicianHabits(reorderedClients)).toEqual(habits);
      }),
      RUNS,
    );
  });
});

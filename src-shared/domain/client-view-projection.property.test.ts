import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientViewSnapshotSchema } from '../ipc/window';
import type { Assignment } from './assignment';
import { barrierKinds } from './barrier-kinds';
import type { Client } from './client';
import {
  type BuilderScreenState,
  builderClientView,
  type ReviewScreenState,
  reviewClientView,
  sessionClientView,
  type SessionScreenState,
} from './client-view-projection';
import { type Goal, goalStatuses } from './goal';
import { practiceWordings } from './preferences';
import { planUses, type Review, reportSources, reviewDecisions, reviewOutcomes } from './review';
import type { DayMark } from './review-grid';
import { type Session, sessionStatuses } from './session';

/**
 * The client view's projection against everything a therapist's window may hold: arbitrary
 * states in which every field the client must never see carries a canary — a marked string
 * that the text the client may see cannot contain — and checks that no canary ever comes out,
 * and that the result always fits the snapshot's schema, however long the text.
 */

const RUNS = { numRuns: 200 };
/** Canaries are marked with this character, which no allowed text contains. */
const MARK = '§';

/** A canary naming the field it was planted in. */
const canary = (field: string) => `${MARK}${field}${MARK}`;

/**
 * Text the client may see: any characters (graphemes beyond ASCII too), sometimes far longer
 * than the client view allows. It never holds the canary mark or a per cent sign, so anything
 * marked or "%" in the output came from somewhere else.
 */
const allowedText = (maxLength = 60) =>
  fc
    .oneof(
      { weight: 20, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength }) },
      { weight: 1, arbitrary: fc.constant('x'.repeat(4100)) },
      { weight: 1, arbitrary: fc.constant(`${'ab'.repeat(2000)}😀😀`) },
    )
    .map((text) => text.replaceAll(MARK, '').replaceAll('%', ''));

const list = <T>(arbitrary: fc.Arbitrary<T>, maxLength = 25) => fc.array(arbitrary, { maxLength });
const nullableRating = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null });

/** A client whose every field is a canary (an id canary is still a usable key). */
function canaryClient(label: string, status: Client['status']): Client {
  return {
    id: canary(`${label}.id`),
    name: canary(`${label}.name`),
    status,
    privateNotes: canary(`${label}.privateNotes`),
    createdAt: canary(`${label}.createdAt`),
    statusChangedAt: canary(`${label}.statusChangedAt`),
  };
}

/** A goal; another client's goal has canaries for words too. */
function goalArbitrary(index: number, clientId: string, isOwn: boolean): fc.Arbitrary<Goal> {
  return fc.record({
    id: fc.constant(canary(`goal${index}.id`)),
    clientId: fc.constant(clientId),
    clientWords: isOwn ? allowedText() : fc.constant(canary(`othersGoal${index}.clientWords`)),
    whyItMatters: isOwn ? allowedText() : fc.constant(canary(`othersGoal${index}.whyItMatters`)),
    status: fc.constantFrom(...goalStatuses),
    createdAt: fc.constant(canary(`goal${index}.createdAt`)),
    updatedAt: fc.constant(canary(`goal${index}.updatedAt`)),
  });
}

/**
 * An assignment: the client-facing fields arbitrary, every therapist-only field a canary. Its
 * goals link to `goalIds` (this client's and other clients' goals alike).
 */
function assignmentArbitrary(
  label: string,
  clientId: string,
  goalIds: readonly string[],
): fc.Arbitrary<Assignment> {
  const doseOption = fc.record({
    label: allowedText(),
    dose: fc.constant({ kind: 'per-week' as const, timesPerWeek: 3 }),
  });
  const clientFacing = fc.record({
    title: allowedText(),
    discreetTitle: allowedText(),
    purpose: allowedText(700),
    whyItMatters: allowedText(),
    whatFeelsDoable: allowedText(),
    goals: list(
      fc.record({
        goalId: goalIds.length > 0 ? fc.constantFrom(...goalIds) : fc.constant(canary('goalId')),
        words: fc.oneof(fc.constant(''), allowedText()),
      }),
      12,
    ),
    steps: list(allowedText(400)),
    doseOptions: list(doseOption, 6),
    dose: fc.option(doseOption, { nil: null }),
    minimum: fc.record({ label: allowedText(), dose: fc.constant(null) }),
    days: list(fc.integer({ min: -2, max: 9 }), 10),
    plan: fc.record({
      what: allowedText(),
      time: fc.option(fc.constantFrom('07:30', '19:00', '23:59'), { nil: null }),
      cue: allowedText(),
      where: allowedText(),
    }),
    ladder: list(fc.record({ step: allowedText(200) }), 14),
    ladderStep: fc.option(fc.integer({ min: -1, max: 14 }), { nil: null }),
    trackerFields: list(
      fc.record({ label: allowedText(), kind: fc.constant('count' as const) }),
      8,
    ),
    barriers: list(
      fc.record({
        kind: fc.constantFrom(...barrierKinds),
        barrier: allowedText(),
        ifThen: allowedText(300),
      }),
      10,
    ),
    backupPlan: allowedText(),
    confidenceBefore: nullableRating,
    confidenceAfter: nullableRating,
    importance: nullableRating,
    materials: allowedText(),
    reminderPlace: allowedText(),
    discreetWording: fc.option(
      fc.record(
        {
          purpose: allowedText(700),
          steps: list(allowedText(400), 14),
          minimumDose: allowedText(),
          barriers: list(fc.record({ barrier: allowedText(), ifThen: allowedText() }), 10),
        },
        { requiredKeys: [] },
      ),
      { nil: null },
    ),
    status: fc.constantFrom(
      'draft',
      'active',
      'paused',
      'completed',
      'stopped',
      'replaced',
    ) as fc.Arbitrary<Assignment['status']>,
    builderStep: fc.integer({ min: 0, max: 3 }),
    revision: fc.nat(),
  });
  return clientFacing.map((fields) => ({
    ...fields,
    id: canary(`${label}.id`),
    clientId,
    sessionId: canary(`${label}.sessionId`),
    template: { templateId: canary(`${label}.templateId`), version: 7 },
    clinicalTitle: canary(`${label}.clinicalTitle`),
    noGoalBecause: canary(`${label}.noGoalBecause`),
    cautions: [canary(`${label}.caution1`), canary(`${label}.caution2`)],
    cautionsAcknowledgedAt: canary(`${label}.cautionsAcknowledgedAt`),
    replaces: {
      assignmentId: canary(`${label}.replaces.assignmentId`),
      reason: canary(`${label}.replaces.reason`),
    },
    startsOn: canary(`${label}.startsOn`),
    reviewBy: canary(`${label}.reviewBy`),
    createdAt: canary(`${label}.createdAt`),
    updatedAt: canary(`${label}.updatedAt`),
  }));
}

/** Another client's assignment: everything about it is a canary, its title and words too. */
function othersAssignment(label: string, clientId: string): fc.Arbitrary<Assignment> {
  return assignmentArbitrary(label, clientId, []).map((assignment) => ({
    ...assignment,
    title: canary(`${label}.title`),
    discreetTitle: canary(`${label}.discreetTitle`),
    whyItMatters: canary(`${label}.whyItMatters`),
    steps: [canary(`${label}.step`)],
    plan: { what: canary(`${label}.plan`), time: null, cue: '', where: '' },
  }));
}

function sessionArbitrary(
  clientId: string,
  assignmentIds: readonly string[],
): fc.Arbitrary<Session> {
  const someAssignment = fc.constantFrom(...assignmentIds);
  return fc.record({
    id: fc.constant(canary('session.id')),
    clientId: fc.constant(clientId),
    startsAt: fc.constant(canary('session.startsAt')),
    durationMinutes: fc.integer({ min: 5, max: 480 }),
    status: fc.constantFrom(...sessionStatuses),
    reviewItems: list(
      fc.record({
        assignmentId: someAssignment,
        state: fc.constantFrom('to-review', 'reviewed', 'deferred') as fc.Arbitrary<
          Session['reviewItems'][number]['state']
        >,
        deferredBecause: fc.constant(canary('session.deferredBecause')),
        reviewId: fc.constant(canary('session.reviewId')),
      }),
    ),
    topics: list(allowedText(400), 25),
    assignmentIds: list(someAssignment),
    summaryForClient: allowedText(6000),
    privateNotes: fc.constant(canary('session.privateNotes')),
    reviewedFirst: fc.option(fc.boolean(), { nil: null }),
    revision: fc.nat(),
    createdAt: fc.constant(canary('session.createdAt')),
    updatedAt: fc.constant(canary('session.updatedAt')),
  });
}

const client = canaryClient('client', 'active');
const others = [canaryClient('other1', 'active'), canaryClient('other2', 'discharged')];
const [other1, other2] = others as [Client, Client];

const goals = fc.tuple(
  goalArbitrary(1, client.id, true),
  goalArbitrary(2, client.id, true),
  goalArbitrary(3, other1.id, false),
  goalArbitrary(4, other2.id, false),
);
const goalIds = [1, 2, 3, 4].map((index) => canary(`goal${index}.id`));

const builderStates: fc.Arbitrary<BuilderScreenState> = fc.record({
  client: fc.constant(client),
  otherClients: fc.constant(others),
  session: fc.option(
    sessionArbitrary(client.id, [canary('assignment.id'), canary('othersAssignment.id')]),
    { nil: null },
  ),
  goals: goals.map((all) => [...all]),
  assignment: assignmentArbitrary('assignment', client.id, goalIds),
  step: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
  wording: fc.constantFrom(...practiceWordings),
  discreet: fc.boolean(),
  clinicianNotes: fc.constant(canary('clinicianNotes')),
});

const sessionStates: fc.Arbitrary<SessionScreenState> = fc
  .tuple(
    assignmentArbitrary('ownA', client.id, goalIds),
    assignmentArbitrary('ownB', client.id, goalIds),
    othersAssignment('othersA', other1.id),
    othersAssignment('othersB', other2.id),
  )
  .chain((assignments) =>
    fc.record({
      client: fc.constant(client),
      otherClients: fc.constant(others),
      session: sessionArbitrary(
        client.id,
        assignments.map((assignment) => assignment.id),
      ),
      assignments: fc.constant([...assignments]),
      wording: fc.constantFrom(...practiceWordings),
      discreet: fc.boolean(),
    }),
  );

/**
 * A review of `assignment`: the client's own words (what happened, learned, wins) may be shown;
 * everything the therapist records about it carries a canary, and its numbers are arbitrary.
 */
function reviewArbitrary(assignment: Assignment): fc.Arbitrary<Review> {
  const rating = fc.option(fc.integer({ min: 0, max: 4 }), { nil: null });
  return fc.record({
    id: fc.constant(canary('review.id')),
    clientId: fc.constant(assignment.clientId),
    assignmentId: fc.constant(assignment.id),
    sessionId: fc.constant(canary('review.sessionId')),
    reviewedAt: fc.constant(canary('review.reviewedAt')),
    outcome: fc.option(fc.constantFrom(...reviewOutcomes), { nil: null }),
    smallestVersionMet: fc.option(fc.boolean(), { nil: null }),
    amountFrom: fc.option(fc.constantFrom('tracker' as const, 'estimate' as const), { nil: null }),
    percentDone: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    quality: rating,
    engagement: rating,
    helpful: rating,
    hard: rating,
    understoodWhy: rating,
    fitsGoals: rating,
    reportedBy: fc.subarray([...reportSources]),
    barriersMet: fc
      .subarray([...barrierKinds])
      .map((kinds) => kinds.map((kind) => ({ kind, note: canary(`review.barrier.${kind}`) }))),
    barrierNotes: fc.constant(canary('review.barrierNotes')),
    ifThenPlan: fc.option(fc.constantFrom(...planUses), { nil: null }),
    backupPlan: fc.option(fc.constantFrom(...planUses), { nil: null }),
    madeThingsWorse: fc.option(fc.constantFrom('no' as const, 'yes' as const), { nil: null }),
    worseNote: fc.constant(canary('review.worseNote')),
    happened: allowedText(),
    learned: allowedText(),
    wins: allowedText(),
    decision: fc.option(fc.constantFrom(...reviewDecisions), { nil: null }),
    decisionReason: fc.constant(canary('review.decisionReason')),
    nextAssignmentId: fc.constant(canary('review.nextAssignmentId')),
    finished: fc.boolean(),
    revision: fc.nat(),
    createdAt: fc.constant(canary('review.createdAt')),
    updatedAt: fc.constant(canary('review.updatedAt')),
  });
}

const dayMarks: fc.Arbitrary<ReadonlyMap<string, DayMark>> = fc
  .array(
    fc.tuple(
      fc.integer({ min: 1, max: 28 }).map((day) => `2026-02-${String(day).padStart(2, '0')}`),
      fc.constantFrom<DayMark>('yes', 'partly', 'no'),
    ),
    { maxLength: 28 },
  )
  .map((entries) => new Map(entries));

const reviewStates: fc.Arbitrary<ReviewScreenState> = assignmentArbitrary(
  'reviewed',
  client.id,
  goalIds,
).chain((assignment) =>
  fc.record({
    client: fc.constant(client),
    otherClients: fc.constant(others),
    assignment: fc.constant(assignment),
    review: reviewArbitrary(assignment),
    days: dayMarks,
    wording: fc.constantFrom(...practiceWordings),
    discreet: fc.boolean(),
  }),
);

/** Words the client's side never shows, as the projection itself would write them. */
const forbiddenWords =
  /homework|missed|\bdeferred\b|\bto-review\b|\bcancelled\b|\breplaced\b|%|\d{4}-\d{2}-\d{2}/i;

function expectSafe(output: unknown): void {
  const text = JSON.stringify(output);
  expect(text).not.toContain(MARK);
  expect(text).not.toMatch(forbiddenWords);
  expect(clientViewSnapshotSchema.safeParse(output).success).toBe(true);
}

describe('the client view’s projection, against anything the therapist’s window holds', () => {
  it('shows nothing of the builder’s state that the client must not see, and always fits the schema', () => {
    fc.assert(
      fc.property(builderStates, (state) => expectSafe(builderClientView(state))),
      RUNS,
    );
  });

  it('shows nothing of the session plan’s state that the client must not see, and always fits the schema', () => {
    fc.assert(
      fc.property(sessionStates, (state) => expectSafe(sessionClientView(state))),
      RUNS,
    );
  });

  it('shows nothing of a review the therapist records (barriers, notes, ratings, the share done), and always fits the schema', () => {
    fc.assert(
      fc.property(reviewStates, (state) => {
        const output = reviewClientView(state);
        expectSafe(output);
        // Only days with practice in them are listed: never the days without.
        const days = output.sections.find(
          (section) => section.heading === 'Days with practice in them',
        );
        const items = days && 'items' in days ? days.items : [];
        const marked = [...state.days.values()].filter((mark) => mark !== 'no').length;
        expect(items.length).toBe(marked);
        for (const entry of items) expect(['Did it', 'Some of it']).toContain(entry.detail);
      }),
      RUNS,
    );
  });

  it('shows nothing of a review of another client’s practice', () => {
    const othersReview = reviewStates.chain((state) =>
      othersAssignment('othersReviewed', other1.id).chain((assignment) =>
        reviewArbitrary(assignment).map((review) => ({ ...state, assignment, review })),
      ),
    );
    fc.assert(
      fc.property(othersReview, (state) => {
        const output = reviewClientView(state);
        expectSafe(output);
        expect(output.sections).toEqual([]);
      }),
      RUNS,
    );
  });

  it('shows nothing at all of an assignment or session that is another client’s', () => {
    const othersBuilder = builderStates.chain((state) =>
      othersAssignment('othersAssignment', other1.id).map((assignment) => ({
        ...state,
        assignment,
      })),
    );
    fc.assert(
      fc.property(othersBuilder, (state) => {
        const output = builderClientView(state);
        expectSafe(output);
        expect(output.sections).toEqual([]);
      }),
      RUNS,
    );
    const othersSession = sessionStates.map((state) => ({
      ...state,
      session: { ...state.session, clientId: other1.id },
    }));
    fc.assert(
      fc.property(othersSession, (state) => {
        expect(sessionClientView(state).sections).toEqual([]);
      }),
      RUNS,
    );
  });

  it('would notice a projection that leaked (the canaries are there to be found)', () => {
    const [state] = fc.sample(builderStates, { numRuns: 1, seed: 1 });
    const leaky = { title: `Plan for ${state?.client.name ?? ''}`, sections: [] };
    expect(() => expectSafe(leaky)).toThrow();
  });

  it('in discreet mode, shows no plain title, purpose or steps where discreet ones exist', () => {
    const discreetStates = builderStates.map((state) => ({
      ...state,
      discreet: true,
      step: 0 as const,
      assignment: {
        ...state.assignment,
        title: canary('plainTitle'),
        discreetTitle: state.assignment.discreetTitle,
        purpose: canary('plainPurpose'),
        steps: [canary('plainStep')],
        discreetWording: {
          ...state.assignment.discreetWording,
          purpose: 'Going a little further each time.',
          steps: ['Pick where to go.'],
        },
      },
    }));
    fc.assert(
      fc.property(discreetStates, (state) => expectSafe(builderClientView(state))),
      RUNS,
    );
  });
});

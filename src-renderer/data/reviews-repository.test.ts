import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault } from '../../tests/fixtures/vaults';
import { loadSodium } from '../../src-shared/crypto/sodium';
import type { Assignment } from '../../src-shared/domain/assignment';
import type { Review } from '../../src-shared/domain/review';
import { isVaultError } from '../../src-shared/vault/vault-error';
import { internalsOf, openVaultSession, type VaultSession } from './vault-session';

beforeAll(() => loadSodium());

async function newSession(): Promise<VaultSession> {
  const vault = await buildVault();
  return openVaultSession({ header: vault.header, dataKey: vault.dataKey.slice() });
}

const clientId = 'CCCCCCCCCCCCCCCCCCCCCC';

/** A client with a session last week (practice agreed in it) and a session today. */
async function practiceToReview(session: VaultSession) {
  const lastWeek = await session.sessions.book({
    clientId,
    startsAt: '2026-11-24T10:00:00.000Z',
    durationMinutes: 50,
    status: 'held',
  });
  const draft = await session.assignments.start(
    { clientId, sessionId: lastWeek.id, startsOn: '2026-11-24', reviewBy: '2026-12-01' },
    { from: 'scratch', title: 'Evening walk' },
  );
  const agreed = await session.assignments.save({
    ...draft,
    status: 'active',
    days: [1, 3, 5],
    ladder: [{ step: 'Round the block' }, { step: 'To the park' }],
    ladderStep: 0,
  });
  const today = await session.sessions.book({
    clientId,
    startsAt: '2026-12-01T10:00:00.000Z',
    durationMinutes: 50,
    status: 'planned',
  });
  return { agreed, today };
}

const finishedAs = (review: Review, patch: Partial<Review>): Review => ({
  ...review,
  outcome: 'some-of-it',
  madeThingsWorse: 'no',
  decision: 'continue',
  finished: true,
  ...patch,
});

describe('a review', () => {
  it('is started once per practice and session, and reopening it carries on where it was left', async () => {
    const session = await newSession();
    const { agreed, today } = await practiceToReview(session);
    const first = await session.reviews.open(agreed, today.id);
    const saved = await session.reviews.save({ ...first, happened: 'Walked on Monday' });
    const again = await session.reviews.open(agreed, today.id);
    expect(again.id).toBe(first.id);
    expect(again.happened).toBe('Walked on Monday');
    expect(saved.finished).toBe(false);
  });

  it('once finished, is listed as reviewed on its session, first, and counted in the insight summary', async () => {
    const session = await newSession();
    const { agreed, today } = await practiceToReview(session);
    const review = await session.reviews.open(agreed, today.id);
    await session.reviews.save(finishedAs(review, { percentDone: 60, amountFrom: 'estimate' }));
    const reread = await session.sessions.get(today.id);
    expect(reread?.reviewItems).toEqual([
      { assignmentId: agreed.id, state: 'reviewed', deferredBecause: '', reviewId: review.id },
    ]);
    expect(reread?.reviewedFirst).toBe(true);
    const { summaries } = await session.insights.practiceWide();
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.reviews).toEqual([
      expect.objectContaining({ reviewId: review.id, outcome: 'some-of-it', percentDone: 60 }),
    ]);
    expect(summaries[0]?.assignments.map((fact) => fact.assignmentId)).toEqual([agreed.id]);
  });

  it('stops counting in the insight summary when it is taken back up', async () => {
    const session = await newSession();
    const { agreed, today } = await practiceToReview(session);
    const review = await session.reviews.open(agreed, today.id);
    const finished = await session.reviews.save(finishedAs(review, {}));
    await session.reviews.save({ ...finished, finished: false });
    const { summaries } = await session.insights.practiceWide();
    expect(summaries[0]?.reviews).toEqual([]);
  });

  it('pauses, stops or completes the practice when that is what was decided', async () => {
    const session = await newSession();
    const { agreed, today } = await practiceToReview(session);
    const review = await session.reviews.open(agreed, today.id);
    await session.reviews.save(finishedAs(review, { decision: 'pause' }));
    expect((await session.assignments.get(agreed.id))?.status).toBe('paused');
  });

  it('is refused when saved over a newer save from another window', async () => {
    const session = await newSession();
    const { agreed, today } = await practiceToReview(session);
    const review = await session.reviews.open(agreed, today.id);
    await session.reviews.save({ ...review, wins: 'Two walks' });
    const stale = session.reviews.save({ ...review, wins: 'Something else' });
    await expect(stale).rejects.toSatisfy((error) => isVaultError(error, 'EDIT_CONFLICT'));
  });
});

describe('practice set before the review', () => {
  it('records that practice was not reviewed first', async () => {
    const session = await newSession();
    const { today } = await practiceToReview(session);
    await session.assignments.start(
      { clientId, sessionId: today.id, startsOn: '2026-12-01', reviewBy: '2026-12-08' },
      { from: 'scratch', title: 'Stretch' },
    );
    expect((await session.sessions.get(today.id))?.reviewedFirst).toBe(false);
    const calendars = await session.sessions.calendars();
    expect(calendars.get(clientId)?.at(-1)).toMatchObject({
      reviewedFirst: false,
      setPractice: true,
    });
  });
});

describe('a new version from a review', () => {
  it('steps up the ladder, links to the version it replaces, and retires it once agreed', async () => {
    const session = await newSession();
    const { agreed, today } = await practiceToReview(session);
    const next = await session.assignments.start(
      { clientId, sessionId: today.id, startsOn: '2026-12-01', reviewBy: '2026-12-08' },
      { from: 'review', previous: agreed, decision: 'step-up', reason: 'Two good weeks' },
    );
    expect(next).toMatchObject({
      status: 'draft',
      ladderStep: 1,
      replaces: { assignmentId: agreed.id, reason: 'Two good weeks' },
      title: 'Evening walk',
      confidenceBefore: null,
    });
    expect((await session.assignments.get(agreed.id))?.status).toBe('active');
    await session.assignments.save({ ...next, status: 'active' });
    expect((await session.assignments.get(agreed.id))?.status).toBe('replaced');
  });
});

describe('the review grid', () => {
  it('keeps one entry per day, clears a day, and refuses a day outside the practice’s dates', async () => {
    const session = await newSession();
    const { agreed } = await practiceToReview(session);
    const day = (date: string, mark: 'yes' | 'partly' | 'no' | null) =>
      session.reviews.recordDay(agreed as Assignment, { date, mark, tracker: {} });
    expect(await day('2026-11-24', 'yes')).toBeNull();
    expect(await day('2026-11-24', 'partly')).toBeNull();
    expect(await day('2026-11-26', 'no')).toBeNull();
    expect(await day('2026-11-26', null)).toBeNull();
    expect(await day('2026-12-20', 'yes')).toBe('outside-schedule');
    const days = await session.reviews.practiceDays(agreed.id);
    expect([...days.values()].map((log) => [log.date, log.done])).toEqual([
      ['2026-11-24', 'partly'],
    ]);
  });
});

describe('insight summaries', () => {
  it('are worked out from the records when missing, and rewritten by repair', async () => {
    const session = await newSession();
    const { agreed, today } = await practiceToReview(session);
    const review = await session.reviews.open(agreed, today.id);
    await session.reviews.save(finishedAs(review, {}));
    await internalsOf(session).db.sealed('insightSummaries').clear();
    const worked = await session.insights.practiceWide();
    expect(worked.summaries[0]?.reviews).toHaveLength(1);
    expect(await session.insights.repair()).toBe(1);
    expect(await session.insights.repair()).toBe(0);
    expect(await internalsOf(session).db.sealed('insightSummaries').count()).toBe(1);
  });
});

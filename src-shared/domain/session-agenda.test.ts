import { describe, expect, it } from 'vitest';
import type { Assignment } from './assignment';
import { draftFromScratch } from './assignment-draft';
import { type ReviewItem, type Session, sessionSchema } from './session';
import {
  activePracticeCount,
  agendaErrorMessages,
  deferReview,
  markReviewed,
  reviewedAtLastSession,
  reviewItemsFor,
  reviewedFirstWhenPracticeStarts,
  sessionDate,
  tooMuchPracticeNote,
} from './session-agenda';

const id = (letter: string) => letter.repeat(22);
const clientId = id('C');
const otherClientId = id('D');
const today = id('S');
const lastWeek = id('L');

/** Noon on a local calendar date, as the UTC instant sessions store, whatever the time zone. */
const localNoon = (date: string) => new Date(`${date}T12:00:00`).toISOString();

/** A session with this client on Monday 9 March 2026. */
const session = (patch: Partial<Session> = {}): Session =>
  sessionSchema.parse({
    id: today,
    clientId,
    startsAt: localNoon('2026-03-09'),
    durationMinutes: 50,
    status: 'planned',
    reviewItems: [],
    topics: [],
    assignmentIds: [],
    summaryForClient: '',
    privateNotes: '',
    reviewedFirst: null,
    revision: 0,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...patch,
  });

/** A piece of practice the client agreed to, set at last week's session unless said otherwise. */
const assignment = (letter: string, patch: Partial<Assignment> = {}): Assignment => ({
  ...draftFromScratch(
    {
      id: id(letter),
      clientId,
      sessionId: lastWeek,
      startsOn: '2026-03-02',
      reviewBy: '2026-03-09',
      at: '2026-03-02T12:00:00.000Z',
    },
    `Practice ${letter}`,
  ),
  status: 'active',
  ...patch,
});

const toReview = (letter: string): ReviewItem => ({
  assignmentId: id(letter),
  state: 'to-review',
  deferredBecause: '',
  reviewId: null,
});

describe('the session date', () => {
  it('is the local calendar date the session starts on', () => {
    expect(sessionDate(session())).toBe('2026-03-09');
  });
});

describe('what is due for review at a session', () => {
  it('lists each active piece of practice set before the session, to review', () => {
    expect(reviewItemsFor(session(), [assignment('A')])).toEqual([toReview('A')]);
  });

  it('leaves out practice set in this very session', () => {
    const setToday = assignment('A', { sessionId: today, startsOn: '2026-03-09' });
    const listedToday = assignment('B', { sessionId: null });
    expect(reviewItemsFor(session({ assignmentIds: [id('B')] }), [setToday, listedToday])).toEqual(
      [],
    );
  });

  it('leaves out practice that has not started by the session date', () => {
    expect(reviewItemsFor(session(), [assignment('A', { startsOn: '2026-03-10' })])).toEqual([]);
    expect(reviewItemsFor(session(), [assignment('A', { startsOn: '2026-03-09' })])).toEqual([
      toReview('A'),
    ]);
  });

  it('leaves out drafts, paused, stopped, completed and replaced practice', () => {
    const notActive = (['draft', 'paused', 'stopped', 'completed', 'replaced'] as const).map(
      (status, at) => assignment('EFGHJ'[at] ?? 'E', { status }),
    );
    expect(reviewItemsFor(session(), notActive)).toEqual([]);
  });

  it('ignores another client’s practice', () => {
    expect(reviewItemsFor(session(), [assignment('A', { clientId: otherClientId })])).toEqual([]);
  });

  it('keeps what was already recorded, first and as it stands', () => {
    const setAside: ReviewItem = {
      assignmentId: id('B'),
      state: 'deferred',
      deferredBecause: 'We used the time for a safety check.',
      reviewId: null,
    };
    const items = reviewItemsFor(session({ reviewItems: [setAside] }), [
      assignment('A'),
      assignment('B'),
    ]);
    expect(items).toEqual([setAside, toReview('A')]);
  });

  it('orders the rest by when each was due for review, and lists each once', () => {
    const items = reviewItemsFor(session(), [
      assignment('A', { reviewBy: '2026-03-12' }),
      assignment('B', { startsOn: '2026-02-23', reviewBy: '2026-03-02' }),
      assignment('C', { reviewBy: '2026-03-09' }),
      assignment('B', { startsOn: '2026-02-23', reviewBy: '2026-03-02' }),
    ]);
    expect(items.map((item) => item.assignmentId)).toEqual([id('B'), id('C'), id('A')]);
  });

  it('gives the same order whatever order the assignments come in', () => {
    const list = [
      assignment('A'),
      assignment('B', { startsOn: '2026-03-01' }),
      assignment('C', { reviewBy: '2026-03-08' }),
    ];
    expect(reviewItemsFor(session(), [...list].reverse())).toEqual(reviewItemsFor(session(), list));
  });
});

describe('how much practice would be going at once', () => {
  it('counts what is active now and what is being set in this session', () => {
    const list = [
      assignment('A'),
      assignment('B', { status: 'draft', sessionId: today }),
      assignment('C', { status: 'active', sessionId: today }),
      assignment('D', { status: 'stopped' }),
      assignment('E', { status: 'draft', sessionId: lastWeek }),
    ];
    expect(activePracticeCount(list, today)).toBe(3);
    expect(activePracticeCount(list, null)).toBe(2);
  });

  it('does not count practice that a new version in this session replaces', () => {
    const list = [
      assignment('A'),
      assignment('B', {
        status: 'draft',
        sessionId: today,
        replaces: { assignmentId: id('A'), reason: 'Made it smaller together' },
      }),
    ];
    expect(activePracticeCount(list, today)).toBe(1);
  });

  it('stays quiet at one or two pieces of practice', () => {
    expect(tooMuchPracticeNote(0)).toBeNull();
    expect(tooMuchPracticeNote(2)).toBeNull();
  });

  it('notes gently when more than two would be going at once', () => {
    expect(tooMuchPracticeNote(3)).toBe(
      'That would be three things to practise at the same time. One or two that fit the week usually go further — is there one to pause or make smaller?',
    );
    expect(tooMuchPracticeNote(14)).toContain('14 things');
    expect(tooMuchPracticeNote(4)).not.toMatch(/too many|homework|%|fail/i);
  });
});

describe('how reviewing went at the previous session', () => {
  const reviewed = (letter: string): ReviewItem => ({
    ...toReview(letter),
    state: 'reviewed',
  });
  const deferred = (letter: string): ReviewItem => ({
    ...toReview(letter),
    state: 'deferred',
    deferredBecause: 'Time went on a risk check.',
  });
  const previous = (reviewItems: ReviewItem[]) =>
    session({ id: lastWeek, startsAt: localNoon('2026-03-02'), status: 'held', reviewItems });

  it('had nothing to review when no practice was due', () => {
    expect(reviewedAtLastSession(previous([]))).toBe('nothing-to-review');
  });

  it('was reviewed when every piece of practice was', () => {
    expect(reviewedAtLastSession(previous([reviewed('A'), reviewed('B')]))).toBe('reviewed');
  });

  it('was set aside when a review was deferred with a reason and none was left out', () => {
    expect(reviewedAtLastSession(previous([reviewed('A'), deferred('B')]))).toBe('deferred');
  });

  it('was not reviewed when a piece of practice was neither reviewed nor set aside', () => {
    expect(reviewedAtLastSession(previous([reviewed('A'), toReview('B')]))).toBe('not-reviewed');
  });

  it('counts practice that was due there but never got an item, when given the assignments', () => {
    const dueThen = assignment('A', { sessionId: id('P'), startsOn: '2026-02-23' });
    expect(reviewedAtLastSession(previous([]), [dueThen])).toBe('not-reviewed');
    expect(reviewedAtLastSession(previous([reviewed('A')]), [dueThen])).toBe('reviewed');
  });
});

describe('recording a review at the session', () => {
  it('marks a piece of practice reviewed, adding its item', () => {
    const result = markReviewed(session(), id('A'), id('R'));
    expect(result).toEqual({
      ok: true,
      value: session({
        reviewItems: [{ ...toReview('A'), state: 'reviewed', reviewId: id('R') }],
        reviewedFirst: true,
      }),
    });
  });

  it('notes practice as reviewed first when nothing new was set before it, once for good', () => {
    const first = markReviewed(session(), id('A'));
    expect(first.ok && first.value.reviewedFirst).toBe(true);
    const afterNew = markReviewed(session({ assignmentIds: [id('N')] }), id('A'));
    expect(afterNew.ok && afterNew.value.reviewedFirst).toBe(false);
    const setAside = deferReview(session({ reviewedFirst: false }), id('A'), 'Safety check');
    expect(setAside.ok && setAside.value.reviewedFirst).toBe(false);
  });

  it('notes practice as not reviewed first when new practice starts while some is still due', () => {
    const due = [assignment('A')];
    expect(reviewedFirstWhenPracticeStarts(session(), due)).toBe(false);
    expect(reviewedFirstWhenPracticeStarts(session(), [])).toBeNull();
    const reviewed = session({
      reviewItems: [{ ...toReview('A'), state: 'reviewed' }],
      reviewedFirst: true,
    });
    expect(reviewedFirstWhenPracticeStarts(reviewed, due)).toBe(true);
  });

  it('sets a review aside with its reason, in the same place on the agenda', () => {
    const start = session({ reviewItems: [toReview('A'), toReview('B')] });
    const result = deferReview(start, id('A'), '  We used the time for a safety check. ');
    expect(result.ok && result.value.reviewItems).toEqual([
      {
        assignmentId: id('A'),
        state: 'deferred',
        deferredBecause: 'We used the time for a safety check.',
        reviewId: null,
      },
      toReview('B'),
    ]);
  });

  it('clears the reason once a set-aside review is done after all', () => {
    const setAside = deferReview(session(), id('A'), 'Ran out of time.');
    if (!setAside.ok) throw new Error(setAside.error);
    const done = markReviewed(setAside.value, id('A'));
    expect(done.ok && done.value.reviewItems).toEqual([{ ...toReview('A'), state: 'reviewed' }]);
  });

  it('needs a reason to set a review aside, and says so without throwing', () => {
    expect(deferReview(session(), id('A'), '   ')).toEqual({ ok: false, error: 'reason-needed' });
    expect(agendaErrorMessages['reason-needed']).toMatch(/say why/);
  });

  it('refuses a reason that is too long or has hidden characters', () => {
    expect(deferReview(session(), id('A'), 'x'.repeat(501))).toEqual({
      ok: false,
      error: 'reason-too-long',
    });
    expect(deferReview(session(), id('A'), 'Risk check\u202E')).toEqual({
      ok: false,
      error: 'reason-has-hidden-characters',
    });
  });

  it('refuses a link to something that is not a record', () => {
    expect(markReviewed(session(), 'not an id')).toEqual({ ok: false, error: 'invalid-review' });
  });

  it('leaves the session it was given unchanged', () => {
    const start = session({ reviewItems: [toReview('A')] });
    const copy = structuredClone(start);
    markReviewed(start, id('A'));
    deferReview(start, id('A'), 'Crisis call took the hour.');
    expect(start).toEqual(copy);
  });

  it('says when the review list is full', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRST'.split('');
    const full = session({ reviewItems: letters.map(toReview) });
    expect(markReviewed(full, id('Z'))).toEqual({ ok: false, error: 'agenda-full' });
    expect(markReviewed(full, id('A')).ok).toBe(true);
  });
});

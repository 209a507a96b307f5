import { format, parseISO } from 'date-fns';
import type { Assignment } from './assignment';
import {
  type ReviewItem,
  reviewItemSchema,
  type Session,
  sessionSchema,
  sessionTextLimits,
} from './session';

/**
 * A session's agenda opens with reviewing the practice set before it. These functions work out
 * what is due for review, summarise how reviewing went last time, note when too much practice
 * would run at once, and record a review as done or set aside (never silently skipped).
 * All pure: saving, revisions and timestamps stay with the sessions repository.
 */

/** The local calendar date a session is on, "YYYY-MM-DD" (its start is stored in UTC). */
export function sessionDate(session: Pick<Session, 'startsAt'>): string {
  return format(parseISO(session.startsAt), 'yyyy-MM-dd');
}

/** Due first, then the one that started first, then the one made first: a stable order. */
function byReviewBy(a: Assignment, b: Assignment): number {
  return (
    a.reviewBy.localeCompare(b.reviewBy) ||
    a.startsOn.localeCompare(b.startsOn) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

/** Whether an assignment is practice the client was doing before `session`, to review at it. */
function isDueAt(session: Session, on: string, assignment: Assignment): boolean {
  return (
    assignment.clientId === session.clientId &&
    assignment.status === 'active' &&
    assignment.sessionId !== session.id &&
    !session.assignmentIds.includes(assignment.id) &&
    assignment.startsOn <= on
  );
}

/**
 * The session's review items: the ones already stored, as they stand (reviewed, or deferred with
 * their reason), then one `to-review` item for every assignment of the client that is active,
 * was not set in this session and started on or before the session's date — due soonest first
 * (by review-by date, then start, then creation). Assignments of other clients are ignored, and
 * each assignment appears once.
 */
export function reviewItemsFor(
  session: Session,
  clientAssignments: readonly Assignment[],
): ReviewItem[] {
  const on = sessionDate(session);
  const listed = new Set(session.reviewItems.map((item) => item.assignmentId));
  const due: ReviewItem[] = [];
  for (const assignment of [...clientAssignments].sort(byReviewBy)) {
    if (listed.has(assignment.id) || !isDueAt(session, on, assignment)) continue;
    listed.add(assignment.id);
    due.push({
      assignmentId: assignment.id,
      state: 'to-review',
      deferredBecause: '',
      reviewId: null,
    });
  }
  return [...session.reviewItems, ...due];
}

/**
 * How many pieces of practice the client would have going at once after the session
 * `sessionId`: those active now, plus those being set in it (drafts too), less any that a new one
 * replaces. Pass one client's assignments. With `sessionId` null, only those active now.
 */
export function activePracticeCount(
  assignments: readonly Assignment[],
  sessionId: string | null,
): number {
  const setHere = assignments.filter(
    (assignment) =>
      sessionId !== null &&
      assignment.sessionId === sessionId &&
      (assignment.status === 'draft' || assignment.status === 'active'),
  );
  const replaced = new Set(
    setHere.flatMap((assignment) => assignment.replaces?.assignmentId ?? []),
  );
  const going = assignments.filter(
    (assignment) => assignment.status === 'active' && !replaced.has(assignment.id),
  );
  return new Set([...going, ...setHere].map((assignment) => assignment.id)).size;
}

const COUNT_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/**
 * A gentle note when more than two pieces of practice would be going at once (see
 * `activePracticeCount`), or null when there are two or fewer: a few that fit the week tend to
 * go further than many, and making one smaller or pausing it is good design, not giving up.
 */
export function tooMuchPracticeNote(count: number): string | null {
  if (count <= 2) return null;
  const howMany = COUNT_WORDS[count] ?? String(count);
  return `That would be ${howMany} things to practise at the same time. One or two that fit the week usually go further — is there one to pause or make smaller?`;
}

/**
 * How reviewing practice went at a session, in one word:
 * - `nothing-to-review`: there was no practice to review;
 * - `reviewed`: every piece of practice was reviewed;
 * - `deferred`: nothing was left unmentioned, and at least one review was set aside with a reason;
 * - `not-reviewed`: at least one piece of practice was neither reviewed nor set aside.
 */
export type LastSessionReview = 'reviewed' | 'deferred' | 'not-reviewed' | 'nothing-to-review';

/**
 * How reviewing practice went at the client's previous session (see `LastSessionReview`), from
 * its stored review items. Pass the client's assignments too to count practice that was due
 * there but never got an item (`reviewItemsFor`); without them only stored items count.
 */
export function reviewedAtLastSession(
  previousSession: Session,
  clientAssignments: readonly Assignment[] = [],
): LastSessionReview {
  const items = reviewItemsFor(previousSession, clientAssignments);
  if (items.length === 0) return 'nothing-to-review';
  if (items.some((item) => item.state === 'to-review')) return 'not-reviewed';
  if (items.every((item) => item.state === 'reviewed')) return 'reviewed';
  return 'deferred';
}

/** Why a review item could not be recorded. */
export type AgendaError =
  | 'reason-needed'
  | 'reason-too-long'
  | 'reason-has-hidden-characters'
  | 'invalid-review'
  | 'agenda-full';

/** What to tell the clinician for each `AgendaError`. */
export const agendaErrorMessages: Record<AgendaError, string> = {
  'reason-needed':
    'Please say why, in a few words — it keeps the review from being silently skipped.',
  'reason-too-long': `Please keep the reason to ${sessionTextLimits.deferredBecause} characters.`,
  'reason-has-hidden-characters':
    'The reason has hidden characters in it (perhaps from pasting) — please type it again.',
  'invalid-review': 'That review could not be linked to this session.',
  'agenda-full': 'This session’s review list is full.',
};

/** The session with its review items changed, or why not. */
export type AgendaUpdate = { ok: true; value: Session } | { ok: false; error: AgendaError };

/** The session with `item` in place of the assignment's item, or added after the others. */
function withItem(session: Session, item: ReviewItem): AgendaUpdate {
  const index = session.reviewItems.findIndex((each) => each.assignmentId === item.assignmentId);
  const reviewItems =
    index === -1
      ? [...session.reviewItems, item]
      : session.reviewItems.map((each, at) => (at === index ? item : each));
  if (!sessionSchema.shape.reviewItems.safeParse(reviewItems).success) {
    return { ok: false, error: 'agenda-full' };
  }
  // Reviewing (or setting aside with a reason) before any new practice was set is the habit
  // Insights counts; whichever of the two happens first decides it.
  const reviewedFirst = session.reviewedFirst ?? session.assignmentIds.length === 0;
  return { ok: true, value: { ...session, reviewItems, reviewedFirst } };
}

/**
 * Whether practice was reviewed first, as it stands when new practice is started in `session`:
 * already decided stays decided; otherwise false when practice was due and none of it has been
 * reviewed or set aside yet, and still undecided (null) when nothing was due.
 */
export function reviewedFirstWhenPracticeStarts(
  session: Session,
  clientAssignments: readonly Assignment[],
): boolean | null {
  if (session.reviewedFirst !== null) return session.reviewedFirst;
  const items = reviewItemsFor(session, clientAssignments);
  return items.some((item) => item.state === 'to-review') ? false : null;
}

/**
 * The session with reviewing `assignmentId` set aside for today, with the reason (trimmed): a
 * risk or crisis check can take the time, and that is recorded rather than skipped in silence.
 * An error value, never a throw, when the reason is empty, too long or has hidden characters.
 */
export function deferReview(session: Session, assignmentId: string, reason: string): AgendaUpdate {
  const deferredBecause = reason.trim();
  if (deferredBecause === '') return { ok: false, error: 'reason-needed' };
  if (deferredBecause.length > sessionTextLimits.deferredBecause) {
    return { ok: false, error: 'reason-too-long' };
  }
  const previous = session.reviewItems.find((item) => item.assignmentId === assignmentId);
  const item = reviewItemSchema.safeParse({
    assignmentId,
    state: 'deferred',
    deferredBecause,
    reviewId: previous?.reviewId ?? null,
  });
  if (!item.success) {
    const reasonIsBad = item.error.issues.some((issue) => issue.path[0] === 'deferredBecause');
    return { ok: false, error: reasonIsBad ? 'reason-has-hidden-characters' : 'invalid-review' };
  }
  return withItem(session, item.data);
}

/**
 * The session with `assignmentId` reviewed, linked to its review record when there is one yet;
 * any earlier reason for setting it aside no longer applies and is cleared.
 */
export function markReviewed(
  session: Session,
  assignmentId: string,
  reviewId: string | null = null,
): AgendaUpdate {
  const item = reviewItemSchema.safeParse({
    assignmentId,
    state: 'reviewed',
    deferredBecause: '',
    reviewId,
  });
  if (!item.success) return { ok: false, error: 'invalid-review' };
  return withItem(session, item.data);
}

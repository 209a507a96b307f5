import { addDays, format, parseISO } from 'date-fns';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { draftFromScratch, draftFromTemplate } from '../../../src-shared/domain/assignment-draft';
import { barrierKinds } from '../../../src-shared/domain/barrier-kinds';
import type { Goal } from '../../../src-shared/domain/goal';
import type { PracticeLog } from '../../../src-shared/domain/practice-log';
import { newRecordId } from '../../../src-shared/domain/record-id';
import {
  planUses,
  type Review,
  type ReviewDecision,
  type ReviewOutcome,
} from '../../../src-shared/domain/review';
import type { SeededRandom } from '../../../src-shared/domain/seeded-random';
import type { Session } from '../../../src-shared/domain/session';
import type { BuiltinTemplate, CustomTemplate } from '../../../src-shared/domain/template';
import type { VaultLogEntry } from '../../../src-shared/domain/vault-log';
import {
  BARRIER_NOTES,
  CUES,
  DECISION_REASONS,
  HAPPENED,
  LEARNED,
  NOTES,
  NOTES_ON_DAYS,
  REASONS,
  SCRATCH_TITLES,
  SHORT_TEXT,
  SUMMARY,
  TOPICS,
  WHERE,
  WHY,
  WINS,
} from './large-practice-words';
import { localDay, type ShapedAssignment, type ShapedClient } from './practice-shape';

/** A stored date-time `minutes` after another. */
export const minutesAfter = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** A built-in template's content, without its id and version. */
export const contentOfBuiltin = ({ id: _id, version: _version, ...content }: BuiltinTemplate) =>
  content;

/** Everything one client's records hold, made in memory, ready to be sealed and written. */
export type ClientRecords = {
  sessions: Session[];
  assignments: Assignment[];
  reviews: Review[];
  practiceLogs: PracticeLog[];
  exports: VaultLogEntry[];
};

/** The templates new practice is made from. */
export type TemplateSources = { builtins: BuiltinTemplate[]; customs: CustomTemplate[] };

/** A client's sessions as booked and written up: topics, a summary and notes for those held. */
function sessionsOf(random: SeededRandom, clientId: string, client: ShapedClient): Session[] {
  return client.sessions.map((shaped) => {
    const held = shaped.status === 'held';
    return {
      id: newRecordId(),
      clientId,
      startsAt: shaped.startsAt,
      durationMinutes: 50,
      status: shaped.status,
      reviewItems: [],
      topics: held ? random.some(TOPICS, 2, 4) : [],
      assignmentIds: [],
      summaryForClient: held ? random.some(SUMMARY, 2, 3).join(' ') : '',
      privateNotes: held ? random.some(NOTES, 2, 5).join('\n') : '',
      reviewedFirst: null,
      revision: held ? 2 : 0,
      createdAt: minutesAfter(shaped.startsAt, -7 * 24 * 60),
      updatedAt: held ? minutesAfter(shaped.startsAt, 60) : shaped.startsAt,
    };
  });
}

/** A new draft from scratch, a custom template or (mostly) a built-in one, as the builder starts it. */
function draftOf(
  random: SeededRandom,
  placement: Parameters<typeof draftFromScratch>[0],
  sources: TemplateSources,
): Assignment {
  const source = random.next();
  if (source < 0.08) return draftFromScratch(placement, random.pick(SCRATCH_TITLES));
  if (source < 0.2 && sources.customs.length > 0) {
    const {
      id: _id,
      lineageId,
      version,
      basedOn: _basedOn,
      archivedAt: _archived,
      createdAt: _created,
      ...content
    } = random.pick(sources.customs);
    return draftFromTemplate(placement, { templateId: lineageId, version }, content);
  }
  const builtin = random.pick(sources.builtins);
  return draftFromTemplate(
    placement,
    { templateId: builtin.id, version: builtin.version },
    contentOfBuiltin(builtin),
  );
}

/** The builder's steps filled in as clinician and client agree them (or left a draft). */
function agreedOf(
  random: SeededRandom,
  draft: Assignment,
  shaped: ShapedAssignment,
  context: { setAt: string; goals: Goal[]; previous: Assignment | undefined },
): Assignment {
  if (shaped.status === 'draft')
    return { ...draft, whyItMatters: random.pick(WHY), builderStep: 1 };
  const specific = random.chance(0.7);
  const goal = context.goals.length > 0 && random.chance(0.8) ? random.pick(context.goals) : null;
  return {
    ...draft,
    goals: goal ? [{ goalId: goal.id, words: goal.clientWords }] : [],
    whyItMatters: random.pick(WHY),
    whatFeelsDoable: 'Starting with the smallest version on the easiest day.',
    dose: random.chance(0.9)
      ? draft.doseOptions.length
        ? random.pick(draft.doseOptions)
        : null
      : null,
    days: random.distinct([1, 2, 3, 4, 5, 6, 7], random.int(2, 5)).sort(),
    plan: {
      what: draft.title.slice(0, 200),
      time: specific && random.chance(0.5) ? '08:30' : null,
      cue: specific ? random.pick(CUES) : random.chance(0.5) ? random.pick(CUES) : '',
      where: specific ? random.pick(WHERE) : '',
    },
    barriers: random.distinct(barrierKinds, random.int(0, 3)).map((kind) => ({
      kind,
      barrier: 'I might be too tired',
      ifThen: random.chance(0.75) ? 'If I am tired, then I will do the two-minute version.' : '',
    })),
    backupPlan: 'Do one minute of it, just to keep the habit.',
    confidenceBefore: random.chance(0.9) ? random.int(3, 8) : null,
    confidenceAfter: random.chance(0.6) ? random.int(5, 9) : null,
    importance: random.int(5, 10),
    reminderPlace: 'a note on the kettle',
    cautionsAcknowledgedAt: draft.cautions.length > 0 ? minutesAfter(context.setAt, 35) : null,
    replaces:
      context.previous?.status === 'replaced'
        ? {
            assignmentId: context.previous.id,
            reason: random.pick(DECISION_REASONS) || 'Adjusted.',
          }
        : null,
    builderStep: 3,
    status: shaped.status,
    revision: random.int(1, 3),
    updatedAt: minutesAfter(context.setAt, 45),
  };
}

/** The days practised, within the assignment's dates, with its tracker filled in. */
function practiceDaysOf(
  random: SeededRandom,
  assignment: Assignment,
  shaped: ShapedAssignment,
): PracticeLog[] {
  if (shaped.logs === 0) return [];
  const dayNumbers = random
    .distinct(
      Array.from({ length: shaped.capacity }, (_, day) => day),
      shaped.logs,
    )
    .sort((a, b) => a - b);
  const minutes = assignment.dose?.dose.minutes;
  return dayNumbers.map((day) => {
    const done = random.weighted([
      ['yes', 55],
      ['partly', 25],
      ['no', 20],
    ] as const);
    const tracker: PracticeLog['tracker'] = {};
    for (const field of assignment.trackerFields) {
      tracker[field.label] =
        field.kind === 'yes-no'
          ? done !== 'no'
          : field.kind === 'count'
            ? random.int(0, 5)
            : field.kind === 'minutes'
              ? random.int(0, 44)
              : field.kind === 'rating-0-10'
                ? random.int(0, 10)
                : field.kind === 'time-of-day'
                  ? `${String(random.int(7, 20)).padStart(2, '0')}:${random.chance(0.5) ? '00' : '30'}`
                  : random.pick(SHORT_TEXT);
    }
    return {
      id: newRecordId(),
      clientId: assignment.clientId,
      assignmentId: assignment.id,
      date: format(addDays(parseISO(assignment.startsOn), day), 'yyyy-MM-dd'),
      done,
      amount:
        minutes === undefined || done === 'no'
          ? null
          : Math.round(minutes * (done === 'yes' ? 1 : 0.5)),
      tracker,
      note: random.chance(0.3) ? random.pick(NOTES_ON_DAYS) : '',
    };
  });
}

/** How much was done, by outcome, as a percentage (sometimes not known). */
function percentDoneOf(random: SeededRandom, outcome: ReviewOutcome): number | null {
  if (random.chance(0.12)) return null;
  if (outcome === 'did-it') return random.int(80, 100);
  if (outcome === 'some-of-it') return random.int(25, 79);
  if (outcome === 'something-different') return random.int(10, 59);
  return random.int(0, 9);
}

/** What was decided, likelier to step up after it was done. */
function decisionOf(random: SeededRandom, outcome: ReviewOutcome): ReviewDecision {
  return random.weighted<ReviewDecision>(
    outcome === 'did-it'
      ? [
          ['continue', 30],
          ['step-up', 30],
          ['completed', 30],
          ['modify', 10],
        ]
      : [
          ['continue', 35],
          ['make-smaller', 25],
          ['modify', 15],
          ['pause', 10],
          ['stop', 8],
          ['completed', 7],
        ],
  );
}

/** A finished review of `assignment` at `reviewSession`, as the review flow saves it. */
function reviewOf(random: SeededRandom, assignment: Assignment, reviewSession: Session): Review {
  const outcome = random.weighted<ReviewOutcome>([
    ['did-it', 35],
    ['some-of-it', 30],
    ['something-different', 10],
    ['not-this-time', 25],
  ]);
  const percentDone = percentDoneOf(random, outcome);
  const amountFrom = percentDone === null ? null : random.chance(0.4) ? 'tracker' : 'estimate';
  const barriersMet = random
    .distinct(
      barrierKinds,
      outcome === 'did-it'
        ? random.int(0, 1)
        : outcome === 'not-this-time'
          ? random.int(1, 3)
          : random.int(1, 2),
    )
    .map((kind) => ({ kind, note: random.pick(BARRIER_NOTES) }));
  const decision = decisionOf(random, outcome);
  const rating = () => (random.chance(0.3) ? null : random.int(0, 4));
  const worse = random.chance(0.03) ? 'yes' : random.chance(0.93) ? 'no' : null;
  const reviewedAt = minutesAfter(reviewSession.startsAt, 5 + reviewSession.reviewItems.length);
  return {
    id: newRecordId(),
    clientId: assignment.clientId,
    assignmentId: assignment.id,
    sessionId: reviewSession.id,
    reviewedAt,
    outcome,
    smallestVersionMet: random.chance(0.1)
      ? null
      : outcome === 'did-it' ||
        (outcome === 'some-of-it' && random.chance(0.7)) ||
        (outcome === 'something-different' && random.chance(0.4)),
    amountFrom,
    percentDone,
    quality: rating(),
    engagement: rating(),
    helpful: rating(),
    hard: rating(),
    understoodWhy: rating(),
    fitsGoals: rating(),
    reportedBy: [
      'client-account',
      ...(amountFrom === 'tracker' ? (['returned-tracker'] as const) : []),
      ...(random.chance(0.1) ? (['observed-in-session'] as const) : []),
    ],
    barriersMet,
    barrierNotes: random.chance(0.4) ? random.pick(BARRIER_NOTES) : '',
    ifThenPlan: random.chance(0.2) ? null : random.pick(planUses),
    backupPlan: random.chance(0.3) ? null : random.pick(planUses),
    madeThingsWorse: worse,
    worseNote: worse === 'yes' ? 'Felt shaky for an hour afterwards.' : '',
    happened: random.pick(HAPPENED),
    learned: random.pick(LEARNED),
    wins: random.pick(WINS),
    decision,
    decisionReason: random.pick(DECISION_REASONS),
    nextAssignmentId: null,
    finished: true,
    revision: random.int(1, 4),
    createdAt: reviewedAt,
    updatedAt: minutesAfter(reviewedAt, 10),
  };
}

/** What went home from each session held (handouts, trackers…), as the export log records it. */
function exportsOf(random: SeededRandom, clientId: string, sessions: Session[]): VaultLogEntry[] {
  const entries: VaultLogEntry[] = [];
  for (const each of sessions) {
    if (each.status !== 'held') continue;
    if (each.reviewItems.length > 0)
      each.reviewedFirst = each.assignmentIds.length === 0 || random.chance(0.75);
    const exported = (what: string, format: Extract<VaultLogEntry, { kind: 'export' }>['format']) =>
      entries.push({
        id: newRecordId(),
        kind: 'export',
        at: minutesAfter(each.startsAt, 55),
        what,
        format,
        clientId,
      });
    if (each.assignmentIds.length > 0) {
      if (random.chance(0.6))
        exported(random.chance(0.1) ? 'Handout (discreet)' : 'Handout', 'handout-pdf');
      if (random.chance(0.25)) exported('Tracker', 'tracker-pdf');
      if (random.chance(0.04)) exported('Calendar reminder', 'calendar-ics');
      if (random.chance(0.04)) exported('Sticky note image', 'reminder-png');
    }
    if (random.chance(0.15)) exported('Session summary', 'session-summary-pdf');
  }
  return entries;
}

/**
 * One client's sessions, assignments (set in held sessions, serving their goals), practice
 * days, reviews (at the next session held, or set aside there with a reason) and exports, in
 * memory. The client and goals themselves are made through their repositories beforehand.
 */
export function recordsOfClient(
  random: SeededRandom,
  client: ShapedClient,
  made: { clientId: string; goals: Goal[] },
  sources: TemplateSources,
): ClientRecords {
  const { clientId } = made;
  const sessions = sessionsOf(random, clientId, client);
  const records: ClientRecords = {
    sessions,
    assignments: [],
    reviews: [],
    practiceLogs: [],
    exports: [],
  };
  for (const shaped of client.assignments) {
    const where = sessions[shaped.session];
    if (!where) throw new Error('An assignment is set in a session that is not there.');
    const following = shaped.next === null ? undefined : sessions[shaped.next];
    const startsOn = localDay(where.startsAt);
    const placement = {
      id: newRecordId(),
      clientId,
      sessionId: where.id,
      startsOn,
      reviewBy: following
        ? localDay(following.startsAt)
        : format(addDays(parseISO(startsOn), 7), 'yyyy-MM-dd'),
      at: minutesAfter(where.startsAt, 30),
    };
    const assignment = agreedOf(random, draftOf(random, placement, sources), shaped, {
      setAt: where.startsAt,
      goals: made.goals,
      previous: records.assignments.at(-1),
    });
    records.assignments.push(assignment);
    where.assignmentIds.push(assignment.id);
    records.practiceLogs.push(...practiceDaysOf(random, assignment, shaped));

    if (shaped.reviewAt === null) continue;
    const reviewSession = sessions[shaped.reviewAt];
    if (!reviewSession)
      throw new Error('An assignment is reviewed in a session that is not there.');
    // A session's agenda holds at most 20 items; later ones are reviewed without being listed.
    const listed = reviewSession.reviewItems.length < 20;
    if (!shaped.reviewed) {
      if (random.chance(0.5) && listed)
        reviewSession.reviewItems.push({
          assignmentId: assignment.id,
          state: 'deferred',
          deferredBecause: random.pick(REASONS),
          reviewId: null,
        });
      continue;
    }
    const review = reviewOf(random, assignment, reviewSession);
    records.reviews.push(review);
    if (listed)
      reviewSession.reviewItems.push({
        assignmentId: assignment.id,
        state: 'reviewed',
        deferredBecause: '',
        reviewId: review.id,
      });
  }
  records.exports = exportsOf(random, clientId, sessions);
  return records;
}

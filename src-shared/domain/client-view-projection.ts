import { getISODay, parseISO } from 'date-fns';
import {
  type ClientViewItem,
  clientViewLimits,
  type ClientViewSection,
  type ClientViewSnapshot,
} from '../ipc/window';
import type { Assignment } from './assignment';
import { type ClientWording, clientWordingOf, servedGoalWords } from './assignment-wording';
import type { Client } from './client';
import { clinicalWordIn } from './client-facing-template';
import type { Goal } from './goal';
import type { HandoutModel } from './handout';
import { ladderStepIndex } from './ladder';
import { planSentence } from './practice-plan';
import type { PracticeWording } from './preferences';
import { type Review, reviewOutcomeLabels } from './review';
import type { DayMark } from './review-grid';
import type { Session } from './session';

/**
 * What the client view may show, projected from everything the therapist's window holds. The
 * shared screen may be seen by anyone in the room, captured or recorded over video, so the
 * projection takes fields in by name (an allow-list), never passes a record through, and so
 * cannot show: any name (not even this client's), another client's anything, private notes,
 * cautions, clinician notes, the clinical title, ids, dates, times of saving, statuses, ratings
 * or percentages. What it does show is text the client and therapist wrote together, in the
 * client's words where they gave them, and "practice" or "this week's plan", never "homework".
 * Longer text is shortened with an ellipsis to the snapshot's limits, so the result always
 * passes `clientViewSnapshotSchema`.
 */

/** The builder's steps, as the client view names them in its top line. */
export const builderStepNames = [
  'Why and what',
  'Start small',
  'Plan around barriers',
  'Commit',
] as const;

/** A step of the assignment builder: 0 "Why and what" … 3 "Commit". */
export type BuilderStep = 0 | 1 | 2 | 3;

/** Everything the therapist's window holds while the builder is open. */
export type BuilderScreenState = {
  client: Client;
  otherClients: Client[];
  session: Session | null;
  goals: Goal[];
  assignment: Assignment;
  step: BuilderStep;
  wording: PracticeWording;
  discreet: boolean;
  clinicianNotes: string;
};

/** Everything the therapist's window holds while a session plan is open. */
export type SessionScreenState = {
  client: Client;
  otherClients: Client[];
  session: Session;
  assignments: Assignment[];
  wording: PracticeWording;
  discreet: boolean;
};

/** Everything the therapist's window holds while a review is open. */
export type ReviewScreenState = {
  client: Client;
  otherClients: Client[];
  assignment: Assignment;
  review: Review;
  /** The grid's marked days, by date. */
  days: ReadonlyMap<string, DayMark>;
  wording: PracticeWording;
  discreet: boolean;
};

/** What the week's practice is called on the client's side, by the vault's setting. */
const practiceWords: Record<PracticeWording, { name: string; lastWeek: string; thisWeek: string }> =
  {
    practice: {
      name: 'Practice',
      lastWeek: 'Looking back at last week’s practice',
      thisWeek: 'This week’s practice',
    },
    'this-weeks-plan': {
      name: 'This week’s plan',
      lastWeek: 'Looking back at last week’s plan',
      thisWeek: 'This week’s plan',
    },
  };

const weekdayNames = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/**
 * The client view of the assignment builder at `step`: the title (plain, or discreet), a top line
 * naming the step, and that step's sections, each left out when it has nothing to say.
 */
export function builderClientView(state: BuilderScreenState): ClientViewSnapshot {
  const words = practiceWords[state.wording] ?? practiceWords.practice;
  const stepName = builderStepNames[state.step] ?? builderStepNames[0];
  const eyebrow = `${words.name} · ${stepName}`;
  const { assignment } = state;
  // Another client's assignment is never projected, whatever the screen holds.
  if (assignment.clientId !== state.client.id) return snapshot(eyebrow, words.name, []);
  const wording = clientWordingOf(
    assignment,
    state.discreet,
    (text) => clinicalWordIn(text) !== null,
  );
  const title = titleOf(assignment, state.discreet) || words.name;
  const sectionsByStep: Record<BuilderStep, () => Draft[]> = {
    0: () => whyAndWhat(assignment, state, wording),
    1: () => startSmall(assignment, wording),
    2: () => planAroundBarriers(assignment, wording),
    3: () => commit(assignment, wording),
  };
  return snapshot(eyebrow, title, (sectionsByStep[state.step] ?? sectionsByStep[0])());
}

/**
 * The client view of a session plan: today's agenda — looking back at last week's practice
 * first, the topics, this week's practice and the summary for the client.
 */
export function sessionClientView(state: SessionScreenState): ClientViewSnapshot {
  const words = practiceWords[state.wording] ?? practiceWords.practice;
  const { session, client } = state;
  if (session.clientId !== client.id) return snapshot(undefined, 'Today', []);
  const ownAssignments = new Map(
    state.assignments
      .filter((assignment) => assignment.clientId === client.id)
      .map((assignment) => [assignment.id, assignment]),
  );
  const titlesOf = (ids: readonly string[]) =>
    unique(ids)
      .map((id) => ownAssignments.get(id))
      .filter((assignment) => assignment !== undefined)
      .map((assignment) => titleOf(assignment, state.discreet) || words.name);
  return snapshot(undefined, 'Today', [
    list(words.lastWeek, titlesOf(session.reviewItems.map((item) => item.assignmentId)).map(item)),
    list('What we’ll talk about', session.topics.map(item)),
    list(words.thisWeek, titlesOf(session.assignmentIds).map(item)),
    paragraph('Summary', session.summaryForClient),
  ]);
}

/** How a marked day reads for the client: only days with practice in them are listed. */
const dayWords: Partial<Record<DayMark, string>> = { yes: 'Did it', partly: 'Some of it' };

/**
 * The client view of a review: their plan and smallest version, how it went in their terms, the
 * days they practised (never the days they didn't: no gaps, no counts, no percentages), what they
 * noticed and their wins. The therapist's ratings, barriers and notes stay on the therapist's
 * side.
 */
export function reviewClientView(state: ReviewScreenState): ClientViewSnapshot {
  const words = practiceWords[state.wording] ?? practiceWords.practice;
  const { assignment, review } = state;
  if (assignment.clientId !== state.client.id || review.assignmentId !== assignment.id) {
    return snapshot(words.lastWeek, words.name, []);
  }
  const wording = clientWordingOf(
    assignment,
    state.discreet,
    (text) => clinicalWordIn(text) !== null,
  );
  const practised = [...state.days]
    .filter(([, mark]) => dayWords[mark] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, mark]) => ({
      text: weekdayNames[(getISODay(parseISO(date)) + 6) % 7] ?? '',
      detail: dayWords[mark] ?? '',
    }));
  return snapshot(words.lastWeek, titleOf(assignment, state.discreet) || words.name, [
    paragraph('The plan', planSentence(assignment.plan, assignment.days)),
    paragraph('The smallest version that still counts', wording.minimum),
    paragraph('How it went', review.outcome ? reviewOutcomeLabels[review.outcome] : ''),
    list('Days with practice in them', practised),
    paragraph('What happened', review.happened),
    paragraph('What you noticed', review.learned),
    paragraph('Wins', review.wins),
  ]);
}

/**
 * The handout shown on the client view while the therapist talks it through: the printed
 * handout's sections (a model that already holds only what may be printed), without the header
 * (the practice, the clinician and the client's name stay on paper, never on a shared screen)
 * and without the tracker grid and worksheet pages, which only mean something on paper.
 */
export function handoutClientView(model: HandoutModel): ClientViewSnapshot {
  return snapshot(`${model.eyebrow} · handout`, model.title, [
    model.why &&
      paragraph(
        model.why.heading,
        [model.why.words, model.why.goals.join('\n'), model.why.howItHelps]
          .filter(Boolean)
          .join('\n\n'),
      ),
    model.steps && list(model.steps.heading, model.steps.items.map(item)),
    model.plan &&
      paragraph(
        model.plan.heading,
        [model.plan.sentence, model.plan.howMuch, model.plan.thisWeeksStep, model.plan.reminder]
          .filter(Boolean)
          .join('\n'),
      ),
    model.smallest && paragraph(model.smallest.heading, model.smallest.text),
    model.ifThen &&
      list(
        model.ifThen.heading,
        model.ifThen.plans.map((plan) => ({ text: plan.barrier, detail: plan.ifThen })),
      ),
    model.ifThen && paragraph(model.ifThen.backupHeading, model.ifThen.backup),
    paragraph('Next time', model.nextMeeting),
  ]);
}

/** A section before its text is fitted to the limits; `null` for one with nothing to say. */
type Draft = ClientViewSection | null;

function whyAndWhat(
  assignment: Assignment,
  state: BuilderScreenState,
  wording: ClientWording,
): Draft[] {
  return [
    paragraph('Why it matters', assignment.whyItMatters),
    paragraph('What feels doable', assignment.whatFeelsDoable),
    list('What it’s for', servedGoalWords(assignment, state.goals).map(item)),
    paragraph('How it helps', wording.purpose),
    list('What it involves', wording.steps.map(item)),
  ];
}

function startSmall(assignment: Assignment, wording: ClientWording): Draft[] {
  const chosen = assignment.dose?.label ?? '';
  const thisWeek = ladderStepIndex(assignment.ladder, assignment.ladderStep);
  return [
    chosen
      ? paragraph('How much', chosen)
      : list(
          'Ways to do it',
          assignment.doseOptions.map((option) => item(option.label)),
        ),
    paragraph('The smallest version that still counts', wording.minimum),
    paragraph('Which days', daysText(assignment.days)),
    list(
      'Step by step',
      assignment.ladder.map((rung, index) => ({
        text: rung.step,
        ...(index === thisWeek ? { tag: 'This week' } : {}),
      })),
    ),
    assignment.trackerFields.length > 0
      ? list(
          'What you’ll note',
          assignment.trackerFields.map((field) => item(field.label)),
        )
      : paragraph('What you’ll note', 'Nothing to write down.'),
  ];
}

function planAroundBarriers(assignment: Assignment, wording: ClientWording): Draft[] {
  return [
    paragraph('The plan', planSentence(assignment.plan, assignment.days)),
    list(
      'If something gets in the way',
      wording.barriers.map((barrier) => ({ text: barrier.barrier, detail: barrier.ifThen })),
    ),
    paragraph('On a hard day', assignment.backupPlan),
  ];
}

function commit(assignment: Assignment, wording: ClientWording): Draft[] {
  const confidence = assignment.confidenceAfter ?? assignment.confidenceBefore;
  return [
    paragraph('The plan', planSentence(assignment.plan, assignment.days)),
    paragraph('The smallest version that still counts', wording.minimum),
    list(
      'If something gets in the way',
      wording.barriers.map((barrier) => item(barrier.ifThen || barrier.barrier)),
    ),
    paragraph('On a hard day', assignment.backupPlan),
    paragraph('How sure you feel', outOfTen(confidence)),
    paragraph('Where the reminder lives', assignment.reminderPlace),
    paragraph('What you’ll take away', assignment.materials),
  ];
}

/** The title the client sees: the plain one, or the discreet one (empty if there is none). */
function titleOf(assignment: Assignment, discreet: boolean): string {
  return (discreet ? assignment.discreetTitle : assignment.title).trim();
}

/** Days of the week in words: "Monday, Wednesday and Friday"; all seven as "Every day". */
function daysText(days: readonly number[]): string {
  const names = unique(days)
    .filter((day) => Number.isInteger(day) && day >= 1 && day <= 7)
    .sort((a, b) => a - b)
    .map((day) => weekdayNames[day - 1] ?? '');
  if (names.length === 7) return 'Every day';
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** A rating 0–10 as the client gave it ("8 out of 10"); empty when there is none. */
function outOfTen(rating: number | null): string {
  return rating !== null && Number.isInteger(rating) && rating >= 0 && rating <= 10
    ? `${rating} out of 10`
    : '';
}

function paragraph(heading: string, body: string): Draft {
  const text = fit(body, clientViewLimits.body);
  return text ? { heading: fit(heading, clientViewLimits.heading), body: text } : null;
}

function list(heading: string, items: readonly ClientViewItem[]): Draft {
  const fitted = items
    .map(fitItem)
    .filter((entry) => entry !== null)
    .slice(0, clientViewLimits.items);
  return fitted.length > 0
    ? { heading: fit(heading, clientViewLimits.heading), items: fitted }
    : null;
}

function item(text: string): ClientViewItem {
  return { text };
}

function fitItem(entry: ClientViewItem): ClientViewItem | null {
  const text = fit(entry.text, clientViewLimits.itemText);
  if (!text) return null;
  const detail = fit(entry.detail ?? '', clientViewLimits.itemDetail);
  const tag = fit(entry.tag ?? '', clientViewLimits.itemTag);
  return { text, ...(detail ? { detail } : {}), ...(tag ? { tag } : {}) };
}

function snapshot(
  eyebrow: string | undefined,
  title: string,
  sections: readonly Draft[],
): ClientViewSnapshot {
  const top = eyebrow ? fit(eyebrow, clientViewLimits.eyebrow) : '';
  return {
    ...(top ? { eyebrow: top } : {}),
    title: fit(title, clientViewLimits.title) || 'Practice',
    sections: sections.filter((section) => section !== null).slice(0, clientViewLimits.sections),
  };
}

/**
 * Trimmed text no longer than `max` UTF-16 units (the schema's measure): longer text is cut
 * and ends in "…", never in half a surrogate pair.
 */
export function fit(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  let cut = max - 1;
  const last = trimmed.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${trimmed.slice(0, cut).trimEnd()}…`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

import { format, isValid, parseISO } from 'date-fns';
import type { Assignment } from './assignment';
import { clientWordingOf, servedGoalWords } from './assignment-wording';
import { initialsOf } from './client';
import { clinicalWordIn } from './client-facing-template';
import type { Goal } from './goal';
import { ladderStepIndex } from './ladder';
import { planSentence } from './practice-plan';
import { expectedPractice } from './practice-schedule';
import type { HandoutNaming, PracticeWording } from './preferences';
import type { Session } from './session';
import type { TrackerField } from './template';

/**
 * What the printed documents a client takes home may say: the handout of an assignment, its
 * tracker on its own, and the summary of a session. Pure models, computed from the client-facing
 * fields only, taken in by name (an allow-list): the documents in `src-renderer/documents/` lay
 * out these words and nothing else, so whatever is not in a model cannot be printed.
 *
 * Never in a model: cautions, clinician notes, the clinical title, private notes, ids,
 * percentages, confidence or importance ratings, the reason a version replaced another, times
 * of saving. In **discreet** mode (a flatmate, a family fridge) the discreet title and wording,
 * and any text with a clinical word (`clinicalWordIn`, and anything starting "psych") is left
 * out, headers included; `leftOut` says what was, so the screen can say so before saving. File
 * name stems never hold a clinical word or any word of the client's name, in either mode.
 */

/** Who the document is from and for, as its header prints it ('' for a part left out). */
export type DocumentHeader = {
  practiceName: string;
  clinicianName: string;
  /** The client's first name or initials, by the setting ('' when none). */
  clientName: string;
};

/** An if-then plan: the barrier as the client put it, and what they will do then. */
export type IfThenPlan = { barrier: string; ifThen: string };

/** What a tracker column records, as the kinds of `TrackerField`. */
export type TrackerColumn = TrackerField;

/** One day's row of a tracker grid. */
export type TrackerRow = {
  /** The local date, "YYYY-MM-DD". */
  date: string;
  /** The weekday, short: "Tue". */
  weekday: string;
  /** The ISO weekday: 1 is Monday, 7 is Sunday. */
  isoWeekday: number;
  /** The date, short: "1 Dec". */
  day: string;
  /** How many times practice is planned that day (0: a free day; the row is there anyway). */
  timesPlanned: number;
};

/** The tracker grid: a row per day until the review-by date, a column per chosen field. */
export type TrackerGrid = {
  heading: string;
  /** One line under the heading, saying how to use it. */
  intro: string;
  columns: TrackerColumn[];
  rows: TrackerRow[];
  /** Whether planned days are set apart (shaded): only when some days are planned and some not. */
  marksPlanned: boolean;
  /** When the grid stops short of the review-by date (it runs at most `TRACKER_MAX_DAYS`). */
  continuesAfter: string;
};

/** A heading with the paragraphs under it. */
export type TextSection = { heading: string; text: string };

/** A heading with a list under it. */
export type ListSection = { heading: string; items: string[] };

/** Everything a printed handout of one assignment may show, in the order it is printed. */
export type HandoutModel = {
  /** A default file name without extension: no clinical word and no name, in either mode. */
  fileNameStem: string;
  header: DocumentHeader;
  /** What the client calls the week's practice: "Practice" or "This week’s plan". */
  eyebrow: string;
  title: string;
  /** "Tuesday 1 December to Monday 7 December 2026" ('' when the dates are not dates). */
  dates: string;
  /** Why it matters: the client's words, the goals it serves, how it helps. */
  why: { heading: string; words: string; goals: string[]; howItHelps: string } | null;
  steps: ListSection | null;
  /** "My plan": the implementation intention as one sentence, and what goes with it. */
  plan: {
    heading: string;
    sentence: string;
    howMuch: string;
    thisWeeksStep: string;
    reminder: string;
  } | null;
  smallest: TextSection | null;
  /** If-then plans and the backup plan. */
  ifThen: { heading: string; plans: IfThenPlan[]; backupHeading: string; backup: string } | null;
  tracker: TrackerGrid | null;
  worksheet: { heading: string; intro: string; prompts: string[] } | null;
  /** "We meet again on Tuesday 8 December 2026." ('' when there is no next meeting). */
  nextMeeting: string;
  /** What discreet wording left out, in words for the screen (never printed). */
  leftOut: string[];
};

/** What a handout is made from. */
export type HandoutInput = {
  assignment: Assignment;
  /** The client's goals (others' are never read), for the words of goals the assignment serves. */
  goals: readonly Goal[];
  clientName: string;
  nameOnHandout: HandoutNaming;
  practiceName: string;
  clinicianName: string;
  wording: PracticeWording;
  discreet: boolean;
  /** The next session's date, "YYYY-MM-DD", or null. */
  nextSessionOn: string | null;
  /** The template's worksheet prompts, plain (discreet mode uses the discreet wording's). */
  worksheetPrompts: readonly string[];
};

/** The most days a tracker grid runs: twelve weeks (a longer plan continues on a new sheet). */
export const TRACKER_MAX_DAYS = 84;

/** The section headings, so documents and tests refer to the same words. */
export const handoutHeadings = {
  why: 'Why it matters',
  steps: 'What to do',
  plan: 'My plan',
  smallest: 'The smallest version that still counts',
  ifThen: 'If something gets in the way',
  backup: 'On a hard day',
  tracker: 'Keeping track',
  worksheet: 'Room to think it through',
  summary: 'What we talked about',
} as const;

/** What the client calls the week's practice, by the vault's setting. */
const practiceNames: Record<PracticeWording, { name: string; thisWeek: string }> = {
  practice: { name: 'Practice', thisWeek: 'This week’s practice' },
  'this-weeks-plan': { name: 'This week’s plan', thisWeek: 'This week’s plan' },
};

/** A tracker column's heading when the chosen one cannot be shown (discreet mode). */
const plainColumnLabels: Record<TrackerField['kind'], string> = {
  'yes-no': 'Done',
  count: 'How many',
  minutes: 'Minutes',
  'rating-0-10': 'Rating 0–10',
  'short-text': 'Notes',
  'time-of-day': 'Time',
};

/** The columns of a tracker printed on its own when the client chose none. */
const defaultTrackerColumns: TrackerColumn[] = [
  { label: 'Done', kind: 'yes-no' },
  { label: 'Notes', kind: 'short-text' },
];

// ---------------------------------------------------------------------------------------------
// The handout

/**
 * The handout of an assignment: header, title, why it matters, what to do, my plan, the
 * smallest version, if-then plans and the backup plan, the tracker grid (a row per day from the
 * start to the review-by date, a column per chosen tracker field; none when none was chosen),
 * worksheet prompts and the next meeting's date. A part with nothing to say is null, so the
 * document prints no empty heading.
 */
export function handoutOf(input: HandoutInput): HandoutModel {
  const { assignment } = input;
  const shown = new Shown(input.discreet);
  const words = practiceNames[input.wording] ?? practiceNames.practice;
  const title = titleOf(assignment, input.discreet, shown) || words.name;
  const wording = clientWordingOf(assignment, input.discreet, revealsTherapy);

  const why = {
    heading: handoutHeadings.why,
    words: shown.paragraphs(assignment.whyItMatters, 'why it matters, in the client’s words'),
    goals: shown.list(servedGoalWords(assignment, input.goals), 'a goal'),
    howItHelps: shown.paragraphs(wording.purpose, 'how it helps'),
  };
  const steps = shown.list(wording.steps, 'a step');
  const plan = {
    heading: handoutHeadings.plan,
    sentence: planOf(assignment, shown),
    howMuch: shown.line(assignment.dose?.label ?? '', 'how much'),
    thisWeeksStep: shown.line(thisWeeksStep(assignment), 'this week’s step'),
    reminder: shown.line(assignment.reminderPlace, 'where the reminder lives'),
  };
  const smallest = shown.text(wording.minimum, 'the smallest version');
  const plans = wording.barriers
    .map((barrier) => ({
      barrier: shown.line(barrier.barrier, 'a barrier'),
      ifThen: shown.line(barrier.ifThen, 'an if-then plan'),
    }))
    .filter((planned) => planned.ifThen !== '');
  const backup = shown.paragraphs(assignment.backupPlan, 'the backup plan');
  const prompts = shown.list(worksheetPromptsOf(input), 'a worksheet prompt');

  return {
    fileNameStem: fileNameStem(title, assignment.startsOn, input),
    header: headerOf(input, shown),
    eyebrow: words.name,
    title,
    dates: dateRange(assignment.startsOn, assignment.reviewBy),
    why: why.words || why.goals.length > 0 || why.howItHelps ? why : null,
    steps: steps.length > 0 ? { heading: handoutHeadings.steps, items: steps } : null,
    plan: plan.sentence || plan.howMuch || plan.thisWeeksStep || plan.reminder ? plan : null,
    smallest: smallest ? { heading: handoutHeadings.smallest, text: smallest } : null,
    ifThen:
      plans.length > 0 || backup
        ? { heading: handoutHeadings.ifThen, plans, backupHeading: handoutHeadings.backup, backup }
        : null,
    tracker: trackerGridOf(assignment, assignment.trackerFields, shown),
    worksheet:
      prompts.length > 0
        ? {
            heading: handoutHeadings.worksheet,
            intro: 'Jot down whatever comes. There are no right answers.',
            prompts,
          }
        : null,
    nextMeeting: nextMeeting(input.nextSessionOn),
    leftOut: shown.leftOut,
  };
}

/** Every text a handout prints from its model (for font checks and tests). */
export function handoutTexts(model: HandoutModel): string[] {
  return [
    ...headerTexts(model.header),
    model.eyebrow,
    model.title,
    model.dates,
    ...(model.why
      ? [model.why.heading, model.why.words, ...model.why.goals, model.why.howItHelps]
      : []),
    ...(model.steps ? [model.steps.heading, ...model.steps.items] : []),
    ...(model.plan
      ? [
          model.plan.heading,
          model.plan.sentence,
          model.plan.howMuch,
          model.plan.thisWeeksStep,
          model.plan.reminder,
        ]
      : []),
    ...(model.smallest ? [model.smallest.heading, model.smallest.text] : []),
    ...(model.ifThen
      ? [
          model.ifThen.heading,
          ...model.ifThen.plans.flatMap((plan) => [plan.barrier, plan.ifThen]),
          model.ifThen.backupHeading,
          model.ifThen.backup,
        ]
      : []),
    ...(model.tracker ? trackerTexts(model.tracker) : []),
    ...(model.worksheet
      ? [model.worksheet.heading, model.worksheet.intro, ...model.worksheet.prompts]
      : []),
    model.nextMeeting,
  ].filter((text) => text !== '');
}

// ---------------------------------------------------------------------------------------------
// The tracker on its own

/** A tracker printed on its own: who it is for, the plan in brief, and the grid. */
export type TrackerModel = {
  fileNameStem: string;
  header: DocumentHeader;
  eyebrow: string;
  title: string;
  dates: string;
  /** The plan sentence, as a reminder above the grid ('' when there is none). */
  plan: string;
  /** The smallest version that still counts ('' when there is none). */
  smallest: string;
  tracker: TrackerGrid;
  nextMeeting: string;
  leftOut: string[];
};

/** What a tracker is made from: a handout's input without the goals and worksheet prompts. */
export type TrackerInput = Omit<HandoutInput, 'goals' | 'worksheetPrompts'>;

/**
 * The tracker of an assignment on its own: the title, the plan sentence and the smallest
 * version as reminders, and the grid — with the client's chosen columns, or "Done" and
 * "Notes" when they chose none (a tracker asked for on its own always has columns).
 */
export function trackerOf(input: TrackerInput): TrackerModel {
  const { assignment } = input;
  const shown = new Shown(input.discreet);
  const words = practiceNames[input.wording] ?? practiceNames.practice;
  const title = titleOf(assignment, input.discreet, shown) || words.name;
  const wording = clientWordingOf(assignment, input.discreet, revealsTherapy);
  const columns =
    assignment.trackerFields.length > 0 ? assignment.trackerFields : defaultTrackerColumns;
  const tracker = trackerGridOf(assignment, columns, shown) ?? {
    ...emptyGrid(),
    columns: defaultTrackerColumns,
  };
  return {
    fileNameStem: fileNameStem(`${title} tracker`, assignment.startsOn, input, 'Tracker'),
    header: headerOf(input, shown),
    eyebrow: words.name,
    title,
    dates: dateRange(assignment.startsOn, assignment.reviewBy),
    plan: planOf(assignment, shown),
    smallest: shown.text(wording.minimum, 'the smallest version'),
    tracker,
    nextMeeting: nextMeeting(input.nextSessionOn),
    leftOut: shown.leftOut,
  };
}

/** Every text a tracker prints from its model. */
export function trackerTexts(grid: TrackerGrid): string[] {
  return [
    grid.heading,
    grid.intro,
    ...grid.columns.map((column) => column.label),
    ...grid.rows.flatMap((row) => [row.weekday, row.day]),
    grid.continuesAfter,
  ].filter((text) => text !== '');
}

/** Every text a tracker document prints from its model. */
export function trackerModelTexts(model: TrackerModel): string[] {
  return [
    ...headerTexts(model.header),
    model.eyebrow,
    model.title,
    model.dates,
    model.plan,
    model.smallest,
    ...trackerTexts(model.tracker),
    model.nextMeeting,
  ].filter((text) => text !== '');
}

// ---------------------------------------------------------------------------------------------
// The session summary

/** One piece of practice agreed in a session, as the summary lists it. */
export type AgreedPractice = { title: string; plan: string; smallest: string };

/** The client-facing summary of a session and the practice agreed in it. */
export type SessionSummaryModel = {
  fileNameStem: string;
  header: DocumentHeader;
  eyebrow: string;
  title: string;
  /** The session's date, "Tuesday 1 December 2026". */
  date: string;
  /** The summary written for the client, as typed (paragraphs split by blank lines). */
  summary: TextSection | null;
  practice: { heading: string; items: AgreedPractice[] } | null;
  nextMeeting: string;
  leftOut: string[];
};

/** What a session summary is made from. */
export type SessionSummaryInput = {
  session: Session;
  /** The assignments to look the session's up in (another client's are never read). */
  assignments: readonly Assignment[];
  clientName: string;
  nameOnHandout: HandoutNaming;
  practiceName: string;
  clinicianName: string;
  wording: PracticeWording;
  discreet: boolean;
  nextSessionOn: string | null;
};

/** Statuses of practice that was agreed and still stands (a draft was never agreed). */
const agreedStatuses = new Set<Assignment['status']>(['active', 'paused', 'completed']);

/**
 * The session summary: the summary written for the client (never the private notes) and the
 * practice agreed in the session — each with its title, plan sentence and smallest version —
 * in the session's order. Only this client's assignments that were agreed are listed.
 */
export function sessionSummaryOf(input: SessionSummaryInput): SessionSummaryModel {
  const { session } = input;
  const shown = new Shown(input.discreet);
  const words = practiceNames[input.wording] ?? practiceNames.practice;
  const byId = new Map(
    input.assignments
      .filter((assignment) => assignment.clientId === session.clientId)
      .map((assignment) => [assignment.id, assignment]),
  );
  const items = [...new Set(session.assignmentIds)]
    .map((id) => byId.get(id))
    .filter(
      (assignment): assignment is Assignment =>
        assignment !== undefined && agreedStatuses.has(assignment.status),
    )
    .map((assignment): AgreedPractice => {
      const wording = clientWordingOf(assignment, input.discreet, revealsTherapy);
      return {
        title: titleOf(assignment, input.discreet, shown) || words.name,
        plan: planOf(assignment, shown),
        smallest: shown.text(wording.minimum, 'the smallest version'),
      };
    });
  const summary = shown.paragraphs(session.summaryForClient, 'a paragraph of the summary');
  const date = localDateOf(session.startsAt);
  return {
    fileNameStem: fileNameStem('Summary', date, input, 'Summary'),
    header: headerOf(input, shown),
    eyebrow: 'Summary',
    title: 'Looking back on today',
    date: longDate(date),
    summary: summary ? { heading: handoutHeadings.summary, text: summary } : null,
    practice: items.length > 0 ? { heading: words.thisWeek, items } : null,
    nextMeeting: nextMeeting(input.nextSessionOn),
    leftOut: shown.leftOut,
  };
}

/** Every text a session summary prints from its model. */
export function sessionSummaryTexts(model: SessionSummaryModel): string[] {
  return [
    ...headerTexts(model.header),
    model.eyebrow,
    model.title,
    model.date,
    ...(model.summary ? [model.summary.heading, model.summary.text] : []),
    ...(model.practice
      ? [
          model.practice.heading,
          ...model.practice.items.flatMap((item) => [item.title, item.plan, item.smallest]),
        ]
      : []),
    model.nextMeeting,
  ].filter((text) => text !== '');
}

// ---------------------------------------------------------------------------------------------
// Shared parts

/** The one-line header texts. */
function headerTexts(header: DocumentHeader): string[] {
  return [header.practiceName, header.clinicianName, header.clientName];
}

/**
 * Whether a text reveals therapy: a clinical word or therapy name (`clinicalWordIn`), or a word
 * starting "psych" (psychology, psychiatry, psychological…), which the list leaves to this.
 */
export function revealsTherapy(text: string): boolean {
  return clinicalWordIn(text) !== null || /(?<![\p{L}\p{N}])psych/iu.test(text);
}

/**
 * What may be shown, in the chosen mode: text trimmed, with control characters a page cannot
 * hold taken out; in discreet mode, a text that reveals therapy is left out and noted.
 */
class Shown {
  readonly leftOut: string[] = [];
  constructor(private readonly discreet: boolean) {}

  /** Free text (line breaks kept, at most one blank line between paragraphs). */
  text(text: string, what: string): string {
    const cleaned = cleanText(text);
    if (cleaned === '' || !this.discreet || !revealsTherapy(cleaned)) return cleaned;
    this.leftOut.push(what);
    return '';
  }

  /** One line (line breaks become spaces). */
  line(text: string, what: string): string {
    return this.text(text.replace(/\s*\n\s*/gu, ' '), what);
  }

  /** Each line of a list that may be shown, empty ones dropped. */
  list(texts: readonly string[], what: string): string[] {
    return texts.map((text) => this.line(text, what)).filter((text) => text !== '');
  }

  /** Free text with any paragraph that may not be shown left out. */
  paragraphs(text: string, what: string): string {
    return cleanText(text)
      .split(/\n\s*\n/u)
      .map((paragraph) => this.text(paragraph, what))
      .filter((paragraph) => paragraph !== '')
      .join('\n\n');
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what is removed: a page cannot print them.
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/gu;

/** Text composed (NFC), without control characters, trimmed, blank lines kept to one. */
function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/gu, '\n')
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/[ \t]+\n/gu, '\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** The header: practice and clinician (discreet: unless they reveal therapy), and the name. */
function headerOf(
  input: Pick<
    HandoutInput,
    'practiceName' | 'clinicianName' | 'clientName' | 'nameOnHandout' | 'discreet'
  >,
  shown: Shown,
): DocumentHeader {
  return {
    practiceName: shown.line(input.practiceName, 'the practice’s name'),
    clinicianName: shown.line(input.clinicianName, 'the clinician’s name'),
    clientName: nameOf(input.clientName, input.nameOnHandout),
  };
}

/** The client's first name or initials, by the setting. */
export function nameOf(clientName: string, setting: HandoutNaming): string {
  const name = cleanText(clientName).replace(/\s+/gu, ' ');
  if (setting === 'first-name') return name.split(' ')[0] ?? '';
  if (setting === 'initials') return initialsOf(name);
  return '';
}

/** The title the client sees: plain, or discreet ('' when it may not be shown). */
function titleOf(assignment: Assignment, discreet: boolean, shown: Shown): string {
  return shown.line(discreet ? assignment.discreetTitle : assignment.title, 'the title');
}

/** The plan sentence, from the parts that may be shown. */
function planOf(assignment: Assignment, shown: Shown): string {
  const { plan, days } = assignment;
  const sentence = planSentence(
    {
      what: shown.line(plan.what, 'what the plan says to do'),
      time: plan.time,
      cue: shown.line(plan.cue, 'when the plan happens'),
      where: shown.line(plan.where, 'where the plan happens'),
    },
    days,
  );
  return shown.line(sentence, 'the plan');
}

/** This week's ladder step, when the assignment has a ladder. */
function thisWeeksStep(assignment: Assignment): string {
  const index = ladderStepIndex(assignment.ladder, assignment.ladderStep);
  return index === null ? '' : (assignment.ladder[index]?.step ?? '');
}

/** The worksheet prompts in the chosen wording. */
function worksheetPromptsOf(input: HandoutInput): readonly string[] {
  const discreetPrompts = input.discreet
    ? input.assignment.discreetWording?.worksheetPrompts
    : undefined;
  return discreetPrompts ?? input.worksheetPrompts;
}

/** An empty grid, for a tracker whose dates are not dates. */
function emptyGrid(): TrackerGrid {
  return {
    heading: handoutHeadings.tracker,
    intro: '',
    columns: [],
    rows: [],
    marksPlanned: false,
    continuesAfter: '',
  };
}

/**
 * The tracker grid: a row per day from the start to the review-by date (at most
 * `TRACKER_MAX_DAYS`), each with how many times practice is planned that day
 * (`expectedPractice`), and the columns given — in discreet mode a column whose label reveals
 * therapy is headed by its kind instead ("Done", "Minutes"). Null with no columns.
 */
function trackerGridOf(
  assignment: Assignment,
  fields: readonly TrackerField[],
  shown: Shown,
): TrackerGrid | null {
  if (fields.length === 0) return null;
  const columns = fields.map((field) => ({
    kind: field.kind,
    label: shown.line(field.label, 'a tracker column’s name') || plainColumnLabels[field.kind],
  }));
  const days = expectedPractice({
    dose: assignment.dose?.dose ?? null,
    days: assignment.days,
    startsOn: assignment.startsOn,
    until: assignment.reviewBy,
  });
  const rows = days.slice(0, TRACKER_MAX_DAYS).map((day) => {
    const date = parseISO(day.date);
    return {
      date: day.date,
      weekday: format(date, 'EEE'),
      isoWeekday: day.weekday,
      day: format(date, 'd MMM'),
      timesPlanned: day.times,
    };
  });
  const last = rows.at(-1);
  const planned = rows.filter((row) => row.timesPlanned > 0).length;
  const marksPlanned = planned > 0 && planned < rows.length;
  return {
    heading: handoutHeadings.tracker,
    intro: marksPlanned
      ? 'A mark for each time you practise. Shaded days are the ones you planned; any day counts.'
      : 'A mark for each time you practise. Any day counts.',
    columns,
    rows,
    marksPlanned,
    continuesAfter:
      days.length > TRACKER_MAX_DAYS && last
        ? `After ${longDate(last.date)}, carry on on a fresh sheet.`
        : '',
  };
}

/** A "YYYY-MM-DD" date as a Date, or null when it is not a real date. */
function dateOf(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(text)) return null;
  const date = parseISO(text);
  return isValid(date) && format(date, 'yyyy-MM-dd') === text ? date : null;
}

/** "Tuesday 1 December 2026" ('' when it is not a date). */
function longDate(text: string): string {
  const date = dateOf(text);
  return date ? format(date, 'EEEE d MMMM yyyy') : '';
}

/** "Tuesday 1 December to Monday 7 December 2026" (years both shown when they differ). */
function dateRange(from: string, to: string): string {
  const start = dateOf(from);
  const end = dateOf(to);
  if (!start || !end) return '';
  if (from === to) return format(start, 'EEEE d MMMM yyyy');
  const sameYear = start.getFullYear() === end.getFullYear();
  return `${format(start, sameYear ? 'EEEE d MMMM' : 'EEEE d MMMM yyyy')} to ${format(end, 'EEEE d MMMM yyyy')}`;
}

/** "We meet again on Tuesday 8 December 2026." ('' with no date). */
function nextMeeting(date: string | null): string {
  const when = date === null ? '' : longDate(date);
  return when ? `We meet again on ${when}.` : '';
}

/** The local calendar date of an ISO moment, "YYYY-MM-DD" ('' when it is not one). */
function localDateOf(moment: string): string {
  const date = new Date(moment);
  return Number.isNaN(date.getTime()) ? '' : format(date, 'yyyy-MM-dd');
}

/** Text as names are compared: composed and lower-cased. */
function folded(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Whether `text` holds a word of `name` (three letters or more) or the whole name. */
function holdsName(text: string, name: string): boolean {
  const whole = folded(name).trim().replace(/\s+/gu, ' ');
  const parts = whole.split(/[^\p{L}\p{M}\p{N}]+/u).filter((word) => [...word].length >= 3);
  const haystack = folded(text);
  return [whole, ...parts]
    .filter((word) => word !== '')
    .some((word) => {
      let from = haystack.indexOf(word);
      while (from >= 0) {
        const before = haystack.slice(0, from).at(-1) ?? ' ';
        const after = haystack.charAt(from + word.length) || ' ';
        if (!/[\p{L}\p{M}\p{N}]/u.test(before) && !/[\p{L}\p{M}\p{N}]/u.test(after)) return true;
        from = haystack.indexOf(word, from + 1);
      }
      return false;
    });
}

/** Characters file systems refuse or read specially, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what is removed from file names.
const NOT_IN_FILE_NAMES = /[\u0000-\u001F\u007F-\u009F/\\:*?"<>|]/gu;

/**
 * A default file name stem: "<what> – 1 Dec 2026" (the date its practice starts, or the
 * session's). The title is used only when it holds no clinical word and no word of the client's
 * name, in either mode; otherwise `fallback`, or what the client calls practice.
 */
function fileNameStem(
  what: string,
  date: string,
  input: Pick<HandoutInput, 'clientName' | 'wording'>,
  fallback?: string,
): string {
  const words = practiceNames[input.wording] ?? practiceNames.practice;
  const safe = (text: string) =>
    text
      .normalize('NFC')
      .replace(NOT_IN_FILE_NAMES, ' ')
      .replace(/\s+/gu, ' ')
      .replace(/^[\s.]+|[\s.]+$/gu, '');
  const title = safe(what).slice(0, 60).trim();
  const usable = title !== '' && !revealsTherapy(title) && !holdsName(title, input.clientName);
  const day = dateOf(date);
  const when = day ? ` – ${format(day, 'd MMM yyyy')}` : '';
  return `${usable ? title : (fallback ?? words.name)}${when}`;
}

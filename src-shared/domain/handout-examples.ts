import type { Assignment } from './assignment';
import type { Goal } from './goal';
import type { HandoutInput, SessionSummaryInput } from './handout';
import type { Session } from './session';

/**
 * A worked example of everything a handout can hold, for the documents' tests, sample files
 * and previews: one client, one full assignment set in one session. Every field a handout must
 * never print (cautions, the clinical title, private notes, ratings) is filled too, with text
 * that says so, so a check can look for it.
 */

const at = '2026-12-01T10:00:00.000Z';
const id = (n: number) => `example${String(n).padStart(15, '0')}`;

/** The example client's id, and a second client's (whose goals must never be read). */
export const exampleIds = { client: id(1), otherClient: id(2), session: id(3) } as const;

/** Text planted in the fields no document may print, to look for in what was printed. */
export const neverPrinted = {
  caution: 'CAUTION-Check heart condition before brisk walking',
  clinicalTitle: 'CLINICAL-Behavioural activation schedule',
  privateNotes: 'PRIVATE-Mentioned a hard week at work and poor sleep',
  replacedBecause: 'REPLACED-Too ambitious last time',
  otherClientGoal: 'OTHER-Someone else’s goal',
} as const;

/** The example client's goals (and one of another client, never to be printed). */
export const exampleGoals: Goal[] = [
  {
    id: id(10),
    clientId: exampleIds.client,
    clientWords: 'Have more energy for the kids after work',
    whyItMatters: 'I miss playing with them.',
    status: 'active',
    createdAt: at,
    updatedAt: at,
  },
  {
    id: id(11),
    clientId: exampleIds.otherClient,
    clientWords: neverPrinted.otherClientGoal,
    whyItMatters: '',
    status: 'active',
    createdAt: at,
    updatedAt: at,
  },
];

/** A full assignment: every client-facing field filled, and every therapist-only one too. */
export const exampleAssignment: Assignment = {
  id: id(20),
  clientId: exampleIds.client,
  sessionId: exampleIds.session,
  template: { templateId: 'behavioural-activation-pleasant-activity', version: 1 },
  clinicalTitle: neverPrinted.clinicalTitle,
  title: 'An evening walk, three times a week',
  discreetTitle: 'Evening walks',
  purpose:
    'Doing small things that matter to you, even before you feel like it, tends to lift energy and mood a little at a time. Noticing how you feel before and after helps us see what works for you.',
  whyItMatters:
    'When I walk I sleep better and I’m less snappy with the kids. I want evenings to feel like mine again.',
  whatFeelsDoable: 'Round the block, not the whole park.',
  goals: [{ goalId: id(10), words: '' }],
  noGoalBecause: '',
  steps: [
    'Put your shoes and jacket by the door before dinner.',
    'After dinner, step outside and walk round the block — ten minutes is plenty.',
    'When you get back, note how you feel, from 0 to 10, and tick the day.',
  ],
  doseOptions: [
    { label: 'Three times a week, 10 minutes', dose: { kind: 'per-week', timesPerWeek: 3 } },
    { label: 'Daily, 5 minutes', dose: { kind: 'per-week', timesPerWeek: 7 } },
  ],
  dose: {
    label: 'Three times a week, about 10 minutes',
    dose: { kind: 'per-week', timesPerWeek: 3, minutes: 10 },
  },
  minimum: {
    label: 'Step outside the front door for two minutes.',
    dose: { kind: 'per-week', timesPerWeek: 1, minutes: 2 },
  },
  days: [1, 3, 6],
  plan: { what: 'walk round the block', time: '19:30', cue: 'after dinner', where: 'near home' },
  ladder: [],
  ladderStep: null,
  trackerFields: [
    { label: 'Walked', kind: 'yes-no' },
    { label: 'Minutes', kind: 'minutes' },
    { label: 'Mood after (0–10)', kind: 'rating-0-10' },
  ],
  barriers: [
    {
      kind: 'low-energy-or-mood',
      barrier: 'Too tired after work',
      ifThen: 'If I’m too tired, then I’ll do the two-minute version at the door.',
    },
    {
      kind: 'other',
      barrier: 'Rain',
      ifThen: 'If it’s raining, then I’ll walk the corridor and stairs instead.',
    },
  ],
  backupPlan: 'If the week goes sideways, one walk on Saturday morning still counts.',
  confidenceBefore: 6,
  confidenceAfter: 8,
  importance: 9,
  materials: 'Handout and tracker',
  reminderPlace: 'Sticky note on the fridge',
  cautions: [neverPrinted.caution],
  cautionsAcknowledgedAt: at,
  discreetWording: {
    purpose: 'Small things that matter to you can lift your energy a little at a time.',
    worksheetPrompts: [
      'What did you notice before you set off?',
      'What did you notice when you got back?',
    ],
  },
  status: 'active',
  replaces: { assignmentId: id(19), reason: neverPrinted.replacedBecause },
  startsOn: '2026-12-01',
  reviewBy: '2026-12-08',
  builderStep: 3,
  revision: 4,
  createdAt: at,
  updatedAt: at,
};

/** The session the example assignment was set in. */
export const exampleSession: Session = {
  id: exampleIds.session,
  clientId: exampleIds.client,
  startsAt: '2026-12-01T12:00:00.000Z',
  durationMinutes: 50,
  status: 'held',
  reviewItems: [],
  topics: ['How the week went', 'Evenings'],
  assignmentIds: [exampleAssignment.id],
  summaryForClient:
    'We talked about how evenings have felt heavy since the autumn, and how the days you went outside felt a little lighter.\n\nWe agreed to try short walks after dinner, starting small, and to notice how you feel afterwards.',
  privateNotes: neverPrinted.privateNotes,
  reviewedFirst: true,
  revision: 2,
  createdAt: at,
  updatedAt: at,
};

/** A handout input for the example: first name shown, plain wording. */
export const exampleHandoutInput: HandoutInput = {
  assignment: exampleAssignment,
  goals: exampleGoals,
  clientName: 'Jonas Ødegård',
  nameOnHandout: 'first-name',
  practiceName: 'Riverside Practice',
  clinicianName: 'Anna Berg',
  wording: 'practice',
  discreet: false,
  nextSessionOn: '2026-12-08',
  worksheetPrompts: [
    'What did you notice in your body before the walk?',
    'What did you notice afterwards — in your body, your thoughts, your mood?',
    'What made it easier or harder this time?',
  ],
};

/** A session summary input for the example. */
export const exampleSessionSummaryInput: SessionSummaryInput = {
  session: exampleSession,
  assignments: [exampleAssignment],
  clientName: 'Jonas Ødegård',
  nameOnHandout: 'first-name',
  practiceName: 'Riverside Practice',
  clinicianName: 'Anna Berg',
  wording: 'practice',
  discreet: false,
  nextSessionOn: '2026-12-08',
};

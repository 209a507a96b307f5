import { describe, expect, it } from 'vitest';
import { clientViewSnapshotSchema } from '../ipc/window';
import type { Assignment } from './assignment';
import type { Client } from './client';
import { clinicalWordIn } from './client-facing-template';
import {
  type BuilderScreenState,
  builderClientView,
  fit,
  handoutClientView,
  sessionClientView,
  type SessionScreenState,
} from './client-view-projection';
import type { Goal } from './goal';
import { handoutOf } from './handout';
import { exampleHandoutInput, neverPrinted } from './handout-examples';
import type { Session } from './session';

/**
 * Example tests of the client view's projection, one screen at a time. The property tests in
 * client-view-projection.property.test.ts plant forbidden text everywhere and check none of it
 * ever comes out.
 */

const id = (n: number) => `${String(n).padStart(2, '0')}${'x'.repeat(20)}`;
const CLIENT_ID = id(1);
const OTHER_ID = id(2);
const AT = '2025-03-04T10:00:00.000Z';

const client: Client = {
  id: CLIENT_ID,
  name: 'Jonas Ødegård',
  status: 'active',
  privateNotes: 'Private: mentioned a hard week at work.',
  createdAt: AT,
  statusChangedAt: AT,
};

const otherClient: Client = { ...client, id: OTHER_ID, name: 'Maria Silva' };

const goal = (n: number, clientId: string, clientWords: string): Goal => ({
  id: id(n),
  clientId,
  clientWords,
  whyItMatters: 'So I can see friends again.',
  status: 'active',
  createdAt: AT,
  updatedAt: AT,
});

const blankAssignment: Assignment = {
  id: id(10),
  clientId: CLIENT_ID,
  sessionId: null,
  template: null,
  clinicalTitle: '',
  title: 'Evening walk',
  discreetTitle: 'Evening walk',
  purpose: '',
  whyItMatters: '',
  whatFeelsDoable: '',
  goals: [],
  noGoalBecause: '',
  steps: [],
  doseOptions: [],
  dose: null,
  minimum: { label: '', dose: null },
  days: [],
  plan: { what: '', time: null, cue: '', where: '' },
  ladder: [],
  ladderStep: null,
  trackerFields: [],
  barriers: [],
  backupPlan: '',
  confidenceBefore: null,
  confidenceAfter: null,
  importance: null,
  materials: '',
  reminderPlace: '',
  cautions: [],
  cautionsAcknowledgedAt: null,
  discreetWording: null,
  status: 'draft',
  replaces: null,
  startsOn: '2025-03-04',
  reviewBy: '2025-03-11',
  builderStep: 0,
  revision: 0,
  createdAt: AT,
  updatedAt: AT,
};

/** A filled-in assignment from a template, as the builder holds it near the end. */
const assignment: Assignment = {
  ...blankAssignment,
  template: { templateId: 'graded-exposure-leaving-the-house', version: 2 },
  clinicalTitle: 'Graded exposure: agoraphobia hierarchy',
  title: 'Getting used to going out',
  discreetTitle: 'Getting out and about',
  purpose: 'Facing a feared place a little at a time helps it feel safer. Your therapist helps.',
  whyItMatters: 'I want to take my daughter to the park.',
  whatFeelsDoable: 'Going as far as the gate.',
  goals: [
    { goalId: id(20), words: 'Get back to Sunday football' },
    { goalId: id(21), words: '' },
    { goalId: id(22), words: '' },
  ],
  steps: ['Pick the step for today.', 'Stay until the worry drops a little.'],
  doseOptions: [
    { label: 'Three times a week', dose: { kind: 'per-week', timesPerWeek: 3 } },
    { label: 'Daily, 10 minutes', dose: { kind: 'per-week', timesPerWeek: 7, minutes: 10 } },
  ],
  dose: { label: 'Three times a week', dose: { kind: 'per-week', timesPerWeek: 3 } },
  minimum: { label: 'Open the front door for one minute.', dose: null },
  days: [5, 1, 3],
  plan: { what: 'walk to the gate', time: '18:30', cue: 'after dinner', where: 'our street' },
  ladder: [
    { step: 'Open the front door' },
    { step: 'Walk to the gate' },
    { step: 'Walk to the shop' },
  ],
  ladderStep: 1,
  trackerFields: [
    { label: 'Worry before', kind: 'rating-0-10' },
    { label: 'Minutes out', kind: 'minutes' },
  ],
  barriers: [
    {
      kind: 'feelings-or-avoidance',
      barrier: 'I feel too anxious',
      ifThen: 'If I feel too anxious, then I will tell my therapist and do the first step.',
    },
    { kind: 'forgot', barrier: '', ifThen: 'If I forget, then I will go after breakfast.' },
  ],
  backupPlan: 'Open the door and breathe for one minute.',
  confidenceBefore: 6,
  confidenceAfter: 8,
  importance: 9,
  materials: 'The handout and the tracker.',
  reminderPlace: 'A sticky note on the kettle',
  cautions: ['Check for heart problems before exposure to body sensations.'],
  cautionsAcknowledgedAt: AT,
  discreetWording: {
    purpose: 'Going a little further each time helps it feel easier.',
    steps: ['Pick where to go today.', 'Stay a little while.'],
    minimumDose: 'Open the front door for a moment.',
    barriers: [
      {
        barrier: 'I feel too anxious',
        ifThen: 'If I feel too anxious, then I will do the first step only.',
      },
    ],
  },
};

function builderState(overrides: Partial<BuilderScreenState> = {}): BuilderScreenState {
  return {
    client,
    otherClients: [otherClient],
    session: null,
    goals: [
      goal(21, CLIENT_ID, 'Feel at ease in the supermarket'),
      goal(22, OTHER_ID, 'Maria’s goal: sleep through'),
    ],
    assignment,
    step: 0,
    wording: 'practice',
    discreet: false,
    clinicianNotes: 'Watch for safety behaviours.',
    ...overrides,
  };
}

/** The sections of a snapshot as heading → body, or heading → item texts (with details). */
function sectionsOf(snapshot: ReturnType<typeof builderClientView>) {
  return Object.fromEntries(
    snapshot.sections.map((section) => [
      section.heading,
      'body' in section
        ? section.body
        : section.items.map((entry) =>
            [entry.text, entry.detail, entry.tag && `[${entry.tag}]`].filter(Boolean).join(' — '),
          ),
    ]),
  );
}

describe('the builder on the client view', () => {
  it('step 0, why and what: the plain title, their words, the goals it serves, what it involves', () => {
    const view = builderClientView(builderState({ step: 0 }));
    expect(view.eyebrow).toBe('Practice · Why and what');
    expect(view.title).toBe('Getting used to going out');
    expect(sectionsOf(view)).toEqual({
      'Why it matters': 'I want to take my daughter to the park.',
      'What feels doable': 'Going as far as the gate.',
      // The words kept on the assignment, else this client's goal as it reads now; never the
      // other client's goal, even when its id is linked.
      'What it’s for': ['Get back to Sunday football', 'Feel at ease in the supermarket'],
      'How it helps':
        'Facing a feared place a little at a time helps it feel safer. Your therapist helps.',
      'What it involves': ['Pick the step for today.', 'Stay until the worry drops a little.'],
    });
  });

  it('step 0 in discreet mode: the discreet title and the discreet purpose and steps', () => {
    const view = builderClientView(
      builderState({ step: 0, discreet: true, wording: 'this-weeks-plan' }),
    );
    expect(view.eyebrow).toBe('This week’s plan · Why and what');
    expect(view.title).toBe('Getting out and about');
    expect(sectionsOf(view)['How it helps']).toBe(
      'Going a little further each time helps it feel easier.',
    );
    expect(sectionsOf(view)['What it involves']).toEqual([
      'Pick where to go today.',
      'Stay a little while.',
    ]);
    expect(JSON.stringify(view)).not.toContain('therapist');
  });

  it('step 1, start small: the chosen dose, the smallest version, the days, the ladder and the tracker', () => {
    const view = builderClientView(builderState({ step: 1 }));
    expect(view.eyebrow).toBe('Practice · Start small');
    expect(sectionsOf(view)).toEqual({
      'How much': 'Three times a week',
      'The smallest version that still counts': 'Open the front door for one minute.',
      'Which days': 'Monday, Wednesday and Friday',
      'Step by step': ['Open the front door', 'Walk to the gate — [This week]', 'Walk to the shop'],
      'What you’ll note': ['Worry before', 'Minutes out'],
    });
  });

  it('step 1 before a dose is chosen: the options to choose from; no tracker reads as nothing to write down', () => {
    const view = builderClientView(
      builderState({
        step: 1,
        assignment: { ...assignment, dose: null, trackerFields: [], days: [1, 2, 3, 4, 5, 6, 7] },
      }),
    );
    expect(sectionsOf(view)).toMatchObject({
      'Ways to do it': ['Three times a week', 'Daily, 10 minutes'],
      'Which days': 'Every day',
      'What you’ll note': 'Nothing to write down.',
    });
    expect(sectionsOf(view)).not.toHaveProperty('How much');
  });

  it('step 2, plan around barriers: the plan sentence, each barrier with its if-then, the backup', () => {
    const view = builderClientView(builderState({ step: 2 }));
    expect(view.eyebrow).toBe('Practice · Plan around barriers');
    expect(sectionsOf(view)).toEqual({
      'The plan':
        'I will walk to the gate on Monday, Wednesday and Friday at 18:30, after dinner, at our street.',
      'If something gets in the way': [
        'I feel too anxious — If I feel too anxious, then I will tell my therapist and do the first step.',
        // A barrier given only as a kind reads as the kind's plain words.
        'Forgetting — If I forget, then I will go after breakfast.',
      ],
      'On a hard day': 'Open the door and breathe for one minute.',
    });
  });

  it('step 2 in discreet mode: a barrier whose words reveal therapy takes the discreet wording', () => {
    const view = builderClientView(builderState({ step: 2, discreet: true }));
    expect(sectionsOf(view)['If something gets in the way']).toEqual([
      'I feel too anxious — If I feel too anxious, then I will do the first step only.',
      'Forgetting — If I forget, then I will go after breakfast.',
    ]);
  });

  it('step 3, commit: the read-back in their words, how sure they feel out of ten', () => {
    const view = builderClientView(builderState({ step: 3 }));
    expect(view.eyebrow).toBe('Practice · Commit');
    expect(sectionsOf(view)).toEqual({
      'The plan':
        'I will walk to the gate on Monday, Wednesday and Friday at 18:30, after dinner, at our street.',
      'The smallest version that still counts': 'Open the front door for one minute.',
      'If something gets in the way': [
        'If I feel too anxious, then I will tell my therapist and do the first step.',
        'If I forget, then I will go after breakfast.',
      ],
      'On a hard day': 'Open the door and breathe for one minute.',
      'How sure you feel': '8 out of 10',
      'Where the reminder lives': 'A sticky note on the kettle',
      'What you’ll take away': 'The handout and the tracker.',
    });
  });

  it('leaves out every section with nothing in it: no empty headings', () => {
    for (const step of [0, 2, 3] as const) {
      const view = builderClientView(builderState({ step, assignment: blankAssignment }));
      expect(view.sections).toEqual([]);
      expect(view.title).toBe('Evening walk');
    }
    // Step 1 says so when nothing is to be noted down; nothing else.
    expect(
      builderClientView(builderState({ step: 1, assignment: blankAssignment })).sections,
    ).toEqual([{ heading: 'What you’ll note', body: 'Nothing to write down.' }]);
  });

  it('falls back to the word for practice when discreet and there is no discreet title', () => {
    const view = builderClientView(
      builderState({ discreet: true, assignment: { ...assignment, discreetTitle: '' } }),
    );
    expect(view.title).toBe('Practice');
  });

  it('shows nothing of an assignment that is another client’s', () => {
    const view = builderClientView(
      builderState({ step: 3, assignment: { ...assignment, clientId: OTHER_ID } }),
    );
    expect(view).toEqual({ eyebrow: 'Practice · Commit', title: 'Practice', sections: [] });
  });

  it('never shows the clinical title, cautions, clinician notes, names, dates or percentages', () => {
    for (const step of [0, 1, 2, 3] as const) {
      for (const discreet of [false, true]) {
        const text = JSON.stringify(builderClientView(builderState({ step, discreet })));
        for (const forbidden of [
          'Graded exposure',
          'heart problems',
          'safety behaviours',
          'Jonas',
          'Maria',
          'Private',
          '2025',
          '%',
          'homework',
          'draft',
          id(10),
        ]) {
          expect(text).not.toContain(forbidden);
        }
      }
    }
  });

  it('shortens text that is too long for the client view, with an ellipsis', () => {
    const view = builderClientView(
      builderState({
        assignment: { ...assignment, whyItMatters: 'a'.repeat(5000), steps: ['s'.repeat(700)] },
      }),
    );
    const sections = sectionsOf(view);
    expect(sections['Why it matters']).toHaveLength(4000);
    expect(sections['Why it matters']).toMatch(/a…$/);
    expect((sections['What it involves'] as string[])[0]).toHaveLength(600);
    expect(clientViewSnapshotSchema.safeParse(view).success).toBe(true);
  });
});

describe('the session plan on the client view', () => {
  const lastWeek: Assignment = { ...assignment, id: id(30), status: 'active' };
  const otherClientsWork: Assignment = {
    ...assignment,
    id: id(31),
    clientId: OTHER_ID,
    title: 'Maria’s sleep diary',
  };
  const newOne: Assignment = {
    ...blankAssignment,
    id: id(32),
    title: 'Two kind words a day',
    discreetTitle: 'Two kind words',
  };
  const session: Session = {
    id: id(40),
    clientId: CLIENT_ID,
    startsAt: AT,
    durationMinutes: 50,
    status: 'planned',
    reviewItems: [
      {
        assignmentId: id(30),
        state: 'deferred',
        deferredBecause: 'Risk check took the time.',
        reviewId: null,
      },
      { assignmentId: id(31), state: 'to-review', deferredBecause: '', reviewId: null },
    ],
    topics: ['The wedding next month', 'Sleep'],
    assignmentIds: [id(32), id(31)],
    summaryForClient: 'We talked about small steps.',
    privateNotes: 'Private: consider a referral.',
    reviewedFirst: null,
    revision: 3,
    createdAt: AT,
    updatedAt: AT,
  };
  const state: SessionScreenState = {
    client,
    otherClients: [otherClient],
    session,
    assignments: [lastWeek, otherClientsWork, newOne],
    wording: 'practice',
    discreet: false,
  };

  it('is today’s agenda: looking back first, the topics, this week’s practice, the summary', () => {
    const view = sessionClientView(state);
    expect(view.title).toBe('Today');
    expect(sectionsOf(view)).toEqual({
      'Looking back at last week’s practice': ['Getting used to going out'],
      'What we’ll talk about': ['The wedding next month', 'Sleep'],
      'This week’s practice': ['Two kind words a day'],
      Summary: 'We talked about small steps.',
    });
    expect(view.sections.map((section) => section.heading)[0]).toBe(
      'Looking back at last week’s practice',
    );
  });

  it('uses the discreet titles and the chosen word for practice', () => {
    const view = sessionClientView({ ...state, discreet: true, wording: 'this-weeks-plan' });
    expect(sectionsOf(view)).toMatchObject({
      'Looking back at last week’s plan': ['Getting out and about'],
      'This week’s plan': ['Two kind words'],
    });
  });

  it('never shows why a review was set aside, private notes, another client’s work or any status', () => {
    const text = JSON.stringify(sessionClientView(state));
    for (const forbidden of ['Risk check', 'referral', 'Maria', 'deferred', 'planned', '2025'])
      expect(text).not.toContain(forbidden);
  });

  it('shows only the title for a session that is not this client’s', () => {
    expect(sessionClientView({ ...state, session: { ...session, clientId: OTHER_ID } })).toEqual({
      title: 'Today',
      sections: [],
    });
  });
});

describe('fitting text to the client view’s limits', () => {
  it('trims, and cuts long text with an ellipsis, never inside a surrogate pair', () => {
    expect(fit('  short  ', 10)).toBe('short');
    expect(fit('abcdefghijk', 5)).toBe('abcd…');
    expect(fit(`abc${'😀'.repeat(5)}`, 6)).toBe('abc😀…');
    expect(fit(`abc${'😀'.repeat(5)}`, 5)).toBe('abc…');
  });
});

describe('the handout on the shared view', () => {
  const shown = (discreet: boolean) =>
    handoutClientView(handoutOf({ ...exampleHandoutInput, discreet }));

  it('shows the handout’s sections, and never a name, the practice or anything not printed', () => {
    const text = JSON.stringify(shown(false));
    expect(clientViewSnapshotSchema.safeParse(shown(false)).success).toBe(true);
    expect(text).toContain('I will walk round the block');
    for (const hidden of [
      'Jonas',
      'Ødegård',
      'Riverside Practice',
      'Anna Berg',
      ...Object.values(neverPrinted),
    ])
      expect(text).not.toContain(hidden);
  });

  it('in discreet wording, shows no clinical word', () => {
    for (const section of shown(true).sections)
      expect(clinicalWordIn(JSON.stringify(section))).toBeNull();
  });
});

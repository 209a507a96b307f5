import { describe, expect, it } from 'vitest';
import { assignmentSchema, type Assignment } from './assignment';
import { clinicalWordIn } from './client-facing-template';
import {
  handoutHeadings,
  handoutOf,
  handoutTexts,
  nameOf,
  revealsTherapy,
  sessionSummaryOf,
  sessionSummaryTexts,
  TRACKER_MAX_DAYS,
  trackerModelTexts,
  trackerOf,
} from './handout';
import {
  exampleAssignment,
  exampleHandoutInput,
  exampleSession,
  exampleSessionSummaryInput,
  neverPrinted,
} from './handout-examples';
import { goalSchema } from './goal';
import { sessionSchema } from './session';

/**
 * Example tests of the printed documents' models. handout.property.test.ts plants canaries in
 * every field a document must never print and checks none comes out.
 */

const withAssignment = (changes: Partial<Assignment>) => ({
  ...exampleHandoutInput,
  assignment: { ...exampleAssignment, ...changes },
});

const everyForbidden = Object.values(neverPrinted);

describe('the worked example', () => {
  it('is a valid assignment, session and goals', () => {
    expect(() => assignmentSchema.parse(exampleAssignment)).not.toThrow();
    expect(() => sessionSchema.parse(exampleSession)).not.toThrow();
    for (const goal of exampleHandoutInput.goals)
      expect(() => goalSchema.parse(goal)).not.toThrow();
  });
});

describe('handoutOf', () => {
  const model = handoutOf(exampleHandoutInput);

  it('has the header, plain title and dates', () => {
    expect(model.header).toEqual({
      practiceName: 'Riverside Practice',
      clinicianName: 'Anna Berg',
      clientName: 'Jonas',
    });
    expect(model.eyebrow).toBe('Practice');
    expect(model.title).toBe('An evening walk, three times a week');
    expect(model.dates).toBe('Tuesday 1 December to Tuesday 8 December 2026');
  });

  it('has why it matters in the client’s words, the goal served and how it helps', () => {
    expect(model.why?.words).toContain('I sleep better');
    expect(model.why?.goals).toEqual(['Have more energy for the kids after work']);
    expect(model.why?.howItHelps).toContain('Doing small things');
  });

  it('has the steps, my plan, the smallest version, if-then plans and the backup plan', () => {
    expect(model.steps?.items).toHaveLength(3);
    expect(model.plan?.sentence).toBe(
      'I will walk round the block on Monday, Wednesday and Saturday at 19:30, after dinner, near home.',
    );
    expect(model.plan?.howMuch).toBe('Three times a week, about 10 minutes');
    expect(model.plan?.reminder).toBe('Sticky note on the fridge');
    expect(model.smallest?.text).toBe('Step outside the front door for two minutes.');
    expect(model.ifThen?.plans.map((plan) => plan.barrier)).toEqual([
      'Too tired after work',
      'Rain',
    ]);
    expect(model.ifThen?.backup).toContain('Saturday morning');
  });

  it('has a tracker row for every day until the review date, planned days marked', () => {
    const tracker = model.tracker;
    expect(tracker?.columns.map((column) => column.label)).toEqual([
      'Walked',
      'Minutes',
      'Mood after (0–10)',
    ]);
    expect(tracker?.rows.map((row) => `${row.weekday} ${row.day}`)).toEqual([
      'Tue 1 Dec',
      'Wed 2 Dec',
      'Thu 3 Dec',
      'Fri 4 Dec',
      'Sat 5 Dec',
      'Sun 6 Dec',
      'Mon 7 Dec',
      'Tue 8 Dec',
    ]);
    expect(tracker?.rows.filter((row) => row.timesPlanned > 0).map((row) => row.weekday)).toEqual([
      'Wed',
      'Sat',
      'Mon',
    ]);
    expect(tracker?.continuesAfter).toBe('');
    expect(tracker?.marksPlanned).toBe(true);
  });

  it('sets planned days apart only when some days are planned and some are not', () => {
    const daily = handoutOf(withAssignment({ days: [1, 2, 3, 4, 5, 6, 7] }));
    expect(daily.tracker?.marksPlanned).toBe(false);
    expect(daily.tracker?.intro).toBe('A mark for each time you practise. Any day counts.');
    const anyDay = handoutOf(withAssignment({ days: [], dose: null }));
    expect(anyDay.tracker?.marksPlanned).toBe(false);
  });

  it('has the worksheet prompts and the next meeting', () => {
    expect(model.worksheet?.prompts).toEqual(exampleHandoutInput.worksheetPrompts);
    expect(model.nextMeeting).toBe('We meet again on Tuesday 8 December 2026.');
  });

  it('names the file by title and start date, never by the client', () => {
    expect(model.fileNameStem).toBe('An evening walk, three times a week – 1 Dec 2026');
    const named = handoutOf(withAssignment({ title: 'Jonas’s evening walk' }));
    expect(named.fileNameStem).toBe('Practice – 1 Dec 2026');
    const clinical = handoutOf(withAssignment({ title: 'Exposure practice' }));
    expect(clinical.title).toBe('Exposure practice');
    expect(clinical.fileNameStem).toBe('Practice – 1 Dec 2026');
    const slashes = handoutOf(withAssignment({ title: 'Walk / run: "easy"?' }));
    expect(slashes.fileNameStem).toBe('Walk run easy – 1 Dec 2026');
  });

  it('prints nothing therapist-only', () => {
    const printed = [...handoutTexts(model), model.fileNameStem].join('\n');
    for (const forbidden of everyForbidden) expect(printed).not.toContain(forbidden);
    expect(printed).not.toMatch(/%|out of 10|\/10/u);
  });

  it('says what the client calls practice', () => {
    const plan = handoutOf({ ...exampleHandoutInput, wording: 'this-weeks-plan' });
    expect(plan.eyebrow).toBe('This week’s plan');
    const untitled = handoutOf({
      ...withAssignment({ discreetTitle: '' }),
      wording: 'this-weeks-plan',
      discreet: true,
    });
    expect(untitled.title).toBe('This week’s plan');
    expect(untitled.fileNameStem).toBe('This week’s plan – 1 Dec 2026');
  });

  it('shows the name as the setting says', () => {
    expect(handoutOf({ ...exampleHandoutInput, nameOnHandout: 'initials' }).header.clientName).toBe(
      'J. Ø.',
    );
    expect(handoutOf({ ...exampleHandoutInput, nameOnHandout: 'none' }).header.clientName).toBe('');
    expect(nameOf('  Nguyễn   Văn An ', 'first-name')).toBe('Nguyễn');
  });

  it('leaves out every empty part, so no heading stands alone', () => {
    const bare = handoutOf({
      ...withAssignment({
        purpose: '',
        whyItMatters: '',
        goals: [],
        steps: [],
        dose: null,
        minimum: { label: '', dose: null },
        days: [],
        plan: { what: '', time: null, cue: '', where: '' },
        trackerFields: [],
        barriers: [],
        backupPlan: '',
        reminderPlace: '',
        discreetWording: null,
      }),
      worksheetPrompts: [],
      nextSessionOn: null,
      practiceName: '',
      clinicianName: '',
    });
    expect(bare).toMatchObject({
      why: null,
      steps: null,
      plan: null,
      smallest: null,
      ifThen: null,
      tracker: null,
      worksheet: null,
      nextMeeting: '',
    });
    expect(handoutTexts(bare)).toEqual(['Jonas', 'Practice', bare.title, bare.dates]);
  });

  it('shows this week’s ladder step when there is a ladder', () => {
    const laddered = handoutOf(
      withAssignment({
        ladder: [{ step: 'To the corner', difficulty: 2 }, { step: 'Round the park' }],
        ladderStep: 1,
      }),
    );
    expect(laddered.plan?.thisWeeksStep).toBe('Round the park');
  });

  it('keeps a long schedule to twelve weeks, saying where to carry on', () => {
    const long = handoutOf(withAssignment({ reviewBy: '2027-06-01' }));
    expect(long.tracker?.rows).toHaveLength(TRACKER_MAX_DAYS);
    expect(long.tracker?.continuesAfter).toBe(
      'After Monday 22 February 2027, carry on on a fresh sheet.',
    );
  });
});

describe('discreet handouts', () => {
  const clinical = withAssignment({
    title: 'Behavioural activation homework',
    discreetTitle: 'Evening walks',
    whyItMatters: 'My therapist thinks it helps.\n\nI want evenings to feel like mine again.',
    steps: ['Walk after dinner.', 'Tell your therapist how it went next session.'],
    barriers: [
      { kind: 'forgot', barrier: 'Forgetting the homework', ifThen: 'If I forget, then I walk.' },
    ],
    trackerFields: [{ label: 'Homework done', kind: 'yes-no' }],
  });
  const model = handoutOf({
    ...clinical,
    discreet: true,
    practiceName: 'Riverside Psychology Clinic',
    clinicianName: 'Anna Berg',
  });

  it('uses the discreet title and wording', () => {
    expect(model.title).toBe('Evening walks');
    expect(model.why?.howItHelps).toBe(
      'Small things that matter to you can lift your energy a little at a time.',
    );
    expect(model.worksheet?.prompts).toEqual(
      exampleAssignment.discreetWording?.worksheetPrompts ?? [],
    );
  });

  it('leaves out what reveals therapy, headers included, and says what it left out', () => {
    expect(model.why?.words).toBe('I want evenings to feel like mine again.');
    expect(model.steps?.items).toEqual(['Walk after dinner.']);
    expect(model.header.practiceName).toBe('');
    expect(model.header.clinicianName).toBe('Anna Berg');
    expect(model.tracker?.columns).toEqual([{ label: 'Done', kind: 'yes-no' }]);
    expect(model.leftOut).toEqual(
      expect.arrayContaining(['the practice’s name', 'a step', 'a barrier']),
    );
    for (const text of [...handoutTexts(model), model.fileNameStem]) {
      expect(revealsTherapy(text), text).toBe(false);
    }
  });

  it('plain mode keeps the client’s words as they are', () => {
    const plain = handoutOf({ ...clinical, discreet: false });
    expect(plain.title).toBe('Behavioural activation homework');
    expect(plain.steps?.items).toHaveLength(2);
    expect(plain.fileNameStem).toBe('Practice – 1 Dec 2026');
  });
});

describe('revealsTherapy', () => {
  it('knows the clinical words and anything psych-', () => {
    expect(revealsTherapy('Riverside Psychology')).toBe(true);
    expect(revealsTherapy('A CBT exercise')).toBe(true);
    expect(revealsTherapy('Evening walks')).toBe(false);
    expect(clinicalWordIn('Riverside Psychology')).not.toBeNull();
  });
});

describe('trackerOf', () => {
  it('has the title, the plan in brief and the grid', () => {
    const model = trackerOf(exampleHandoutInput);
    expect(model.title).toBe(exampleAssignment.title);
    expect(model.plan).toContain('I will walk round the block');
    expect(model.tracker.rows).toHaveLength(8);
    expect(model.fileNameStem).toBe('An evening walk, three times a week tracker – 1 Dec 2026');
    const printed = trackerModelTexts(model).join('\n');
    for (const forbidden of everyForbidden) expect(printed).not.toContain(forbidden);
  });

  it('gives a tracker asked for on its own columns even when the client chose none', () => {
    const model = trackerOf(withAssignment({ trackerFields: [] }));
    expect(model.tracker.columns.map((column) => column.label)).toEqual(['Done', 'Notes']);
  });
});

describe('sessionSummaryOf', () => {
  const model = sessionSummaryOf(exampleSessionSummaryInput);

  it('has the summary for the client and the practice agreed', () => {
    expect(model.date).toBe('Tuesday 1 December 2026');
    expect(model.summary?.heading).toBe(handoutHeadings.summary);
    expect(model.summary?.text.split('\n\n')).toHaveLength(2);
    expect(model.practice?.heading).toBe('This week’s practice');
    expect(model.practice?.items).toEqual([
      {
        title: exampleAssignment.title,
        plan: 'I will walk round the block on Monday, Wednesday and Saturday at 19:30, after dinner, near home.',
        smallest: 'Step outside the front door for two minutes.',
      },
    ]);
    expect(model.fileNameStem).toBe('Summary – 1 Dec 2026');
  });

  it('never shows the private notes, drafts or another client’s practice', () => {
    const other = { ...exampleAssignment, id: 'other0000000000000000x', clientId: 'x'.repeat(22) };
    const draft = { ...exampleAssignment, id: 'draft0000000000000000x', status: 'draft' as const };
    const summary = sessionSummaryOf({
      ...exampleSessionSummaryInput,
      session: { ...exampleSession, assignmentIds: [other.id, draft.id, exampleAssignment.id] },
      assignments: [other, draft, exampleAssignment],
    });
    expect(summary.practice?.items).toHaveLength(1);
    const printed = sessionSummaryTexts(summary).join('\n');
    for (const forbidden of everyForbidden) expect(printed).not.toContain(forbidden);
  });

  it('in discreet mode leaves out paragraphs that reveal therapy', () => {
    const summary = sessionSummaryOf({
      ...exampleSessionSummaryInput,
      discreet: true,
      session: {
        ...exampleSession,
        summaryForClient: 'In today’s session we looked at evenings.\n\nWe agreed on short walks.',
      },
    });
    expect(summary.summary?.text).toBe('We agreed on short walks.');
    expect(summary.practice?.items[0]?.title).toBe('Evening walks');
    expect(summary.leftOut).toEqual(['a paragraph of the summary']);
  });

  it('has no empty parts', () => {
    const empty = sessionSummaryOf({
      ...exampleSessionSummaryInput,
      session: { ...exampleSession, summaryForClient: '  ', assignmentIds: [] },
      nextSessionOn: null,
    });
    expect(empty.summary).toBeNull();
    expect(empty.practice).toBeNull();
    expect(empty.nextMeeting).toBe('');
  });
});

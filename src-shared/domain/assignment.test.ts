import { describe, expect, it } from 'vitest';
import { assignmentSchema, upgradeAssignmentV1, upgradeAssignmentV2 } from './assignment';

const id = 'AAAAAAAAAAAAAAAAAAAAAA';
const goalId = 'BBBBBBBBBBBBBBBBBBBBBB';

/** An assignment as shape 1 stored it (dose and ladder as template shape 1 had them). */
const storedV1 = {
  id,
  clientId: id,
  template: { templateId: 'short-outdoor-walk', version: 1 },
  title: 'A short walk',
  clientWords: 'I like the park',
  goalIds: [goalId],
  dose: { label: 'Three times a week, 10 minutes', timesPerWeek: 3, minutes: 10 },
  minimumDose: 'Shoes on, out the door',
  confidence: 7,
  steps: ['Walk to the corner'],
  trackerFields: [{ label: 'Walked', kind: 'yes-no' }],
  ladder: [{ step: 'Round the block', difficulty: 35 }],
  ladderStep: 0,
  barriers: [{ barrier: 'Rain', ifThen: 'If it rains, then I walk the corridor' }],
  implementationIntention: { what: 'walk', when: 'after lunch', where: 'the park' },
  backupPlan: 'Two minutes on the balcony',
  status: 'active',
  replaces: null,
  startsOn: '2026-11-30',
  createdAt: '2026-11-30T10:00:00.000Z',
};

const upgraded = () => assignmentSchema.parse(upgradeAssignmentV2(upgradeAssignmentV1(storedV1)));

describe('an assignment stored at an earlier shape', () => {
  it('upgrades its dose and ladder the way templates upgrade, keeping every word', () => {
    expect(upgraded()).toMatchObject({
      dose: {
        label: 'Three times a week, 10 minutes',
        dose: { kind: 'per-week', timesPerWeek: 3, minutes: 10 },
      },
      ladder: [{ step: 'Round the block', difficulty: 4 }],
      title: 'A short walk',
    });
  });

  it('keeps the client words, the plan, the minimum and the barriers in their new places', () => {
    expect(upgraded()).toMatchObject({
      title: 'A short walk',
      discreetTitle: 'A short walk',
      whatFeelsDoable: 'I like the park',
      whyItMatters: '',
      goals: [{ goalId, words: '' }],
      minimum: { label: 'Shoes on, out the door', dose: null },
      plan: { what: 'walk', time: null, cue: 'after lunch', where: 'the park' },
      barriers: [
        { kind: 'other', barrier: 'Rain', ifThen: 'If it rains, then I walk the corridor' },
      ],
      backupPlan: 'Two minutes on the balcony',
      confidenceBefore: 7,
      status: 'active',
      sessionId: null,
    });
  });

  it('is due for review a week after it started, and has not been edited since', () => {
    expect(upgraded()).toMatchObject({
      reviewBy: '2026-12-07',
      revision: 0,
      updatedAt: '2026-11-30T10:00:00.000Z',
    });
  });
});

describe('an assignment', () => {
  it('cannot be due for review before it starts', () => {
    const result = assignmentSchema.safeParse({ ...upgraded(), reviewBy: '2026-11-29' });
    expect(result.success).toBe(false);
  });
});

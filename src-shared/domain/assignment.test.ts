import { describe, expect, it } from 'vitest';
import { assignmentSchema, upgradeAssignmentV1 } from './assignment';

const id = 'AAAAAAAAAAAAAAAAAAAAAA';

/** An assignment as shape 1 stored it (dose and ladder as template shape 1 had them). */
const storedV1 = {
  id,
  clientId: id,
  template: { templateId: 'short-outdoor-walk', version: 1 },
  title: 'A short walk',
  clientWords: 'I like the park',
  goalIds: [],
  dose: { label: 'Three times a week, 10 minutes', timesPerWeek: 3, minutes: 10 },
  minimumDose: 'Shoes on, out the door',
  confidence: 7,
  steps: ['Walk to the corner'],
  trackerFields: [{ label: 'Walked', kind: 'yes-no' }],
  ladder: [{ step: 'Round the block', difficulty: 35 }],
  ladderStep: 0,
  barriers: [],
  implementationIntention: { what: 'walk', when: 'after lunch', where: 'the park' },
  backupPlan: '',
  status: 'active',
  replaces: null,
  startsOn: '2026-11-30',
  createdAt: '2026-11-30T10:00:00.000Z',
};

describe('an assignment stored at shape 1', () => {
  it('upgrades its dose and ladder the way templates upgrade, keeping every word', () => {
    expect(assignmentSchema.parse(upgradeAssignmentV1(storedV1))).toMatchObject({
      dose: {
        label: 'Three times a week, 10 minutes',
        dose: { kind: 'per-week', timesPerWeek: 3, minutes: 10 },
      },
      ladder: [{ step: 'Round the block', difficulty: 4 }],
      title: 'A short walk',
    });
  });
});

import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { sessionWithStoredRecord } from '../../tests/fixtures/stored-records';
import { closeVaultSession } from './vault-session';

beforeAll(() => loadSodium());

const at = '2026-11-01T09:00:00.000Z';
const lineageId = 'LLLLLLLLLLLLLLLLLLLLLL';

/** A custom template as Bridgework stored it before template shape version 2. */
const storedV1 = {
  id: 'TTTTTTTTTTTTTTTTTTTTTT',
  lineageId,
  version: 3,
  basedOn: { templateId: 'urge-surfing', version: 1 },
  archivedAt: null,
  createdAt: at,
  title: 'Urge surfing for evenings',
  discreetTitle: 'Evening waves',
  category: 'habits-and-urges',
  approaches: ['dbt-skills', 'mindfulness'],
  concerns: ['cravings'],
  purpose: 'Urges rise and fall like waves.',
  steps: ['Notice the urge.', 'Breathe with it.'],
  minimumDose: 'Ride one urge this week.',
  standardDose: 'Each evening urge.',
  doseOptions: [
    { label: 'When an urge comes', timesPerWeek: 3 },
    { label: 'Every evening, 5 minutes', timesPerWeek: 7, minutes: 5 },
  ],
  trackerFields: [{ label: 'Urge (0-10)', kind: 'rating-0-10' }],
  worksheetPrompts: [],
  barriers: [{ barrier: 'I give in fast', ifThen: 'If it comes, then I will wait a minute.' }],
  ladder: [{ step: 'One urge, sitting down', difficulty: 40 }],
};

describe('custom templates stored before shape version 2', () => {
  it('open upgraded, with every word kept, and save as version 2', async () => {
    const session = await sessionWithStoredRecord('templates', 1, storedV1);
    const { templates, damagedIds } = await session.templates.latest();
    expect(damagedIds).toEqual([]);
    expect(templates).toMatchObject([
      {
        id: storedV1.id,
        title: 'Urge surfing for evenings',
        clientTitle: 'Evening waves',
        discreetTitle: 'Evening waves',
        clinicianNotes: '',
        cautions: [],
        minimumDose: {
          label: 'Ride one urge this week.',
          dose: { kind: 'per-week', timesPerWeek: 1 },
        },
        doseOptions: [
          { label: 'When an urge comes', dose: { kind: 'per-week', timesPerWeek: 3 } },
          {
            label: 'Every evening, 5 minutes',
            dose: { kind: 'per-week', timesPerWeek: 7, minutes: 5 },
          },
        ],
        ladder: [{ step: 'One urge, sitting down', difficulty: 4 }],
        noLadderBecause: null,
      },
    ]);
    const [upgraded] = templates;
    if (!upgraded) throw new Error('no template');
    const {
      id: _id,
      lineageId: _l,
      version: _v,
      basedOn: _b,
      archivedAt: _a,
      createdAt: _c,
      ...content
    } = upgraded;
    const edited = await session.templates.edit(lineageId, {
      ...content,
      cautions: ['Not during detox.'],
    });
    expect(edited.version).toBe(4);
    expect((await session.templates.versionsOf(lineageId)).map((t) => t.cautions)).toEqual([
      [],
      ['Not during detox.'],
    ]);
    closeVaultSession(session);
  });
});

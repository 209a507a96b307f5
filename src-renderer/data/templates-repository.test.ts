import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { sessionWithStoredRecord } from '../../tests/fixtures/stored-records';
import { templateContentV1, templateContentV1Upgraded } from '../../tests/fixtures/template-v1';
import { closeVaultSession } from './vault-session';

beforeAll(() => loadSodium());

const at = '2026-11-01T09:00:00.000Z';
const lineageId = 'LLLLLLLLLLLLLLLLLLLLLL';

/** A custom template as Bridgework stored it before template shape version 2. */
const storedV1 = {
  ...templateContentV1,
  id: 'TTTTTTTTTTTTTTTTTTTTTT',
  lineageId,
  version: 3,
  basedOn: { templateId: 'graded-exposure-feared-situation', version: 1 },
  archivedAt: null,
  createdAt: at,
};

describe('custom templates stored before shape version 2', () => {
  it('open upgraded, with every word kept, and save as version 2', async () => {
    const session = await sessionWithStoredRecord('templates', 1, storedV1);
    const { templates, damagedIds } = await session.templates.latest();
    expect(damagedIds).toEqual([]);
    expect(templates).toMatchObject([{ id: storedV1.id, ...templateContentV1Upgraded }]);
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
      cautions: ['Check for heart conditions first.'],
    });
    expect(edited.version).toBe(4);
    expect((await session.templates.versionsOf(lineageId)).map((t) => t.cautions)).toEqual([
      [],
      ['Check for heart conditions first.'],
    ]);
    closeVaultSession(session);
  });
});

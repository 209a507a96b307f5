import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionWithStoredRecord } from '../../tests/fixtures/stored-records';
import { buildVault } from '../../tests/fixtures/vaults';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { isVaultError } from '../../src-shared/vault/vault-error';
import { builtinTemplates } from './builtin-library';
import type { InsightSummary } from '../../src-shared/domain/insight-summary';
import { EncryptedTable } from './encrypted-table';
import { entities } from './entities';
import { createInsightSummaries } from './insight-summaries';
import { internalsOf, openVaultSession, type VaultSession } from './vault-session';

beforeAll(() => loadSodium());

async function newSession(): Promise<VaultSession> {
  const vault = await buildVault();
  return openVaultSession({ header: vault.header, dataKey: vault.dataKey.slice() });
}

const clientId = 'CCCCCCCCCCCCCCCCCCCCCC';
const where = { clientId, sessionId: null, startsOn: '2026-12-01', reviewBy: '2026-12-08' };
const withCautions = () => {
  const template = builtinTemplates.find((t) => t.cautions.length > 0 && t.ladder.length > 0);
  if (!template) throw new Error('the library has a template with cautions and a ladder');
  return template;
};

describe('an assignment started from a template', () => {
  it('keeps its own copy of the template, so it opens whatever happens to the template', async () => {
    const session = await newSession();
    const { id, version, ...content } = withCautions();
    const draft = await session.assignments.start(where, {
      from: 'template',
      ref: { templateId: id, version },
      template: content,
    });
    const reopened = await session.assignments.get(draft.id);
    expect(reopened).toMatchObject({
      status: 'draft',
      clinicalTitle: content.title,
      title: content.clientTitle,
      discreetTitle: content.discreetTitle,
      steps: content.steps,
      ladder: content.ladder,
      cautions: content.cautions,
      cautionsAcknowledgedAt: null,
    });
  });

  it('leaves the client’s own words for the client to say', async () => {
    const session = await newSession();
    const { id, version, ...content } = withCautions();
    const draft = await session.assignments.start(where, {
      from: 'template',
      ref: { templateId: id, version },
      template: content,
    });
    expect(draft).toMatchObject({
      whyItMatters: '',
      whatFeelsDoable: '',
      plan: { what: '', cue: '', where: '' },
    });
  });
});

describe('a draft set in a session', () => {
  it('is listed on the session, and taken off it when discarded', async () => {
    const session = await newSession();
    const booked = await session.sessions.book({
      clientId,
      startsAt: '2026-12-01T09:00:00.000Z',
      durationMinutes: 50,
      status: 'planned',
    });
    const draft = await session.assignments.start(
      { ...where, sessionId: booked.id },
      { from: 'scratch', title: 'Evening walk' },
    );
    expect((await session.sessions.get(booked.id))?.assignmentIds).toEqual([draft.id]);
    await session.assignments.discardDraft(draft);
    expect((await session.sessions.get(booked.id))?.assignmentIds).toEqual([]);
    expect(await session.assignments.get(draft.id)).toBeUndefined();
  });
});

describe('saving an assignment', () => {
  it('keeps every field and counts the revision', async () => {
    const session = await newSession();
    const draft = await session.assignments.start(where, {
      from: 'scratch',
      title: 'Evening walk',
    });
    const saved = await session.assignments.save({
      ...draft,
      whyItMatters: 'I want my evenings back',
      plan: { what: 'walk round the block', time: '19:00', cue: 'after dinner', where: 'the park' },
      days: [1, 3, 5],
      confidenceBefore: 6,
      confidenceAfter: 8,
      status: 'active',
    });
    expect(saved.revision).toBe(1);
    expect(await session.assignments.get(draft.id)).toEqual(saved);
  });

  it('refuses a save from a window that read an older revision, and keeps the other window’s work', async () => {
    const session = await newSession();
    const draft = await session.assignments.start(where, {
      from: 'scratch',
      title: 'Evening walk',
    });
    await session.assignments.save({ ...draft, whyItMatters: 'Saved in the first window' });
    const late = session.assignments.save({ ...draft, whyItMatters: 'Typed in the second window' });
    await expect(late).rejects.toSatisfy((error) => isVaultError(error, 'EDIT_CONFLICT'));
    expect((await session.assignments.get(draft.id))?.whyItMatters).toBe(
      'Saved in the first window',
    );
  });

  it('refuses an over-long field instead of cutting it', async () => {
    const session = await newSession();
    const draft = await session.assignments.start(where, {
      from: 'scratch',
      title: 'Evening walk',
    });
    await expect(
      session.assignments.save({ ...draft, whyItMatters: 'x'.repeat(1001) }),
    ).rejects.toThrow();
    expect((await session.assignments.get(draft.id))?.whyItMatters).toBe('');
  });
});

describe('the practice in play at a client’s sessions (what Today reads)', () => {
  const otherClientId = 'DDDDDDDDDDDDDDDDDDDDDD';

  /** Two clients' practice: agreed and going, finished, still a draft. */
  async function practiceOfTwoClients(session: VaultSession) {
    const agree = async (title: string, status: 'active' | 'completed', owner = clientId) => {
      const draft = await session.assignments.start(
        { ...where, clientId: owner },
        { from: 'scratch', title },
      );
      return session.assignments.save({ ...draft, status });
    };
    return {
      walk: await agree('Evening walk', 'active'),
      diary: await agree('Worry diary', 'completed'),
      breathing: await agree('Slow breathing', 'active'),
      draft: await session.assignments.start(where, { from: 'scratch', title: 'Still a draft' }),
      othersWalk: await agree('Morning walk', 'active', otherClientId),
    };
  }

  it('is each client’s active practice and what their agendas name, and nothing else', async () => {
    const session = await newSession();
    const { walk, diary, breathing } = await practiceOfTwoClients(session);
    const inPlay = await session.assignments.inPlayFor([clientId], [diary.id]);
    expect(inPlay.records.map((a) => a.title)).toEqual([walk.title, diary.title, breathing.title]);
    expect(inPlay.records.map((a) => a.id)).toEqual([walk.id, diary.id, breathing.id]);
  });

  it('reads a client’s whole practice when their summary is out of step (a restored backup, say)', async () => {
    const session = await newSession();
    const { walk, breathing, draft, othersWalk } = await practiceOfTwoClients(session);
    await internalsOf(session).db.sealed('insightSummaries').clear();
    const inPlay = await session.assignments.inPlayFor([clientId, otherClientId], []);
    // Read whole: the finished one and the draft come along, and the caller picks what is due.
    expect(inPlay.records.map((a) => a.id)).toEqual(
      expect.arrayContaining([walk.id, breathing.id, draft.id, othersWalk.id]),
    );
    expect(inPlay.records).toHaveLength(5);
  });

  it('reads several clients’ practice at once, each record once however often a client is named', async () => {
    const session = await newSession();
    const { walk, diary, breathing, draft, othersWalk } = await practiceOfTwoClients(session);
    const both = await session.assignments.forClients([otherClientId, clientId, otherClientId]);
    expect(both.records.map((a) => a.id)).toEqual([
      walk.id,
      diary.id,
      breathing.id,
      draft.id,
      othersWalk.id,
    ]);
    expect((await session.assignments.forClients(['EEEEEEEEEEEEEEEEEEEEEE'])).records).toEqual([]);
  });

  it('follows practice as it is agreed, finished or replaced', async () => {
    const session = await newSession();
    const { walk, breathing, draft } = await practiceOfTwoClients(session);
    await session.assignments.save({ ...draft, status: 'active' });
    await session.assignments.save({ ...walk, status: 'completed' });
    const inPlay = await session.assignments.inPlayFor([clientId], []);
    expect(inPlay.records.map((a) => a.id)).toEqual([breathing.id, draft.id]);
  });
});

describe('a client’s insight summary as their practice is saved', () => {
  /** The client's summary as stored, and as worked out again from every record. */
  async function storedAndWorkedOut(session: VaultSession) {
    const { db, keys } = internalsOf(session);
    const summaries = createInsightSummaries(db, keys, { begin: () => () => undefined });
    const table = new EncryptedTable<InsightSummary>(db, keys, entities.insightSummaries);
    const stored = (await table.where('clientId', clientId)).records;
    await db.transaction('rw', summaries.tables, () => summaries.rewrite(clientId));
    return { stored, workedOut: (await table.where('clientId', clientId)).records };
  }

  it('stays exactly what every record gives through edits, a new version agreed and a finish', async () => {
    const session = await newSession();
    const start = (title: string) => session.assignments.start(where, { from: 'scratch', title });
    const walk = await session.assignments.save({
      ...(await start('Evening walk')),
      status: 'active',
    });
    await start('Still a draft');
    const edited = await session.assignments.save({
      ...walk,
      confidenceAfter: 8,
      startsOn: '2026-11-30',
      barriers: [
        { kind: 'forgot', barrier: 'Forgetting', ifThen: 'If I forget, I go after dinner' },
      ],
    });
    const next = await session.assignments.start(where, {
      from: 'review',
      previous: edited,
      decision: 'step-up',
      reason: 'Two good weeks',
    });
    const agreed = await session.assignments.save({ ...next, status: 'active' });
    await session.assignments.save({ ...agreed, status: 'completed' });

    const { stored, workedOut } = await storedAndWorkedOut(session);
    expect(stored).toHaveLength(1);
    expect(stored).toEqual(workedOut);
    expect(stored[0]?.assignments.map((fact) => [fact.assignmentId, fact.status])).toEqual([
      [walk.id, 'replaced'],
      [agreed.id, 'completed'],
    ]);
  });

  it('is worked out from the records when it was out of step before the save', async () => {
    const session = await newSession();
    const draft = await session.assignments.start(where, { from: 'scratch', title: 'Walk' });
    const walk = await session.assignments.save({ ...draft, status: 'active' });
    await internalsOf(session).db.sealed('insightSummaries').clear();
    await session.assignments.save({ ...walk, confidenceAfter: 6 });
    const { stored, workedOut } = await storedAndWorkedOut(session);
    expect(stored).toHaveLength(1);
    expect(stored).toEqual(workedOut);
  });
});

describe('an assignment stored by an earlier Bridgework', () => {
  it('opens upgraded from shape 2 with every word kept', async () => {
    const id = 'AAAAAAAAAAAAAAAAAAAAAA';
    const session = await sessionWithStoredRecord('assignments', 2, {
      id,
      clientId,
      template: null,
      title: 'A short walk',
      clientWords: 'The park is close',
      goalIds: [],
      dose: { label: 'Daily', dose: { kind: 'per-week', timesPerWeek: 7 } },
      minimumDose: 'Shoes on',
      confidence: 7,
      steps: [],
      trackerFields: [],
      ladder: [],
      ladderStep: null,
      barriers: [],
      implementationIntention: { what: 'walk', when: 'after lunch', where: 'park' },
      backupPlan: '',
      status: 'active',
      replaces: null,
      startsOn: '2026-11-30',
      createdAt: '2026-11-30T10:00:00.000Z',
    });
    expect(await session.assignments.get(id)).toMatchObject({
      title: 'A short walk',
      whatFeelsDoable: 'The park is close',
      minimum: { label: 'Shoes on' },
      plan: { cue: 'after lunch' },
      reviewBy: '2026-12-07',
    });
  });
});

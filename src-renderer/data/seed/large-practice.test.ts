import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinTemplates } from '../../../tests/fixtures/library';
import { buildVault } from '../../../tests/fixtures/vaults';
import { loadSodium } from '../../../src-shared/crypto/sodium';
import { seededRandom } from '../../../src-shared/domain/seeded-random';
import { recordIdSchema } from '../../../src-shared/domain/record-id';
import { openRow } from '../encrypted-table';
import { entities } from '../entities';
import { closeVaultSession, internalsOf, openVaultSession } from '../vault-session';
import { largePracticePlan, scaledPlan } from './large-practice-plan';
import { seedLargePractice } from './large-practice';
import { shapePractice } from './practice-shape';

beforeAll(() => loadSodium());

const now = new Date('2026-12-01T11:00:00');

/** The totals of a shaped practice. */
function totalsOf(shape: ReturnType<typeof shapePractice>) {
  const assignments = shape.flatMap((client) => client.assignments);
  return {
    clients: shape.length,
    goals: shape.reduce((sum, client) => sum + client.goals, 0),
    sessions: shape.reduce((sum, client) => sum + client.sessions.length, 0),
    assignments: assignments.length,
    reviews: assignments.filter((assignment) => assignment.reviewed).length,
    practiceLogs: assignments.reduce((sum, assignment) => sum + assignment.logs, 0),
  };
}

describe('the large practice’s shape', () => {
  it('has exactly the counts the issue asks for', () => {
    const plan = largePracticePlan;
    expect(totalsOf(shapePractice(plan, seededRandom(plan.seed), now))).toEqual({
      clients: 300,
      goals: 900,
      sessions: 6_000,
      assignments: 12_000,
      reviews: 8_000,
      practiceLogs: 100_000,
    });
    expect(plan.customTemplates + 44).toBe(500);
  });

  it('is the same for the same seed and day, and different for another seed', () => {
    const plan = scaledPlan(largePracticePlan, 0.1);
    const shape = (seed: number) =>
      JSON.stringify(shapePractice({ ...plan, seed }, seededRandom(seed), now));
    expect(shape(5)).toBe(shape(5));
    expect(shape(5)).not.toBe(shape(6));
  });

  it('gives active clients sessions today or this week and next, and practice only after held sessions', () => {
    const plan = scaledPlan(largePracticePlan, 0.1);
    const shape = shapePractice(plan, seededRandom(plan.seed), now);
    for (const client of shape) {
      const planned = client.sessions.filter((each) => each.status === 'planned');
      expect(planned.length > 0).toBe(client.status === 'active');
      for (const assignment of client.assignments) {
        expect(client.sessions[assignment.session]?.status).toBe('held');
        expect(assignment.logs).toBeLessThanOrEqual(assignment.capacity);
        if (assignment.reviewed) expect(assignment.reviewAt).not.toBeNull();
      }
    }
  });
});

describe('seeding the large practice into a vault', () => {
  it('writes exactly the planned records at a small scale, with summaries and calendars in step', async () => {
    const plan = scaledPlan(largePracticePlan, 0.02);
    const vault = await buildVault();
    const session = await openVaultSession({ header: vault.header, dataKey: vault.dataKey });
    try {
      const counts = await seedLargePractice(session, {
        plan,
        builtins: loadBuiltinTemplates(),
        now,
      });
      const { db } = internalsOf(session);
      const stored = async (table: Parameters<typeof db.sealed>[0]) => db.sealed(table).count();
      expect({
        clients: await stored('clients'),
        goals: await stored('goals'),
        sessions: await stored('sessions'),
        assignments: await stored('assignments'),
        reviews: await stored('reviews'),
        practiceLogs: await stored('practiceLogs'),
        templates: await stored('templates'),
        summaries: await stored('insightSummaries'),
        calendars: await stored('sessionCalendars'),
        exports: await stored('log'),
      }).toEqual({
        clients: plan.clients,
        goals: plan.goals,
        sessions: plan.clients * plan.sessionsPerClient,
        assignments: plan.assignments,
        reviews: plan.reviews,
        practiceLogs: plan.practiceLogs,
        templates: plan.customTemplates,
        summaries: plan.clients,
        calendars: plan.clients,
        exports: counts.exports,
      });
      expect(counts).toMatchObject({ reviews: plan.reviews, practiceLogs: plan.practiceLogs });
      // The app's own checks after unlocking find nothing out of step, and everything opens.
      expect(await session.insights.repair()).toBe(0);
      expect(await session.sessions.repairCalendars()).toBe(0);
      const reviews = await session.reviews.all();
      expect(reviews.damagedIds).toEqual([]);
      expect(reviews.records.every((review) => review.finished)).toBe(true);
      const [client] = (await session.clients.all()).records;
      expect((await session.goals.forClient(client?.id ?? '')).records).toHaveLength(3);
    } finally {
      closeVaultSession(session);
    }
  });
});

/** Fields a repository fills from the clock when it writes, not from the seed. */
const CLOCK_STAMPS = new Set(['createdAt', 'updatedAt', 'statusChangedAt']);

/**
 * Every record of the seeded tables, opened, with record ids (random, as the app makes them)
 * and the times the repositories stamp from the clock left out: the content the seed decides.
 */
async function seededContent(seed: number): Promise<Record<string, string[]>> {
  const vault = await buildVault();
  const session = await openVaultSession({ header: vault.header, dataKey: vault.dataKey });
  try {
    await seedLargePractice(session, {
      plan: { ...scaledPlan(largePracticePlan, 0.02), seed },
      builtins: loadBuiltinTemplates(),
      now,
    });
    const { db, keys } = internalsOf(session);
    const content: Record<string, string[]> = {};
    for (const table of [
      'clients',
      'goals',
      'sessions',
      'assignments',
      'reviews',
      'practiceLogs',
      'templates',
      'log',
    ] as const) {
      const rows = await db.sealed(table).toArray();
      content[table] = rows
        .map((row) =>
          JSON.stringify(openRow<unknown>(entities[table], keys, row), (key, value: unknown) =>
            CLOCK_STAMPS.has(key)
              ? undefined
              : recordIdSchema.safeParse(value).success
                ? '#'
                : value,
          ),
        )
        .sort();
    }
    return content;
  } finally {
    closeVaultSession(session);
  }
}

describe('seeding the same seed twice', () => {
  it('writes the same records (but for their random ids and the time they were written)', async () => {
    const first = await seededContent(11);
    const second = await seededContent(11);
    expect(first.clients).toHaveLength(6);
    expect(first.practiceLogs?.length).toBeGreaterThan(100);
    expect(second).toEqual(first);
  });
});

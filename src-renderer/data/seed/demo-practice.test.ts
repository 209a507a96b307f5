import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinTemplates } from '../../../tests/fixtures/library';
import { buildVault } from '../../../tests/fixtures/vaults';
import { loadSodium } from '../../../src-shared/crypto/sodium';
import { closeVaultSession, internalsOf, openVaultSession } from '../vault-session';
import { demoClients } from './demo-practice-content';
import { seedDemoPractice } from './demo-practice';

beforeAll(() => loadSodium());

describe('the demo practice', () => {
  it('holds a handful of clients, each a few weeks in, with practice agreed and reviewed', () => {
    expect(demoClients.length).toBeGreaterThanOrEqual(4);
    expect(demoClients.length).toBeLessThanOrEqual(6);
    expect(new Set(demoClients.map((client) => client.name)).size).toBe(demoClients.length);
    for (const client of demoClients) {
      expect(client.practice.length).toBeGreaterThan(0);
      expect(client.practice.some((practice) => practice.review)).toBe(true);
    }
  });

  it('is seeded through the repositories: sessions, practice, reviews, practice days and handouts in step', async () => {
    const vault = await buildVault();
    const session = await openVaultSession({ header: vault.header, dataKey: vault.dataKey });
    try {
      const now = new Date();
      const counts = await seedDemoPractice(session, { builtins: loadBuiltinTemplates(), now });
      const practices = demoClients.flatMap((client) => client.practice);
      expect(counts).toMatchObject({
        clients: demoClients.length,
        goals: demoClients.reduce((sum, client) => sum + client.goals.length, 0),
        assignments: practices.length,
        reviews: practices.filter((practice) => practice.review).length,
      });
      expect(counts.practiceDays).toBeGreaterThan(50);

      const clients = (await session.clients.all()).records;
      expect(clients.map((client) => client.name).sort()).toEqual(
        demoClients.map((client) => client.name).sort(),
      );
      // Each has been seen since their first session, not since the moment the demo was made.
      for (const client of clients) {
        const theirs = (await session.sessions.forClient(client.id)).records;
        const first = theirs.map((each) => each.startsAt).sort()[0];
        expect(client.createdAt, client.name).toBe(first);
        expect(client.createdAt < now.toISOString()).toBe(true);
      }
      const reviews = (await session.reviews.all()).records;
      expect(reviews).toHaveLength(counts.reviews);
      expect(
        reviews.every((review) => review.finished && review.reviewedAt < now.toISOString()),
      ).toBe(true);
      // A review that stepped up names the new version, which replaced the one reviewed.
      const steppedUp = reviews.find((review) => review.decision === 'step-up');
      expect(steppedUp?.nextAssignmentId).toBeTruthy();
      const replaced = await session.assignments.get(steppedUp?.assignmentId ?? '');
      expect(replaced?.status).toBe('replaced');
      // Each active client has practice still to review at a session today or coming up.
      const midnight = new Date(now);
      midnight.setHours(0, 0, 0, 0);
      const upcoming = await session.sessions.startingBetween(
        midnight.toISOString(),
        new Date(midnight.getTime() + 9 * 24 * 60 * 60 * 1000).toISOString(),
      );
      expect(new Set(upcoming.records.map((each) => each.clientId)).size).toBe(
        demoClients.filter((client) => client.nextBooked).length,
      );
      const handouts = (await session.log.all()).records.filter(
        (entry) => entry.kind === 'export' && entry.format === 'handout-pdf',
      );
      expect(handouts).toHaveLength(counts.handouts);
      expect(await session.insights.repair()).toBe(0);
      expect(await session.sessions.repairCalendars()).toBe(0);
      expect(await internalsOf(session).db.sealed('practiceLogs').count()).toBe(
        counts.practiceDays,
      );
    } finally {
      closeVaultSession(session);
    }
  });
});

import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault } from '../../tests/fixtures/vaults';
import {
  blankPhonePdf,
  fillOf,
  fillTracker,
  fourWeeksFilled,
} from '../../tests/interop/tracker-pdfs';
import { loadSodium } from '../../src-shared/crypto/sodium';
import type { Assignment } from '../../src-shared/domain/assignment';
import { phoneTrackerPages } from '../../src-shared/domain/phone-tracker-layout';
import { trackerDaysOf } from '../../src-shared/domain/returned-tracker';
import { readReturnedTrackerFor, trackerFormFor, withTrackerFormFor } from './returned-tracker';
import { trackerFormValues } from '../documents/tracker-form';
import type { TrackerPdfParser } from '../documents/read-returned-tracker';
import { openVaultSession, type VaultSession } from './vault-session';

beforeAll(() => loadSodium());

/** The worker's parse, on the test's thread. */
const parse: TrackerPdfParser = (request) => trackerFormValues(request.bytes, request);

const clientId = 'CCCCCCCCCCCCCCCCCCCCCC';

async function newSession(): Promise<VaultSession> {
  const vault = await buildVault();
  return openVaultSession({ header: vault.header, dataKey: vault.dataKey.slice() });
}

/** An agreed practice of four weeks, three times a week, with three tracker columns. */
async function practiceWithTracker(session: VaultSession): Promise<Assignment> {
  const draft = await session.assignments.start(
    { clientId, sessionId: null, startsOn: '2026-03-02', reviewBy: '2026-03-29' },
    { from: 'scratch', title: 'Evening walk' },
  );
  return session.assignments.save({
    ...draft,
    status: 'active',
    days: [1, 3, 5],
    trackerFields: [
      { label: 'Minutes walked', kind: 'minutes' },
      { label: 'Went outside', kind: 'yes-no' },
      { label: 'What I noticed', kind: 'short-text' },
    ],
  });
}

/** The phone handout of `assignment` made fillable in `session`'s vault, filled in by the client. */
async function returnedTracker(session: VaultSession, assignment: Assignment) {
  const days = trackerDaysOf(assignment);
  const columns = assignment.trackerFields;
  const blank = await blankPhonePdf(2 + phoneTrackerPages(days, columns).length);
  const fillable = await withTrackerFormFor(session, assignment, blank, { days, columns });
  const { reference } = trackerFormFor(session, assignment);
  return fillTracker(fillable, fillOf(reference, assignment, fourWeeksFilled));
}

describe('a returned tracker, for a practice of this vault', () => {
  it('is named by a reference and tag of this vault, the same every time', async () => {
    const session = await newSession();
    const other = await newSession();
    const assignment = { id: 'AAAAAAAAAAAAAAAAAAAAAA' };
    const form = trackerFormFor(session, assignment);
    expect(form.reference).toMatch(/^([a-z][0-9]){5}$/);
    expect(trackerFormFor(session, assignment)).toEqual(form);
    expect(trackerFormFor(session, { id: 'BBBBBBBBBBBBBBBBBBBBBB' }).reference).not.toBe(
      form.reference,
    );
    expect(trackerFormFor(other, assignment).reference).not.toBe(form.reference);
  });

  it('reads into entries the grid takes as they are, and writes nothing itself', async () => {
    const session = await newSession();
    const assignment = await practiceWithTracker(session);
    const bytes = await returnedTracker(session, assignment);
    const writes = session.changesSinceBackup();
    const result = await readReturnedTrackerFor(session, assignment, bytes, { parse });
    expect(session.changesSinceBackup()).toBe(writes);
    expect(result.ok && result.summary).toBe(
      "10 of 28 days filled in: 7 done, 2 partly, 1 with neither box ticked (read as not done). 1 thing wasn't added — see below.",
    );
    if (!result.ok) return;
    const walk = (minutes: number | null, outside: boolean, noticed?: string) => ({
      ...(minutes === null ? {} : { 'Minutes walked': minutes }),
      'Went outside': outside,
      ...(noticed === undefined ? {} : { 'What I noticed': noticed }),
    });
    expect(result.entries).toEqual([
      { date: '2026-03-02', mark: 'yes', tracker: walk(20, true, 'Birds by the river') },
      { date: '2026-03-04', mark: 'yes', tracker: walk(25, true) },
      { date: '2026-03-06', mark: 'partly', tracker: walk(10, false), note: 'Cold, turned back' },
      { date: '2026-03-07', mark: 'yes', tracker: walk(15, true, 'Extra walk — felt good') },
      { date: '2026-03-09', mark: 'yes', tracker: walk(30, true) },
      { date: '2026-03-11', mark: 'no', tracker: walk(null, false), note: 'Too tired after work' },
      { date: '2026-03-13', mark: 'yes', tracker: walk(null, true) },
      { date: '2026-03-16', mark: 'yes', tracker: walk(20, true, 'Ça va 😀') },
      { date: '2026-03-18', mark: 'partly', tracker: walk(5, false) },
      { date: '2026-03-20', mark: 'yes', tracker: walk(40, true) },
    ]);
    expect(result.read.notTaken).toEqual([
      {
        date: '2026-03-13',
        field: 'Minutes walked',
        value: '“\u2068half hr\u2069”',
        reason: 'does-not-fit',
      },
    ]);
    for (const entry of result.entries) {
      expect(await session.reviews.recordDay(assignment, entry)).toBeNull();
    }
    const days = await session.reviews.practiceDays(assignment.id);
    expect([...days.values()].map((log) => [log.date, log.done]).sort()).toEqual(
      result.entries.map((entry) => [entry.date, entry.mark]),
    );
  });

  it('refuses a tracker of another vault, or of another practice, with a message', async () => {
    const session = await newSession();
    const assignment = await practiceWithTracker(session);
    const other = await newSession();
    const fromOtherVault = await returnedTracker(other, await practiceWithTracker(other));
    expect(await readReturnedTrackerFor(session, assignment, fromOtherVault, { parse })).toEqual({
      ok: false,
      problem: 'other-vault',
      message: expect.stringContaining("wasn't made in this vault"),
    });
    const second = await practiceWithTracker(session);
    const forSecond = await returnedTracker(session, second);
    expect(await readReturnedTrackerFor(session, assignment, forSecond, { parse })).toEqual({
      ok: false,
      problem: 'other-assignment',
      message: expect.stringContaining('different practice'),
    });
  });

  it('refuses a damaged file with the reader’s message', async () => {
    const session = await newSession();
    const assignment = await practiceWithTracker(session);
    const bytes = await returnedTracker(session, assignment);
    const result = await readReturnedTrackerFor(session, assignment, bytes.slice(0, 1000), {
      parse,
    });
    expect(result).toEqual({
      ok: false,
      problem: 'truncated',
      message: expect.stringContaining('cut short'),
    });
  });
});

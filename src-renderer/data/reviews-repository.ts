import type { Assignment, AssignmentStatus } from '../../src-shared/domain/assignment';
import type { PracticeLog } from '../../src-shared/domain/practice-log';
import { newRecordId } from '../../src-shared/domain/record-id';
import { type Review, type ReviewDecision, reviewSchema } from '../../src-shared/domain/review';
import {
  type DayMark,
  type GridProblem,
  gridEntryProblem,
} from '../../src-shared/domain/review-grid';
import type { Session } from '../../src-shared/domain/session';
import { markReviewed } from '../../src-shared/domain/session-agenda';
import {
  EncryptedTable,
  type ReadAll,
  type VaultKeys,
  untracked,
  type WriteTracker,
} from './encrypted-table';
import { entities } from './entities';
import { createInsightSummaries } from './insight-summaries';
import { saveNextRevision } from './revisioned-save';
import { createSessionCalendars } from './session-calendars';
import type { VaultDatabase } from './vault-database';

/**
 * One day of the review's grid as entered: its mark (null: clear it), tracker values and, from a
 * returned tracker, the client's note for the day (left as it was when not given).
 */
export type GridEntry = {
  date: string;
  mark: DayMark | null;
  tracker: Record<string, string | number | boolean>;
  note?: string;
};

/** What finishing a review does to the practice reviewed, by decision. */
const statusAfter: Partial<Record<ReviewDecision, AssignmentStatus>> = {
  pause: 'paused',
  stop: 'stopped',
  completed: 'completed',
};

const byReviewedAt = (a: Review, b: Review) =>
  a.reviewedAt.localeCompare(b.reviewedAt) || a.id.localeCompare(b.id);

/** Reviews of practice and the practice-log days entered in them. */
export function createReviewsRepository(
  db: VaultDatabase,
  keys: VaultKeys,
  writes: WriteTracker = untracked,
) {
  const table = new EncryptedTable<Review>(db, keys, entities.reviews, writes);
  const logs = new EncryptedTable<PracticeLog>(db, keys, entities.practiceLogs, writes);
  const assignments = new EncryptedTable<Assignment>(db, keys, entities.assignments, writes);
  const sessions = new EncryptedTable<Session>(db, keys, entities.sessions, writes);
  const calendars = createSessionCalendars(db, keys, writes);
  const summaries = createInsightSummaries(db, keys, writes);
  const everyTable = [
    ...new Set([...calendars.tables, ...summaries.tables, table.table, logs.table]),
  ];

  /** Lists the finished review on its session as reviewed (the agenda's first item). */
  async function markOnSession(review: Review): Promise<void> {
    if (!review.sessionId) return;
    const session = await sessions.get(review.sessionId);
    if (!session) return;
    const update = markReviewed(session, review.assignmentId, review.id);
    // A full agenda (twenty items) keeps the review itself; only the listing is left out.
    if (!update.ok) return;
    await saveNextRevision(sessions, update.value);
    await calendars.rewrite(session.clientId);
  }

  return {
    /** Every review, earliest first (for the reviews CSV; Insights reads summaries instead). */
    async all(): Promise<ReadAll<Review>> {
      const result = await table.all();
      result.records.sort(byReviewedAt);
      return result;
    },
    /** A client's reviews, earliest first. */
    async forClient(clientId: string): Promise<ReadAll<Review>> {
      const result = await table.where('clientId', clientId);
      result.records.sort(byReviewedAt);
      return result;
    },
    /** The reviews of one assignment, earliest first. */
    async forAssignment(assignmentId: string): Promise<ReadAll<Review>> {
      const result = await table.where('assignmentId', assignmentId);
      result.records.sort(byReviewedAt);
      return result;
    },
    /** One review; throws RECORD_DAMAGED when it cannot be read. */
    get: (id: string): Promise<Review | undefined> => table.get(id),
    /**
     * The review of `assignment` in `sessionId` being filled in, or a new, empty one: reopening
     * a review carries on where it was left, and never makes a second one for the same session.
     */
    async open(assignment: Assignment, sessionId: string | null): Promise<Review> {
      return db.transaction('rw', everyTable, async () => {
        const existing = (await table.where('assignmentId', assignment.id)).records.find(
          (review) => review.sessionId === sessionId && (sessionId !== null || !review.finished),
        );
        if (existing) return existing;
        const at = new Date().toISOString();
        const review = reviewSchema.parse({
          id: newRecordId(),
          clientId: assignment.clientId,
          assignmentId: assignment.id,
          sessionId,
          reviewedAt: at,
          outcome: null,
          smallestVersionMet: null,
          amountFrom: null,
          percentDone: null,
          quality: null,
          engagement: null,
          helpful: null,
          hard: null,
          understoodWhy: null,
          fitsGoals: null,
          reportedBy: [],
          barriersMet: [],
          barrierNotes: '',
          ifThenPlan: null,
          backupPlan: null,
          madeThingsWorse: null,
          worseNote: '',
          happened: '',
          learned: '',
          wins: '',
          decision: null,
          decisionReason: '',
          nextAssignmentId: null,
          finished: false,
          revision: 0,
          createdAt: at,
          updatedAt: at,
        });
        await table.put(review);
        await summaries.rewrite(assignment.clientId);
        return review;
      });
    },
    /**
     * Saves an edited review as its next revision (EDIT_CONFLICT when another window saved it
     * since it was read). The client's insight summary is rewritten with it (so a review that is
     * finished, or taken back up, is counted or not at once), and a finished review updates what
     * it decided: the practice is paused, stopped or completed, and the session lists it as
     * reviewed — all in one transaction.
     */
    async save(review: Review): Promise<Review> {
      const valid = reviewSchema.parse(review);
      return db.transaction('rw', everyTable, async () => {
        const saved = await saveNextRevision(table, valid);
        await summaries.rewrite(valid.clientId);
        if (!valid.finished) return saved;
        const status = valid.decision ? statusAfter[valid.decision] : undefined;
        const assignment = await assignments.get(valid.assignmentId);
        if (assignment && status && assignment.status === 'active') {
          await saveNextRevision(assignments, { ...assignment, status });
        }
        await markOnSession(saved);
        return saved;
      });
    },
    /** The practice-log days entered for an assignment, by date. */
    async practiceDays(assignmentId: string): Promise<Map<string, PracticeLog>> {
      const { records } = await logs.where('assignmentId', assignmentId);
      return new Map(records.map((log) => [log.date, log]));
    },
    /**
     * Records one day of the grid for `assignment`: marks it (replacing what that day had), or
     * clears it when the mark is null. Refused, with nothing written, when the day is outside the
     * practice's dates or a tracker value does not fit its column: the problem is returned.
     */
    async recordDay(assignment: Assignment, entry: GridEntry): Promise<GridProblem | null> {
      const problem = gridEntryProblem(assignment, entry.date, entry.tracker);
      if (problem !== null) return problem;
      await db.transaction('rw', logs.table, async () => {
        const sameDay = (await logs.where('assignmentId', assignment.id)).records.filter(
          (log) => log.date === entry.date,
        );
        for (const log of sameDay.slice(entry.mark === null ? 0 : 1)) await logs.delete(log.id);
        if (entry.mark === null) return;
        await logs.put({
          id: sameDay[0]?.id ?? newRecordId(),
          clientId: assignment.clientId,
          assignmentId: assignment.id,
          date: entry.date,
          done: entry.mark,
          amount: null,
          tracker: entry.tracker,
          note: entry.note ?? sameDay[0]?.note ?? '',
        });
      });
      return null;
    },
  };
}

/** The reviews repository. */
export type ReviewsRepository = ReturnType<typeof createReviewsRepository>;

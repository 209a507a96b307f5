import type { Assignment, AssignmentStatus } from '../../src-shared/domain/assignment';
import {
  insightSummaryOf,
  summaryInStep,
  withAssignmentsSaved,
} from '../../src-shared/domain/insight-facts';
import type { InsightSummary } from '../../src-shared/domain/insight-summary';
import { newRecordId } from '../../src-shared/domain/record-id';
import type { Review } from '../../src-shared/domain/review';
import { EncryptedTable, type VaultKeys, type WriteTracker } from './encrypted-table';
import { entities } from './entities';
import type { VaultDatabase } from './vault-database';

/**
 * How many records of a table each client has (every client, or only `clientIds`), counted from
 * the index (nothing decrypted).
 */
async function countsByClient(
  table: EncryptedTable<{ id: string }>,
  clientIds?: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (clientIds) {
    // Counted by IndexedDB itself, one count per client side by side, opening no row.
    const each = await Promise.all(
      clientIds.map((clientId) => table.table.where('clientId').equals(clientId).count()),
    );
    clientIds.forEach((clientId, at) => counts.set(clientId, each[at] ?? 0));
    return counts;
  }
  await table.table.orderBy('clientId').eachKey((clientId) => {
    const key = String(clientId);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

/** Summaries by their client: a client may have none, or (out of step) more than one. */
function byClient(summaries: readonly InsightSummary[]): Map<string, InsightSummary[]> {
  const found = new Map<string, InsightSummary[]>();
  for (const summary of summaries)
    found.set(summary.clientId, [...(found.get(summary.clientId) ?? []), summary]);
  return found;
}

/**
 * Keeps each client's insight summary (derived, see insight-summary.ts) in step with their
 * reviews and assignments, and reads them for Insights. Every write that adds, removes or
 * finishes a review, or saves an agreed assignment, rewrites the client's summary in the same
 * transaction; a summary whose record counts differ from the index is worked out from the
 * records for that read and rewritten by `repair`.
 */
export function createInsightSummaries(db: VaultDatabase, keys: VaultKeys, writes: WriteTracker) {
  const reviews = new EncryptedTable<Review>(db, keys, entities.reviews, writes);
  const assignments = new EncryptedTable<Assignment>(db, keys, entities.assignments, writes);
  // Insights and Today read the summaries again and again; only a rewritten one is opened again.
  const summaries = new EncryptedTable<InsightSummary>(
    db,
    keys,
    entities.insightSummaries,
    writes,
    true,
  );

  /** A client's summary worked out from their records (damaged ones are counted, not used). */
  async function summaryFromRecords(clientId: string, id: string): Promise<InsightSummary> {
    const [clientReviews, clientAssignments] = await Promise.all([
      reviews.where('clientId', clientId),
      assignments.where('clientId', clientId),
    ]);
    return {
      ...insightSummaryOf(id, clientId, clientReviews.records, clientAssignments.records),
      reviewRecords: clientReviews.records.length + clientReviews.damagedIds.length,
      assignmentRecords: clientAssignments.records.length + clientAssignments.damagedIds.length,
    };
  }

  /**
   * Every client's summary as stored, and the clients whose summary is out of step with the
   * index. Every write keeps them in step, so when the summaries' record counts add up to the
   * tables' (two counts, nothing decrypted or scanned) they are taken as they are; only
   * otherwise is each client's checked against the index.
   */
  async function storedAndOutOfStep(): Promise<{
    stored: Map<string, InsightSummary>;
    outOfStep: string[];
  }> {
    const [read, reviewTotal, assignmentTotal] = await Promise.all([
      summaries.all(),
      reviews.table.count(),
      assignments.table.count(),
    ]);
    const stored = new Map(read.records.map((summary) => [summary.clientId, summary]));
    const listed = (count: (summary: InsightSummary) => number) =>
      read.records.reduce((sum, summary) => sum + count(summary), 0);
    const inStep =
      read.damagedIds.length === 0 &&
      stored.size === read.records.length &&
      listed((summary) => summary.reviewRecords) === reviewTotal &&
      listed((summary) => summary.assignmentRecords) === assignmentTotal;
    if (inStep) return { stored, outOfStep: [] };
    const [reviewCounts, assignmentCounts] = await Promise.all([
      countsByClient(reviews),
      countsByClient(assignments),
    ]);
    const found = byClient(read.records);
    const clients = new Set([...reviewCounts.keys(), ...assignmentCounts.keys(), ...stored.keys()]);
    const outOfStep = [...clients].filter(
      (clientId) =>
        !summaryInStep(found.get(clientId) ?? [], read.damagedIds.length > 0, {
          assignmentRecords: assignmentCounts.get(clientId) ?? 0,
          reviewRecords: reviewCounts.get(clientId) ?? 0,
        }),
    );
    return { stored, outOfStep };
  }

  /** Rewrites a client's summary from their records; call inside a transaction on `tables`. */
  async function rewrite(clientId: string): Promise<void> {
    const stored = await summaries.where('clientId', clientId);
    const [kept, ...extra] = stored.records;
    for (const id of [...extra.map((summary) => summary.id), ...stored.damagedIds])
      await summaries.delete(id);
    const summary = await summaryFromRecords(clientId, kept?.id ?? newRecordId());
    if (summary.reviewRecords === 0 && summary.assignmentRecords === 0) {
      if (kept) await summaries.delete(kept.id);
      return;
    }
    await summaries.put(summary);
  }

  /**
   * Keeps the summaries in step after agreed assignments were saved: only those assignments'
   * facts change in their client's summary when it was in step (one readable summary whose
   * counts match the index: nothing else is opened); otherwise it is rewritten from the
   * records. Call inside a transaction on `tables`, after the saves.
   */
  async function assignmentsSaved(saved: readonly Assignment[]): Promise<void> {
    for (const clientId of new Set(saved.map((assignment) => assignment.clientId))) {
      const [stored, reviewRecords, assignmentRecords] = await Promise.all([
        summaries.where('clientId', clientId),
        reviews.table.where('clientId').equals(clientId).count(),
        assignments.table.where('clientId').equals(clientId).count(),
      ]);
      const summary = summaryInStep(stored.records, stored.damagedIds.length > 0, {
        assignmentRecords,
        reviewRecords,
      });
      const theirs = saved.filter((assignment) => assignment.clientId === clientId);
      if (summary) await summaries.put(withAssignmentsSaved(summary, theirs));
      else await rewrite(clientId);
    }
  }

  return {
    /** The tables a transaction that rewrites a summary must include. */
    tables: [reviews.table, assignments.table, summaries.table],
    rewrite,
    assignmentsSaved,
    /**
     * Every client's summary, one small record each. A summary out of step with the index is
     * worked out from that client's records for this read.
     */
    async all(): Promise<InsightSummary[]> {
      const { stored, outOfStep } = await storedAndOutOfStep();
      for (const clientId of outOfStep) {
        stored.set(clientId, await summaryFromRecords(clientId, newRecordId()));
      }
      return [...stored.values()];
    },
    /**
     * The ids of each of these clients' assignments that stand at one of `statuses`, read from
     * their summaries (nothing else decrypted; drafts are never in a summary). A client maps to
     * null when their summary is out of step with the index, damaged or doubled: the caller
     * reads that client's assignments themselves.
     */
    async assignmentIdsAt(
      clientIds: readonly string[],
      statuses: readonly AssignmentStatus[],
    ): Promise<Map<string, string[] | null>> {
      const [read, counts] = await Promise.all([
        summaries.whereAnyOf('clientId', clientIds),
        countsByClient(assignments, clientIds),
      ]);
      const found = byClient(read.records);
      const wanted = new Set<string>(statuses);
      const result = new Map<string, string[] | null>();
      for (const clientId of clientIds) {
        const theirs = found.get(clientId) ?? [];
        const records = counts.get(clientId) ?? 0;
        // A damaged summary read here may be anyone's: it matters only to a client without one.
        const summary = summaryInStep(theirs, false, { assignmentRecords: records });
        if (theirs.length === 0 && records === 0 && read.damagedIds.length === 0)
          result.set(clientId, []);
        else if (summary)
          result.set(
            clientId,
            summary.assignments
              .filter((fact) => wanted.has(fact.status))
              .map((fact) => fact.assignmentId),
          );
        else result.set(clientId, null);
      }
      return result;
    },
    /**
     * Rewrites every summary out of step with its client's records (after restoring a backup
     * made before summaries existed, say). Run when idle after unlocking; returns how many.
     */
    async repair(): Promise<number> {
      const { outOfStep } = await storedAndOutOfStep();
      for (const clientId of outOfStep) {
        await db.transaction('rw', [reviews.table, assignments.table, summaries.table], () =>
          rewrite(clientId),
        );
      }
      return outOfStep.length;
    },
  };
}

/** Reading and keeping the insight summaries. */
export type InsightSummaries = ReturnType<typeof createInsightSummaries>;

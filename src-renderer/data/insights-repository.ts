import { format, parseISO } from 'date-fns';
import type { InsightSummary } from '../../src-shared/domain/insight-summary';
import type { ClientHabitFacts } from '../../src-shared/domain/insights';
import type { InsightSummaries } from './insight-summaries';
import type { LogRepository } from './log-repository';
import type { SessionsRepository } from './sessions-repository';

/** Everything the practice-wide Insights screen counts: facts only, never free text. */
export type PracticeInsightsData = {
  /** One per client with reviews or agreed practice. */
  summaries: InsightSummary[];
  /** One per client with sessions, reviews or practice: the clinician's habits. */
  habits: ClientHabitFacts[];
};

/** The log's export formats that are a handout taken away. */
const handoutFormats = new Set(['handout-pdf', 'pdf']);

const localDateOf = (iso: string) => format(parseISO(iso), 'yyyy-MM-dd');

/**
 * Reads what Insights counts across the practice without opening a single review, assignment,
 * session or practice-log entry: each client's insight summary and session calendar (small
 * derived records kept in step on every write), and the vault's log for handouts taken away.
 */
export function createInsightsRepository(
  summaries: InsightSummaries,
  sessions: Pick<SessionsRepository, 'calendars'>,
  log: Pick<LogRepository, 'all'>,
) {
  return {
    async practiceWide(): Promise<PracticeInsightsData> {
      const [clientSummaries, calendars, entries] = await Promise.all([
        summaries.all(),
        sessions.calendars(),
        log.all(),
      ]);
      const handoutDates = new Map<string, Set<string>>();
      for (const entry of entries.records) {
        if (entry.kind !== 'export' || !entry.clientId || !handoutFormats.has(entry.format))
          continue;
        const dates = handoutDates.get(entry.clientId) ?? new Set<string>();
        dates.add(localDateOf(entry.at));
        handoutDates.set(entry.clientId, dates);
      }
      const summaryOf = new Map(clientSummaries.map((summary) => [summary.clientId, summary]));
      const clientIds = new Set([...summaryOf.keys(), ...calendars.keys()]);
      const habits = [...clientIds].map((clientId): ClientHabitFacts => ({
        sessions: (calendars.get(clientId) ?? []).map((entry) => ({
          sessionId: entry.sessionId,
          date: localDateOf(entry.startsAt),
          status: entry.status,
          reviewedFirst: entry.reviewedFirst,
          setPractice: entry.setPractice,
        })),
        handoutDates: handoutDates.get(clientId) ?? new Set(),
        assignments: summaryOf.get(clientId)?.assignments ?? [],
      }));
      return { summaries: clientSummaries, habits };
    },
    /** Rewrites summaries out of step with their records; run when idle after unlocking. */
    repair: (): Promise<number> => summaries.repair(),
  };
}

/** The insights repository. */
export type InsightsRepository = ReturnType<typeof createInsightsRepository>;

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
  /**
   * One per client with sessions, reviews or practice: the clinician's habits, by client (the
   * days a handout was made are left empty: they come from `handoutDates`).
   */
  habits: (ClientHabitFacts & { clientId: string })[];
};

/** The log's export formats that are a handout taken away. */
const handoutFormats = new Set(['handout-pdf', 'pdf']);

const localDateOf = (iso: string) => format(parseISO(iso), 'yyyy-MM-dd');

/**
 * Reads what Insights counts across the practice without opening a single review, assignment,
 * session or practice-log entry: each client's insight summary and session calendar (small
 * derived records kept in step on every write). The days handouts were made come from the
 * vault's log, read separately (`handoutDates`), so the numbers never wait for it.
 */
export function createInsightsRepository(
  summaries: InsightSummaries,
  sessions: Pick<SessionsRepository, 'calendars'>,
  log: Pick<LogRepository, 'all'>,
) {
  return {
    async practiceWide(): Promise<PracticeInsightsData> {
      const [clientSummaries, calendars] = await Promise.all([
        summaries.all(),
        sessions.calendars(),
      ]);
      const summaryOf = new Map(clientSummaries.map((summary) => [summary.clientId, summary]));
      const clientIds = new Set([...summaryOf.keys(), ...calendars.keys()]);
      const habits = [...clientIds].map((clientId) => ({
        clientId,
        sessions: (calendars.get(clientId) ?? []).map((entry) => ({
          sessionId: entry.sessionId,
          date: localDateOf(entry.startsAt),
          status: entry.status,
          reviewedFirst: entry.reviewedFirst,
          setPractice: entry.setPractice,
        })),
        handoutDates: new Set<string>(),
        assignments: summaryOf.get(clientId)?.assignments ?? [],
      }));
      return { summaries: clientSummaries, habits };
    },
    /** The local days a handout was made for each client, by client id, from the vault's log. */
    async handoutDates(): Promise<Map<string, Set<string>>> {
      const entries = await log.all();
      const dates = new Map<string, Set<string>>();
      for (const entry of entries.records) {
        if (entry.kind !== 'export' || !entry.clientId || !handoutFormats.has(entry.format))
          continue;
        const days = dates.get(entry.clientId) ?? new Set<string>();
        days.add(localDateOf(entry.at));
        dates.set(entry.clientId, days);
      }
      return dates;
    },
    /** Rewrites summaries out of step with their records; run when idle after unlocking. */
    repair: (): Promise<number> => summaries.repair(),
  };
}

/** The insights repository. */
export type InsightsRepository = ReturnType<typeof createInsightsRepository>;

/**
 * How big the large reference practice is (`npm run seed -- --size large`, the benchmarks):
 * a busy clinician two years in. The counts are exact: seeding writes these many records.
 */
export type LargePracticePlan = {
  clients: number;
  /** Sessions per client (held, cancelled, planned); clients × this is the sessions in all. */
  sessionsPerClient: number;
  /** Clients seen now: weekly sessions up to next week, so Today has sessions and practice due. */
  activeClients: number;
  /** Clients on a break: fortnightly sessions that ended one to three months ago. */
  pausedClients: number;
  /** Goals in all, spread evenly over the clients. */
  goals: number;
  /** Assignments in all (a few drafts among them), set in held sessions. */
  assignments: number;
  /** Finished reviews in all, each of one agreed assignment at the next session held. */
  reviews: number;
  /** Practice-log days in all, within the agreed assignments' dates. */
  practiceLogs: number;
  /** Custom templates added to the built-in ones (44), made from them. */
  customTemplates: number;
  /** How far back the practice goes, in days. */
  historyDays: number;
  /** The seed of the content; the same seed writes the same practice. */
  seed: number;
};

/**
 * The large practice: 300 clients, 900 goals, 6,000 sessions, 12,000 assignments, 100,000
 * practice-log entries, 8,000 reviews, and 456 custom templates beside the 44 built-in ones
 * (500 in the library).
 */
export const largePracticePlan: LargePracticePlan = {
  clients: 300,
  sessionsPerClient: 20,
  activeClients: 60,
  pausedClients: 40,
  goals: 900,
  assignments: 12_000,
  reviews: 8_000,
  practiceLogs: 100_000,
  customTemplates: 456,
  historyDays: 730,
  seed: 20_261_202,
};

/**
 * The same practice at `factor` of its size (e.g. 0.05 for a quick test): every count scaled
 * and rounded, with at least one active and one paused client; sessions per client and the
 * history stay as they are, so each client's year looks the same.
 */
export function scaledPlan(plan: LargePracticePlan, factor: number): LargePracticePlan {
  const scale = (count: number) => Math.max(1, Math.round(count * factor));
  return {
    ...plan,
    clients: scale(plan.clients),
    activeClients: scale(plan.activeClients),
    pausedClients: scale(plan.pausedClients),
    goals: scale(plan.goals),
    assignments: scale(plan.assignments),
    reviews: scale(plan.reviews),
    practiceLogs: scale(plan.practiceLogs),
    customTemplates: scale(plan.customTemplates),
  };
}

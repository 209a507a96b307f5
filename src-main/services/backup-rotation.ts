/**
 * Which backups to keep: the newest 10, plus the newest of each day for the last 30 days, and
 * always the newest verified one, so rotation can never delete the only good copy. The backup
 * just written is always kept too: after the clock has been set back, older files can carry
 * later times than it.
 */

/** What rotation needs to know of a backup file. */
export type RotationCandidate = { fileName: string; createdAt: number; verified: boolean };

/** How many of the newest backups are always kept. */
export const KEEP_NEWEST = 10;
/** For how many days one backup per day is kept. */
export const KEEP_DAILY_FOR_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

function localDay(timestamp: number): string {
  const date = new Date(timestamp);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/**
 * The file names rotation removes, given every backup of one vault, the current time and the
 * file name of the backup just written (if any).
 */
export function backupsToDelete(
  backups: readonly RotationCandidate[],
  now: number,
  justWritten?: string,
): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt);
  const keep = new Set(newestFirst.slice(0, KEEP_NEWEST).map((backup) => backup.fileName));
  if (justWritten !== undefined) keep.add(justWritten);
  const newestVerified = newestFirst.find((backup) => backup.verified);
  if (newestVerified) keep.add(newestVerified.fileName);
  const daysSeen = new Set<string>();
  for (const backup of newestFirst) {
    if (now - backup.createdAt > KEEP_DAILY_FOR_DAYS * DAY_MS) continue;
    const day = localDay(backup.createdAt);
    if (daysSeen.has(day) || !backup.verified) continue;
    daysSeen.add(day);
    keep.add(backup.fileName);
  }
  return newestFirst
    .filter((backup) => !keep.has(backup.fileName))
    .map((backup) => backup.fileName);
}

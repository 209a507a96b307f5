import { describe, expect, it } from 'vitest';
import { backupsToDelete, type RotationCandidate } from './backup-rotation';

const now = new Date(2026, 10, 26, 18, 0).getTime();
const hour = 60 * 60 * 1000;

function backup(hoursAgo: number, verified = true): RotationCandidate {
  return { fileName: `b-${hoursAgo}.bwvault`, createdAt: now - hoursAgo * hour, verified };
}

describe('backup rotation', () => {
  it('keeps everything while there are ten or fewer', () => {
    expect(
      backupsToDelete(
        Array.from({ length: 10 }, (_, i) => backup(i)),
        now,
      ),
    ).toEqual([]);
  });

  it('keeps the newest ten plus one a day for thirty days', () => {
    // Six backups a day (every four hours) for 40 days.
    const all = Array.from({ length: 240 }, (_, i) => backup(i * 4));
    const deleted = new Set(backupsToDelete(all, now));
    const kept = all.filter((b) => !deleted.has(b.fileName));
    const newestTen = all.slice(0, 10);
    expect(newestTen.every((b) => !deleted.has(b.fileName))).toBe(true);
    const olderKept = kept.filter((b) => !newestTen.includes(b));
    const days = new Set(olderKept.map((b) => new Date(b.createdAt).toDateString()));
    expect(days.size).toBe(olderKept.length);
    expect(olderKept.every((b) => now - b.createdAt <= 30 * 24 * hour)).toBe(true);
    expect(kept.length).toBeGreaterThan(30);
    expect(kept.length).toBeLessThanOrEqual(10 + 31);
  });

  it('never deletes the only verified backup, however old', () => {
    const damaged = Array.from({ length: 12 }, (_, i) => backup(i, false));
    const oldGood = backup(24 * 90);
    expect(backupsToDelete([...damaged, oldGood], now)).not.toContain(oldGood.fileName);
  });

  it('does not let damaged backups take the place of a day’s good one', () => {
    const all = [...Array.from({ length: 10 }, (_, i) => backup(i)), backup(48, false), backup(50)];
    expect(backupsToDelete(all, now)).toEqual(['b-48.bwvault']);
  });

  it('keeps the backup just written even when ten others of the same day carry later times', () => {
    // The clock ran an hour fast for ten backups, then was put right.
    const later = Array.from({ length: 10 }, (_, i) => backup(-(i + 1) / 10));
    const justWritten = backup(0);
    expect(backupsToDelete([...later, justWritten], now, justWritten.fileName)).toEqual([]);
    expect(backupsToDelete([...later, backup(1), justWritten], now, justWritten.fileName)).toEqual([
      'b-1.bwvault',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { backupsToKeep } from './retention';

/** One backup a day at 03:00Z for `days` days ending 2026-11-25 (a Wednesday), newest first. */
function dailyBackups(days: number) {
  return Array.from({ length: days }, (_, i) => ({ createdAt: new Date(Date.UTC(2026, 10, 25 - i, 3)).toISOString() }));
}

describe('backupsToKeep', () => {
  it('keeps the last 7 days and then one per week for 4 older weeks', () => {
    const kept = backupsToKeep(dailyBackups(60), { daily: 7, weekly: 4 }).map((b) => b.createdAt.slice(0, 10));
    expect(kept.slice(0, 7)).toEqual(['2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20', '2026-11-19']);
    // 19/11 is a Thursday: its week (from Monday 16/11) is covered; then the Sundays of the 4 weeks before.
    expect(kept.slice(7)).toEqual(['2026-11-15', '2026-11-08', '2026-11-01', '2026-10-25']);
  });

  it('keeps only the newest of several backups on the same day', () => {
    const sameDay = ['2026-11-25T03:00:00.000Z', '2026-11-25T18:00:00.000Z', '2026-11-24T03:00:00.000Z'].map((createdAt) => ({ createdAt }));
    expect(backupsToKeep(sameDay, { daily: 7, weekly: 4 }).map((b) => b.createdAt)).toEqual(['2026-11-25T18:00:00.000Z', '2026-11-24T03:00:00.000Z']);
  });

  it('keeps everything when there are fewer backups than slots', () => {
    expect(backupsToKeep(dailyBackups(3), { daily: 7, weekly: 4 })).toHaveLength(3);
    expect(backupsToKeep([], { daily: 7, weekly: 4 })).toEqual([]);
  });

  it('follows a configured policy', () => {
    expect(backupsToKeep(dailyBackups(60), { daily: 2, weekly: 1 }).map((b) => b.createdAt.slice(0, 10))).toEqual(['2026-11-25', '2026-11-24', '2026-11-22']);
  });
});

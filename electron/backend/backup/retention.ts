/**
 * Which automatic backups to keep: the newest of each of the last `daily` days that have one, then the
 * newest of each of the `weekly` ISO weeks before those. Pure: the caller lists and deletes files.
 */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4 };

/** Monday of the UTC week of an ISO instant, as 'YYYY-MM-DD'. */
function weekOf(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/** `createdAt` are ISO instants; answers the subset to keep. */
export function backupsToKeep<T extends { createdAt: string }>(backups: readonly T[], policy: RetentionPolicy): T[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const daily: T[] = [];
  const days = new Set<string>();
  for (const b of newestFirst) {
    const day = b.createdAt.slice(0, 10);
    if (days.size >= policy.daily) break;
    if (days.has(day)) continue;
    days.add(day);
    daily.push(b);
  }
  // Weekly slots: weeks older than the daily ones, the newest backup of each.
  const coveredWeeks = new Set(daily.map((b) => weekOf(b.createdAt)));
  const oldestDaily = daily.at(-1)?.createdAt ?? '';
  const weekly: T[] = [];
  for (const b of newestFirst) {
    if (weekly.length >= policy.weekly) break;
    const week = weekOf(b.createdAt);
    if (b.createdAt >= oldestDaily || coveredWeeks.has(week)) continue;
    coveredWeeks.add(week);
    weekly.push(b);
  }
  return [...daily, ...weekly];
}

import type { DashboardRepo } from '../db/repos/dashboard.repo';

/** Past the bound the cache starts over (filters × dates of a long session; each entry is a few numbers). */
const MAX_ENTRIES = 5000;

/**
 * Aggregates as of a day, kept until data dated on or before that day changes. A payment registered today
 * leaves every figure as of an earlier day as it was (the 12-month trends, the opening of the month, the month's
 * recovery up to yesterday), so only today's are recomputed; a backdated payment, título or write-off drops the
 * figures from its date on.
 *
 * Changes are seen through migration 0011's day counters (updates and deletes) and the rows above the
 * highest ids seen (inserts), both in the database, so writes from other connections count as well.
 */
export function asOfCache(repo: DashboardRepo) {
  let seen: { days: Map<string, number>; invoiceId: number; paymentId: number } | null = null;
  const entries = new Map<string, { upTo: string; value: unknown }>();

  /** Drops the entries that a change since the last look can reach. */
  function refresh(): void {
    const days = new Map(repo.changedDays().map((r) => [r.day, r.n]));
    const added = repo.rowsAddedSince(seen);
    if (seen) {
      let earliest = added.earliest;
      for (const [day, n] of days) if (seen.days.get(day) !== n && (earliest === null || day < earliest)) earliest = day;
      if (earliest !== null) for (const [key, e] of entries) if (e.upTo >= earliest) entries.delete(key);
    }
    seen = { days, invoiceId: added.invoiceId, paymentId: added.paymentId };
  }

  return {
    refresh,
    /** `compute()`'s value, reused while nothing dated on or before `upTo` changed (call `refresh` first). */
    get<T>(key: string, upTo: string, compute: () => T): T {
      const hit = entries.get(key);
      if (hit) return hit.value as T;
      const value = compute();
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { upTo, value });
      return value;
    },
  };
}

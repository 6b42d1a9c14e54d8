// Aging buckets of overdue days (DOMAIN.md KPIs): a vencer, 1–15, 16–30, 31–60, 61–90, 91–180, >180.

export const AGING_BUCKETS = [
  { key: 'current', label: 'A vencer', minDays: null, maxDays: 0 },
  { key: 'd1_15', label: '1–15 dias', minDays: 1, maxDays: 15 },
  { key: 'd16_30', label: '16–30 dias', minDays: 16, maxDays: 30 },
  { key: 'd31_60', label: '31–60 dias', minDays: 31, maxDays: 60 },
  { key: 'd61_90', label: '61–90 dias', minDays: 61, maxDays: 90 },
  { key: 'd91_180', label: '91–180 dias', minDays: 91, maxDays: 180 },
  { key: 'd180_plus', label: 'Mais de 180 dias', minDays: 181, maxDays: null },
] as const satisfies readonly { key: string; label: string; minDays: number | null; maxDays: number | null }[];

export type AgingBucketKey = (typeof AGING_BUCKETS)[number]['key'];

/** The keys in order, typed as a non-empty tuple (ready for `z.enum(AGING_BUCKET_KEYS)`). */
export const AGING_BUCKET_KEYS = AGING_BUCKETS.map((b) => b.key) as [AgingBucketKey, ...AgingBucketKey[]];

export interface DayRange {
  /** Inclusive lower bound; null = unbounded (includes not-yet-due, negative days). */
  minDays: number | null;
  /** Inclusive upper bound; null = unbounded. */
  maxDays: number | null;
}

export function isAgingBucketKey(s: string): s is AgingBucketKey {
  return AGING_BUCKETS.some((b) => b.key === s);
}

/** days = asOf − due date; 0 or less (due today or later) is 'current'. */
export function bucketForDaysOverdue(days: number): AgingBucketKey {
  if (Number.isNaN(days)) throw new RangeError('dias em atraso inválido (NaN)');
  for (const b of AGING_BUCKETS) {
    if (b.maxDays === null || days <= b.maxDays) return b.key;
  }
  return 'd180_plus'; // unreachable: the last bucket is open-ended
}

/** Inclusive day bounds of a bucket, for SQL filters (`days >= min AND days <= max`, null = no bound). */
export function bucketDayRange(key: AgingBucketKey): DayRange {
  const b = AGING_BUCKETS.find((x) => x.key === key);
  if (!b) throw new RangeError(`faixa de atraso desconhecida: ${String(key)}`);
  return { minDays: b.minDays, maxDays: b.maxDays };
}

export function bucketLabel(key: AgingBucketKey): string {
  return AGING_BUCKETS.find((x) => x.key === key)?.label ?? key;
}

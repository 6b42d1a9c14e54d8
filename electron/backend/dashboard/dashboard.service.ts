import { AGING_BUCKETS, bucketForDaysOverdue, type AgingBucketKey } from '../../../shared/domain/aging';
import { forecastWeeks, FORECAST_WEEKS, NEUTRAL_BEHAVIOUR, type PaymentBehaviour } from '../../../shared/domain/cash-forecast';
import { addDays, diffDays } from '../../../shared/domain/dates';
import {
  collectionEffectivenessIndex,
  daysSalesOutstanding,
  delinquencyRatio,
  DSO_PERIOD_DAYS,
  previousMonthEnd,
  realisedPmr,
  recoveryRate,
  rollRate,
  trendDates,
} from '../../../shared/domain/kpi';
import type {
  AgingBucketRow,
  BreakdownRow,
  CashForecast,
  DashboardFilters,
  DashboardSummary,
  DashboardTrends,
  TopDebtor,
  TrendPoint,
} from '../../../shared/ipc/dashboard.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import type { CustomerBalance, SnapshotGroup } from '../db/repos/dashboard.repo';
import { asOfCache } from './as-of-cache';

export const TOP_DEBTORS = 20;
/** The forecast learns a customer's habits from the títulos due between a year and 90 days ago (matured). */
const BEHAVIOUR_WINDOW = { fromDays: 365, toDays: 90 };

type Totals = { openCents: number; overdueCents: number; openCount: number; overdueCount: number };

/** Bucket totals (index → cents, count) of a snapshot, whatever the earlier-date split. */
function bucketTotals(groups: SnapshotGroup[]): { cents: number[]; counts: number[] } {
  const cents = AGING_BUCKETS.map(() => 0);
  const counts = AGING_BUCKETS.map(() => 0);
  for (const g of groups) {
    cents[g.bucket]! += g.openCents;
    counts[g.bucket]! += g.count;
  }
  return { cents, counts };
}

function totalsOf(b: { cents: number[]; counts: number[] }): Totals {
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  // Bucket 0 is "a vencer"; every other bucket is overdue.
  return { openCents: sum(b.cents), overdueCents: sum(b.cents.slice(1)), openCount: sum(b.counts), overdueCount: sum(b.counts.slice(1)) };
}

function breakdown(customers: CustomerBalance[], keyOf: (c: CustomerBalance) => string | null): BreakdownRow[] {
  const rows = new Map<string | null, BreakdownRow>();
  for (const c of customers) {
    const key = keyOf(c);
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, openCents: 0, overdueCents: 0, customerCount: 0, delinquencyByValue: null }));
    r.openCents += c.openCents;
    r.overdueCents += c.overdueCents;
    r.customerCount++;
  }
  const out = [...rows.values()];
  for (const r of out) r.delinquencyByValue = delinquencyRatio(r.overdueCents, r.openCents);
  return out.sort((a, b) => b.overdueCents - a.overdueCents || b.openCents - a.openCents);
}

export function dashboardService(ctx: Context) {
  const repo = ctx.repos.dashboard;
  // Per figure and date: a payment today recomputes today's figures only, not earlier days' (month-ends, the
  // month's recovery up to yesterday); a backdated change recomputes from its date on (as-of-cache.ts).
  const figures = asOfCache(repo);
  const history = {
    snapshot: (date: string, previous: string | null, f: DashboardFilters) =>
      figures.get(`snapshot:${date}:${previous}:${JSON.stringify(f)}`, date, () => repo.snapshot(date, previous, f)),
    /** Up to the day before `end` kept, `end`'s own payments summed live: today's payments cost a day's read. */
    recoveredCents: (start: string, end: string, f: DashboardFilters): number => {
      const dayBefore = addDays(end, -1);
      const upTo = (date: string) =>
        figures.get(`recovered:${start}:${date}:${JSON.stringify(f)}`, date, () => repo.recoveredCents(start, date, f));
      if (dayBefore <= start) return upTo(end);
      return upTo(dayBefore) + figures.get(`recoveredOn:${start}:${end}:${JSON.stringify(f)}`, end, () => repo.recoveredCents(start, end, f, dayBefore));
    },
    creditSalesCents: (start: string, end: string, f: DashboardFilters) =>
      figures.get(`creditSales:${start}:${end}:${JSON.stringify(f)}`, end, () => repo.creditSalesCents(start, end, f)),
    settlementTiming: (start: string, end: string, f: DashboardFilters) =>
      figures.get(`settlement:${start}:${end}:${JSON.stringify(f)}`, end, () => repo.settlementTiming(start, end, f)),
  };

  // Aggregates are cached per data version: past month-ends cost a scan each and change only when data does.
  let cacheVersion = '';
  const cache = new Map<string, unknown>();
  function cached<T>(key: string, compute: () => T): T {
    const version = repo.dataVersion();
    if (version !== cacheVersion) {
      cache.clear();
      cacheVersion = version;
    }
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute();
    if (cache.size > 200) cache.clear();
    cache.set(key, value);
    return value;
  }

  function resolveAsOf(asOf: string | undefined): string {
    const today = ctx.asOf();
    if (asOf && asOf > today) {
      throw new AppError('VALIDATION', 'A data de referência do painel não pode estar no futuro.', {
        fields: [{ path: 'asOf', message: 'Data no futuro' }],
      });
    }
    return asOf ?? today;
  }

  function filtersOf(p: DashboardFilters): DashboardFilters {
    const f: DashboardFilters = {};
    if (p.segment) f.segment = p.segment;
    if (p.uf) f.uf = p.uf;
    if (p.salesRep) f.salesRep = p.salesRep;
    return f;
  }

  function snapshotTotals(date: string, f: DashboardFilters): Totals {
    return totalsOf(bucketTotals(history.snapshot(date, null, f)));
  }

  function summary(asOf: string, f: DashboardFilters): DashboardSummary {
    const monthStart = previousMonthEnd(asOf);
    const customers = repo.customerBalances(asOf, f);
    const buckets = { cents: AGING_BUCKETS.map(() => 0), counts: AGING_BUCKETS.map(() => 0) };
    for (const c of customers) {
      c.bucketCents.forEach((cents, i) => (buckets.cents[i]! += cents));
      c.bucketCounts.forEach((count, i) => (buckets.counts[i]! += count));
    }
    const now = totalsOf(buckets);
    const opening = snapshotTotals(monthStart, f);

    const customersPerBucket = new Map<AgingBucketKey, number>();
    for (const c of customers) {
      const key = c.oldestOverdueDue === null ? 'current' : bucketForDaysOverdue(diffDays(asOf, c.oldestOverdueDue));
      customersPerBucket.set(key, (customersPerBucket.get(key) ?? 0) + 1);
    }
    const aging: AgingBucketRow[] = AGING_BUCKETS.map((b, i) => ({
      key: b.key,
      amountCents: buckets.cents[i]!,
      count: buckets.counts[i]!,
      share: delinquencyRatio(buckets.cents[i]!, now.openCents) ?? 0,
      customerCount: customersPerBucket.get(b.key) ?? 0,
    }));

    const topDebtors: TopDebtor[] = customers
      .filter((c) => c.overdueCents > 0)
      .sort((a, b) => b.overdueCents - a.overdueCents || a.customerId - b.customerId)
      .slice(0, TOP_DEBTORS)
      .map((c) => ({
        customerId: c.customerId,
        legalName: c.legalName,
        segment: c.segment,
        uf: c.uf,
        salesRep: c.salesRep,
        overdueCents: c.overdueCents,
        openCents: c.openCents,
        oldestOverdueDays: c.oldestOverdueDue === null ? null : diffDays(asOf, c.oldestOverdueDue),
      }));

    const dsoStart = addDays(asOf, -DSO_PERIOD_DAYS);
    const creditSales90 = history.creditSalesCents(dsoStart, asOf, f);
    const timing = history.settlementTiming(dsoStart, asOf, f);
    const creditSalesMonth = history.creditSalesCents(monthStart, asOf, f);
    const recovered = history.recoveredCents(monthStart, asOf, f);

    return {
      asOf,
      monthStart,
      filters: f,
      totals: {
        ...now,
        customerCount: customers.length,
        delinquencyByValue: delinquencyRatio(now.overdueCents, now.openCents),
        delinquencyByCount: delinquencyRatio(now.overdueCount, now.openCount),
        dso: daysSalesOutstanding(now.openCents, creditSales90),
        realisedPmr: realisedPmr(timing.weightedDayCents, timing.paidCents),
        cei: collectionEffectivenessIndex({
          openingArCents: opening.openCents,
          creditSalesCents: creditSalesMonth,
          closingArCents: now.openCents,
          closingCurrentArCents: buckets.cents[0]!,
        }),
        recoveryRate: recoveryRate(recovered, opening.overdueCents),
        recoveredCents: recovered,
        overdueAtMonthStartCents: opening.overdueCents,
        creditSalesCents: creditSalesMonth,
      },
      aging,
      topDebtors,
      breakdowns: {
        segment: breakdown(customers, (c) => c.segment),
        uf: breakdown(customers, (c) => c.uf),
        salesRep: breakdown(customers, (c) => c.salesRep),
      },
    };
  }

  /**
   * The month-ends in order: each snapshot groups the balances by bucket on its date and on the previous date,
   * so one scan per date gives that date's totals and the roll rates from the one before.
   */
  function trendPoints(dates: string[], f: DashboardFilters): TrendPoint[] {
    let previous = previousMonthEnd(dates[0]!);
    let before = bucketTotals(history.snapshot(previous, null, f));
    return dates.map((date) => {
      const groups = history.snapshot(date, previous, f);
      const buckets = bucketTotals(groups);
      const now = totalsOf(buckets);
      const opening = totalsOf(before);
      const stillOpen = AGING_BUCKETS.map(() => 0);
      for (const g of groups) if (g.previousBucket >= 0) stillOpen[g.previousBucket]! += g.openCents;
      const recovered = history.recoveredCents(previous, date, f);
      const rollRates = Object.fromEntries(AGING_BUCKETS.map((b, i) => [b.key, rollRate(stillOpen[i]!, before.cents[i]!)])) as TrendPoint['rollRates'];
      previous = date;
      before = buckets;
      return {
        date,
        openCents: now.openCents,
        overdueCents: now.overdueCents,
        delinquencyByValue: delinquencyRatio(now.overdueCents, now.openCents),
        delinquencyByCount: delinquencyRatio(now.overdueCount, now.openCount),
        recoveredCents: recovered,
        recoveryRate: recoveryRate(recovered, opening.overdueCents),
        rollRates,
      };
    });
  }

  return {
    summary(p: ParsedParams<'dashboard.summary'>): DashboardSummary {
      const asOf = resolveAsOf(p.asOf);
      const f = filtersOf(p);
      return cached(`summary:${asOf}:${JSON.stringify(f)}`, () => {
        figures.refresh();
        return summary(asOf, f);
      });
    },

    trends(p: ParsedParams<'dashboard.trends'>): DashboardTrends {
      const asOf = resolveAsOf(p.asOf);
      const f = filtersOf(p);
      return cached(`trends:${asOf}:${JSON.stringify(f)}`, () => {
        figures.refresh();
        return { asOf, points: trendPoints(trendDates(asOf), f) };
      });
    },

    cashForecast(): CashForecast {
      const asOf = ctx.asOf();
      return cached(`forecast:${asOf}`, () => {
        const behaviours = new Map<number, PaymentBehaviour>();
        const rows = repo.paymentBehaviour(addDays(asOf, -BEHAVIOUR_WINDOW.fromDays), addDays(asOf, -BEHAVIOUR_WINDOW.toDays));
        for (const r of rows) {
          behaviours.set(r.customerId, {
            averageDelayDays: r.paidAmountCents > 0 ? r.weightedDelayCents / r.paidAmountCents : 0,
            defaultShare: r.totalCents > 0 ? r.unpaidCents / r.totalCents : 0,
          });
        }
        const obligations = ctx.repos.obligations.between(asOf, addDays(asOf, 7 * FORECAST_WEEKS - 1));
        const weeks = forecastWeeks(asOf, repo.openByDueDate(), (id) => behaviours.get(id) ?? NEUTRAL_BEHAVIOUR, obligations);
        return { asOf, weeks, obligations, customersWithHistory: behaviours.size };
      });
    },
  };
}

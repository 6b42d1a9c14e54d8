// Turns the SQL aggregates into the pure score's features: branches of one company (same CNPJ root) share
// exposure and limit, so a customer's exposure ratio is its company's open balance over its company's limit.
import { addMonths, diffDays } from '../../../shared/domain/dates';
import { cnpjRoot } from '../../../shared/domain/documents';
import type { RiskFeatures } from '../../../shared/domain/risk';
import type { BrokenRow, CreditCustomerRow, CreditRepo, HistoryAggregateRow } from '../db/repos/credit.repo';

export interface CustomerFeatures {
  customer: CreditCustomerRow;
  features: RiskFeatures;
}

/** The start of the "last 6 months" window of the trend factor: due dates after it are recent. */
export function recentFrom(asOf: string): string {
  return addMonths(asOf, -6);
}

const EMPTY_HISTORY: Omit<HistoryAggregateRow, 'customerId'> = {
  maturedCount: 0,
  lateCount: 0,
  lateDaysWeighted: 0,
  maturedCents: 0,
  maxDaysLate: 0,
  recentLateDaysWeighted: 0,
  recentCents: 0,
  earlierLateDaysWeighted: 0,
  earlierCents: 0,
  openCents: 0,
  overdueCents: 0,
  openDisputes: 0,
};

const weightedMean = (weighted: number, cents: number) => (cents > 0 ? weighted / cents : null);

/**
 * Features of every customer in `customers` (registered on or before `asOf`) from their history rows.
 * Company totals are summed over the customers given, so pass all branches of a root together.
 */
export function assembleFeatures(
  customers: readonly CreditCustomerRow[],
  history: readonly HistoryAggregateRow[],
  broken: readonly BrokenRow[],
  asOf: string,
): CustomerFeatures[] {
  const byCustomer = new Map(history.map((h) => [h.customerId, h]));
  const brokenBy = new Map(broken.map((b) => [b.customerId, b]));
  const company = new Map<string, { openCents: number; limitCents: number }>();
  const present = customers.filter((c) => c.createdOn <= asOf);
  for (const c of present) {
    const root = cnpjRoot(c.document);
    const t = company.get(root) ?? { openCents: 0, limitCents: 0 };
    t.openCents += byCustomer.get(c.customerId)?.openCents ?? 0;
    t.limitCents += c.creditLimitCents;
    company.set(root, t);
  }
  return present.map((c) => {
    const h = byCustomer.get(c.customerId) ?? { customerId: c.customerId, ...EMPTY_HISTORY };
    const group = company.get(cnpjRoot(c.document))!;
    const recent = weightedMean(h.recentLateDaysWeighted, h.recentCents);
    const earlier = weightedMean(h.earlierLateDaysWeighted, h.earlierCents);
    return {
      customer: c,
      features: {
        maturedCount: h.maturedCount,
        lateCount: h.lateCount,
        avgDaysLate: round1(weightedMean(h.lateDaysWeighted, h.maturedCents) ?? 0),
        maxDaysLate: h.maxDaysLate,
        recentAvgDaysLate: recent === null ? null : round1(recent),
        earlierAvgDaysLate: earlier === null ? null : round1(earlier),
        openCents: h.openCents,
        overdueCents: h.overdueCents,
        exposureCents: group.openCents,
        creditLimitCents: group.limitCents,
        tenureDays: Math.max(0, diffDays(asOf, c.createdOn)),
        brokenPromises: brokenBy.get(c.customerId)?.brokenPromises ?? 0,
        brokenAgreements: brokenBy.get(c.customerId)?.brokenAgreements ?? 0,
        openDisputes: h.openDisputes,
        bureauScore: c.bureauScore,
      },
    };
  });
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Everyone's features today (`today` is the business date) in one grouped pass. */
export function featuresOfAll(repo: CreditRepo, today: string): CustomerFeatures[] {
  return assembleFeatures(repo.customersAll(), repo.historyToday(today, recentFrom(today)), repo.brokenAll(today), today);
}

/** Everyone's features as they stood on a past date (the back-test), rebuilt from the payments made by then. */
export function featuresOnDate(repo: CreditRepo, asOf: string): CustomerFeatures[] {
  return assembleFeatures(repo.customersAll(), repo.historyOnDate(asOf, recentFrom(asOf)), repo.brokenAll(asOf), asOf);
}

/** One customer's features today, with its company's branches read too so exposure and limit are shared. */
export function featuresOfCustomer(repo: CreditRepo, customerId: number, today: string): CustomerFeatures | undefined {
  const document = repo.documentOf(customerId);
  if (document === undefined) return undefined;
  const branches = repo.customersByRoot(cnpjRoot(document));
  const ids = branches.map((b) => b.customerId);
  return assembleFeatures(branches, repo.historyTodayOf(ids, today, recentFrom(today)), repo.brokenOf(ids, today), today).find((f) => f.customer.customerId === customerId);
}

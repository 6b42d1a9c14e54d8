/** The overdue dashboard and the weekly cash-flow forecast (issue 4). */
import type { AgingBucketKey } from '../domain/aging';
import type { ForecastWeek } from '../domain/cash-forecast';
import type { Params } from './schemas';

export type ObligationCategory = 'supplier' | 'payroll' | 'tax' | 'other';

/** The customer filters every dashboard figure honours (null/absent = all). */
export interface DashboardFilters {
  segment?: string | undefined;
  uf?: string | undefined;
  salesRep?: string | undefined;
}

export interface DashboardTotals {
  openCents: number;
  overdueCents: number;
  openCount: number;
  overdueCount: number;
  /** Customers with an open balance. */
  customerCount: number;
  /** Ratios 0..1; null when there is nothing open. */
  delinquencyByValue: number | null;
  delinquencyByCount: number | null;
  /** Days (trailing 90 days). */
  dso: number | null;
  realisedPmr: number | null;
  /** Percent, month to date. */
  cei: number | null;
  /** 0..1, month to date. */
  recoveryRate: number | null;
  recoveredCents: number;
  overdueAtMonthStartCents: number;
  creditSalesCents: number;
}

export interface AgingBucketRow {
  key: AgingBucketKey;
  amountCents: number;
  /** Títulos in the bucket. */
  count: number;
  /** Share of the open balance, 0..1. */
  share: number;
  /**
   * Customers whose OLDEST overdue título is in this bucket (for 'current': open but nothing overdue): exactly
   * the customers the portfolio lists with this bucket filter.
   */
  customerCount: number;
}

export interface TopDebtor {
  customerId: number;
  legalName: string;
  segment: string | null;
  uf: string | null;
  salesRep: string | null;
  overdueCents: number;
  openCents: number;
  oldestOverdueDays: number | null;
}

export interface BreakdownRow {
  /** null = not filled in on the customer. */
  key: string | null;
  openCents: number;
  overdueCents: number;
  customerCount: number;
  delinquencyByValue: number | null;
}

export interface DashboardSummary {
  asOf: string;
  /** The "month" KPIs run from this date (exclusive) to asOf. */
  monthStart: string;
  filters: DashboardFilters;
  totals: DashboardTotals;
  aging: AgingBucketRow[];
  topDebtors: TopDebtor[];
  breakdowns: { segment: BreakdownRow[]; uf: BreakdownRow[]; salesRep: BreakdownRow[] };
}

export interface TrendPoint {
  /** A month-end. */
  date: string;
  openCents: number;
  overdueCents: number;
  delinquencyByValue: number | null;
  delinquencyByCount: number | null;
  /** Paid during the month on títulos overdue at its start. */
  recoveredCents: number;
  recoveryRate: number | null;
  /** Per bucket at the previous month-end: share still unpaid at this month-end; null when the bucket was empty. */
  rollRates: Record<AgingBucketKey, number | null>;
}

export interface DashboardTrends {
  asOf: string;
  points: TrendPoint[];
}

export interface CashObligation {
  id: number;
  description: string;
  category: ObligationCategory;
  dueDate: string;
  amountCents: number;
  updatedAt: string;
}

export interface CashForecast {
  asOf: string;
  weeks: ForecastWeek[];
  /** Obligations due inside the forecast's weeks, by due date. */
  obligations: CashObligation[];
  /** Customers with paid history that shaped the forecast (the others are assumed to pay on time, in full). */
  customersWithHistory: number;
}

export interface DashboardApi {
  'dashboard.summary': { params: Params<'dashboard.summary'>; result: DashboardSummary };
  'dashboard.trends': { params: Params<'dashboard.trends'>; result: DashboardTrends };
  'dashboard.cashForecast': { params: Params<'dashboard.cashForecast'>; result: CashForecast };
  'obligations.list': { params: Params<'obligations.list'>; result: CashObligation[] };
  'obligations.create': { params: Params<'obligations.create'>; result: CashObligation };
  'obligations.update': { params: Params<'obligations.update'>; result: CashObligation };
  'obligations.delete': { params: Params<'obligations.delete'>; result: { id: number } };
}

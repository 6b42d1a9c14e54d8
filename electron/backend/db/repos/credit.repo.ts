import type { BehaviourClass, RiskClass, RiskFeatures } from '../../../../shared/domain/risk';
import type { Prepare } from '../statements';

/** Per-customer payment-history aggregates as of a date (one row per customer with títulos issued by then). */
export interface HistoryAggregateRow {
  customerId: number;
  maturedCount: number;
  lateCount: number;
  /** Σ amount × days late and Σ amount over matured títulos (and the same split by recent / earlier). */
  lateDaysWeighted: number;
  maturedCents: number;
  maxDaysLate: number;
  recentLateDaysWeighted: number;
  recentCents: number;
  earlierLateDaysWeighted: number;
  earlierCents: number;
  openCents: number;
  overdueCents: number;
  openDisputes: number;
}

export interface CreditCustomerRow {
  customerId: number;
  document: string;
  legalName: string;
  creditLimitCents: number;
  createdOn: string;
  status: string;
  tags: string;
  bureauScore: number | null;
}

export interface StoredScoreRow {
  customerId: number;
  score: number;
  riskClass: RiskClass;
  behaviour: BehaviourClass;
  features: RiskFeatures;
  asOf: string;
  computedAt: string;
}

type StoredRow = Omit<StoredScoreRow, 'features'> & { features: string };

interface ScoredCustomerFields {
  legalName: string;
  document: string;
  salesRep: string | null;
  city: string | null;
  uf: string | null;
  creditLimitCents: number;
  status: string;
}

export interface ScoreWrite {
  customerId: number;
  score: number;
  riskClass: RiskClass;
  behaviour: BehaviourClass;
  /** The reasons are rebuilt from the stored features when shown. */
  features: RiskFeatures;
}

/**
 * Where each feature sits in the stored JSON array (credit_scores.features): an array rather than an object keeps
 * 50k rows small. Positions are fixed once stored: a new feature takes the next position.
 */
const FEATURE_POSITION: Record<keyof RiskFeatures, number> = {
  maturedCount: 0,
  lateCount: 1,
  avgDaysLate: 2,
  maxDaysLate: 3,
  recentAvgDaysLate: 4,
  earlierAvgDaysLate: 5,
  openCents: 6,
  overdueCents: 7,
  exposureCents: 8,
  creditLimitCents: 9,
  tenureDays: 10,
  brokenPromises: 11,
  brokenAgreements: 12,
  openDisputes: 13,
  bureauScore: 14,
};
const FEATURE_KEYS = (Object.keys(FEATURE_POSITION) as (keyof RiskFeatures)[]).sort((a, b) => FEATURE_POSITION[a] - FEATURE_POSITION[b]);

function encodeFeatures(f: RiskFeatures): string {
  return JSON.stringify(FEATURE_KEYS.map((k) => f[k]));
}

function decodeFeatures(json: string): RiskFeatures {
  const values = JSON.parse(json) as (number | null)[];
  return Object.fromEntries(FEATURE_KEYS.map((k, i) => [k, values[i] ?? null])) as unknown as RiskFeatures;
}

/**
 * Per customer from per-título rows `t` (customer_id, due_date, amount_cents, disputed, open_cents, days_late;
 * days_late NULL when not yet due or disputed). Disputed títulos are left out of lateness (the customer contests
 * them). The "earlier" sums are the totals minus the recent ones (SQLite shares identical aggregates).
 */
function historySql(tituloRows: string): string {
  return `
WITH t AS (${tituloRows}),
w AS (
  SELECT customer_id, disputed, open_cents, days_late, due_date > @recentFrom AS recent, due_date < @asOf AS overdue,
    amount_cents * days_late AS weighted, CASE WHEN days_late IS NOT NULL THEN amount_cents END AS matured_cents
  FROM t
)
SELECT customer_id AS customerId,
  COUNT(days_late) AS maturedCount,
  COUNT(*) FILTER (WHERE days_late > 0) AS lateCount,
  COALESCE(SUM(weighted), 0) AS lateDaysWeighted,
  COALESCE(SUM(matured_cents), 0) AS maturedCents,
  COALESCE(MAX(days_late), 0) AS maxDaysLate,
  COALESCE(SUM(weighted) FILTER (WHERE recent), 0) AS recentLateDaysWeighted,
  COALESCE(SUM(matured_cents) FILTER (WHERE recent), 0) AS recentCents,
  COALESCE(SUM(weighted), 0) - COALESCE(SUM(weighted) FILTER (WHERE recent), 0) AS earlierLateDaysWeighted,
  COALESCE(SUM(matured_cents), 0) - COALESCE(SUM(matured_cents) FILTER (WHERE recent), 0) AS earlierCents,
  SUM(open_cents) AS openCents,
  COALESCE(SUM(open_cents) FILTER (WHERE overdue), 0) AS overdueCents,
  COUNT(*) FILTER (WHERE disputed AND open_cents > 0) AS openDisputes
FROM w
GROUP BY customer_id`;
}

/**
 * Títulos as they stand today, from the columns every payment and status change maintains (paid_cents,
 * closed_on: the last payment's date, or the write-off/renegotiation date), valid because no payment is dated
 * after today. Read from the covering index in customer order; `ORDER BY … LIMIT -1` keeps this a co-routine
 * whose columns are computed once per título (flattened, every aggregate would recompute them) and lets the
 * grouping stream without a sort.
 */
const TITULOS_TODAY = `
  SELECT i.customer_id, i.due_date, i.amount_cents, i.status = 'disputed' AS disputed,
    CASE WHEN i.paid_cents >= i.amount_cents OR i.status IN ('written_off', 'renegotiated') THEN 0
         ELSE i.amount_cents - i.paid_cents END AS open_cents,
    CASE
      WHEN i.status = 'disputed' OR i.due_date > @asOf THEN NULL
      WHEN i.closed_on IS NOT NULL THEN MAX(0, CAST(julianday(i.closed_on) - julianday(i.due_date) AS INTEGER))
      ELSE CAST(julianday(@asOf) - julianday(i.due_date) AS INTEGER)
    END AS days_late
  FROM invoices i INDEXED BY invoices_customer_due
  WHERE i.issue_date <= @asOf {{customerFilter}}
  ORDER BY i.customer_id LIMIT -1`;

/**
 * Títulos as they stood on a past `@asOf` (the back-test): each título's payments up to then summed through the
 * covering index payments(invoice_id, paid_on, amount_cents), grouped per título first so the sums are computed
 * once. A write-off or renegotiation counts from its closing date, a dispute from the day (São Paulo time, as
 * closed_on) the título last changed.
 */
const TITULOS_ON_DATE = `
  SELECT i.customer_id, i.due_date, i.amount_cents,
    (i.status = 'disputed' AND date(i.updated_at, '-3 hours') <= @asOf) AS disputed,
    CASE WHEN COALESCE(SUM(p.amount_cents), 0) >= i.amount_cents
           OR (i.status IN ('written_off', 'renegotiated') AND i.closed_on <= @asOf) THEN 0
         ELSE i.amount_cents - COALESCE(SUM(p.amount_cents), 0) END AS open_cents,
    CASE
      WHEN (i.status = 'disputed' AND date(i.updated_at, '-3 hours') <= @asOf) OR i.due_date > @asOf THEN NULL
      WHEN COALESCE(SUM(p.amount_cents), 0) >= i.amount_cents THEN MAX(0, CAST(julianday(MAX(p.paid_on)) - julianday(i.due_date) AS INTEGER))
      WHEN i.status IN ('written_off', 'renegotiated') AND i.closed_on <= @asOf
        THEN MAX(0, CAST(julianday(i.closed_on) - julianday(i.due_date) AS INTEGER))
      ELSE CAST(julianday(@asOf) - julianday(i.due_date) AS INTEGER)
    END AS days_late
  FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id AND p.paid_on <= @asOf
  WHERE i.issue_date <= @asOf
  GROUP BY i.id`;

const ONLY_IDS = 'AND customer_id IN (SELECT value FROM json_each(@ids))';
export const HISTORY_TODAY_SQL = historySql(TITULOS_TODAY.replace('{{customerFilter}}', ''));
const HISTORY_TODAY_OF_SQL = historySql(TITULOS_TODAY.replace('{{customerFilter}}', ONLY_IDS));
export const HISTORY_ON_DATE_SQL = historySql(TITULOS_ON_DATE);

const CUSTOMER_COLUMNS = `c.id AS customerId, c.document, c.legal_name AS legalName, c.credit_limit_cents AS creditLimitCents,
  substr(c.created_at, 1, 10) AS createdOn, c.status, c.tags, b.score AS bureauScore
  FROM customers c LEFT JOIN credit_bureau_scores b ON b.customer_id = c.id`;

const SCORE_COLUMNS = `customer_id AS customerId, score, risk_class AS riskClass, behaviour, features, as_of AS asOf, computed_at AS computedAt`;

/**
 * For the back-test: per customer, whether some título became 90+ days overdue (unpaid on its 90th day)
 * inside (@asOf, @horizonEnd], and whether one already was 90+ days overdue and unpaid on @asOf (such a
 * customer is already in default and left out). Disputed títulos are not defaults.
 */
const OUTCOME_SQL = `
WITH t AS (
  SELECT i.customer_id, date(i.due_date, '+' || @badDays || ' days') AS bad_on, i.amount_cents,
    (SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p
      WHERE p.invoice_id = i.id AND p.paid_on <= MAX(date(i.due_date, '+' || @badDays || ' days'), @asOf)) AS paid_by_check
  FROM invoices i
  WHERE i.due_date <= date(@horizonEnd, '-' || @badDays || ' days') AND i.issue_date <= @horizonEnd AND i.status <> 'disputed'
)
SELECT customer_id AS customerId,
  MAX(bad_on > @asOf AND paid_by_check < amount_cents) AS wentBad,
  MAX(bad_on <= @asOf AND paid_by_check < amount_cents) AS alreadyBad
FROM t
GROUP BY customer_id`;

const OVERDUE_SQL = `SELECT customer_id AS customerId, MIN(due_date) AS oldestDueDate, SUM(amount_cents - paid_cents) AS overdueCents
  FROM invoices WHERE status IN ('open', 'partial', 'disputed') AND due_date < @asOf {{customerFilter}} GROUP BY customer_id`;

/** Promises and agreements the customer broke, counted on the day they were found broken. */
const BROKEN_SQL = `
SELECT customer_id AS customerId, COUNT(*) FILTER (WHERE kind = 'promise') AS brokenPromises, COUNT(*) FILTER (WHERE kind = 'agreement') AS brokenAgreements
FROM (
  SELECT customer_id, 'promise' AS kind FROM promises WHERE status = 'broken' AND substr(resolved_at, 1, 10) <= @asOf {{customerFilter}}
  UNION ALL
  SELECT customer_id, 'agreement' FROM agreements WHERE status = 'broken' AND substr(status_changed_at, 1, 10) <= @asOf {{customerFilter}}
)
GROUP BY customer_id`;
export interface BrokenRow {
  customerId: number;
  brokenPromises: number;
  brokenAgreements: number;
}

export interface OverdueRow {
  customerId: number;
  oldestDueDate: string;
  overdueCents: number;
}

export interface OutcomeRow {
  customerId: number;
  wentBad: 0 | 1;
  alreadyBad: 0 | 1;
}

export function creditRepo(prepare: Prepare) {
  return {
    outcomes(asOf: string, horizonEnd: string, badDays: number): OutcomeRow[] {
      return prepare(OUTCOME_SQL).all({ asOf, horizonEnd, badDays }) as OutcomeRow[];
    },
    /** Everyone's history today (see TITULOS_TODAY). */
    historyToday(asOf: string, recentFrom: string): HistoryAggregateRow[] {
      return prepare(HISTORY_TODAY_SQL).all({ asOf, recentFrom }) as HistoryAggregateRow[];
    },
    historyTodayOf(customerIds: readonly number[], asOf: string, recentFrom: string): HistoryAggregateRow[] {
      return prepare(HISTORY_TODAY_OF_SQL).all({ asOf, recentFrom, ids: JSON.stringify(customerIds) }) as HistoryAggregateRow[];
    },
    /** Everyone's history as it stood on a past date (see TITULOS_ON_DATE). */
    historyOnDate(asOf: string, recentFrom: string): HistoryAggregateRow[] {
      return prepare(HISTORY_ON_DATE_SQL).all({ asOf, recentFrom }) as HistoryAggregateRow[];
    },
    brokenAll(asOf: string): BrokenRow[] {
      return prepare(BROKEN_SQL.replaceAll('{{customerFilter}}', '')).all({ asOf }) as BrokenRow[];
    },
    brokenOf(customerIds: readonly number[], asOf: string): BrokenRow[] {
      return prepare(BROKEN_SQL.replaceAll('{{customerFilter}}', ONLY_IDS)).all({ asOf, ids: JSON.stringify(customerIds) }) as BrokenRow[];
    },
    customersAll(): CreditCustomerRow[] {
      return prepare(`SELECT ${CUSTOMER_COLUMNS}`).all() as CreditCustomerRow[];
    },
    /** Customers whose document starts with `root` (all branches of a CNPJ root; a CPF matches itself). */
    customersByRoot(root: string): CreditCustomerRow[] {
      return prepare(`SELECT ${CUSTOMER_COLUMNS} WHERE c.document >= @root AND c.document < @root || 'z'
        AND (c.document = @root OR (length(@root) = 8 AND length(c.document) = 14))`).all({ root }) as CreditCustomerRow[];
    },
    documentOf(customerId: number): string | undefined {
      return prepare('SELECT document FROM customers WHERE id = ?').pluck().get(customerId) as string | undefined;
    },
    statusOf(customerId: number): string | undefined {
      return prepare('SELECT status FROM customers WHERE id = ?').pluck().get(customerId) as string | undefined;
    },
    replaceScores(rows: readonly ScoreWrite[], asOf: string, computedAt: string): void {
      const stmt = prepare(
        `INSERT INTO credit_scores (customer_id, score, risk_class, behaviour, features, as_of, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(customer_id) DO UPDATE SET score = excluded.score, risk_class = excluded.risk_class, behaviour = excluded.behaviour,
           features = excluded.features, as_of = excluded.as_of, computed_at = excluded.computed_at`,
      );
      for (const r of rows) stmt.run(r.customerId, r.score, r.riskClass, r.behaviour, encodeFeatures(r.features), asOf, computedAt);
    },
    score(customerId: number): StoredScoreRow | undefined {
      const row = prepare(`SELECT ${SCORE_COLUMNS} FROM credit_scores WHERE customer_id = ?`).get(customerId) as StoredRow | undefined;
      return row && { ...row, features: decodeFeatures(row.features) };
    },
    allStoredFeatures(): { customerId: number; features: RiskFeatures }[] {
      const rows = prepare('SELECT customer_id AS customerId, features FROM credit_scores').all() as { customerId: number; features: string }[];
      return rows.map((r) => ({ customerId: r.customerId, features: decodeFeatures(r.features) }));
    },
    classCounts(): { riskClass: RiskClass; count: number }[] {
      return prepare('SELECT risk_class AS riskClass, COUNT(*) AS count FROM credit_scores GROUP BY risk_class').all() as {
        riskClass: RiskClass;
        count: number;
      }[];
    },
    lastComputed(): { asOf: string; computedAt: string } | undefined {
      return prepare('SELECT as_of AS asOf, computed_at AS computedAt FROM credit_scores ORDER BY computed_at DESC LIMIT 1').get() as
        | { asOf: string; computedAt: string }
        | undefined;
    },
    setBureauScore(w: { customerId: number; score: number; bureau: string; consultedOn: string; enteredBy: string }, at: string): void {
      prepare(
        `INSERT INTO credit_bureau_scores (customer_id, score, bureau, consulted_on, entered_by, entered_at)
         VALUES (@customerId, @score, @bureau, @consultedOn, @enteredBy, @at)
         ON CONFLICT(customer_id) DO UPDATE SET score = excluded.score, bureau = excluded.bureau,
           consulted_on = excluded.consulted_on, entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
      ).run({ ...w, at });
    },
    bureauScore(customerId: number): { score: number; bureau: string; consultedOn: string; enteredBy: string; enteredAt: string } | undefined {
      return prepare(
        `SELECT score, bureau, consulted_on AS consultedOn, entered_by AS enteredBy, entered_at AS enteredAt FROM credit_bureau_scores WHERE customer_id = ?`,
      ).get(customerId) as { score: number; bureau: string; consultedOn: string; enteredBy: string; enteredAt: string } | undefined;
    },
    /** Oldest overdue due date and overdue balance per customer today (the portfolio's covering index). */
    overdueNow(asOf: string): OverdueRow[] {
      return prepare(OVERDUE_SQL.replace('{{customerFilter}}', '')).all({ asOf }) as OverdueRow[];
    },
    overdueNowOf(customerIds: readonly number[], asOf: string): OverdueRow[] {
      return prepare(OVERDUE_SQL.replace('{{customerFilter}}', ONLY_IDS)).all({
        asOf,
        ids: JSON.stringify(customerIds),
      }) as OverdueRow[];
    },
    /** Stored scores with the customer fields the lists show. */
    scoredCustomers(): (StoredScoreRow & ScoredCustomerFields)[] {
      const rows = prepare(
        `SELECT s.customer_id AS customerId, s.score, s.risk_class AS riskClass, s.behaviour, s.features, s.as_of AS asOf,
           s.computed_at AS computedAt, c.legal_name AS legalName, c.document, c.sales_rep AS salesRep, c.city, c.uf,
           c.credit_limit_cents AS creditLimitCents, c.status
         FROM credit_scores s JOIN customers c ON c.id = s.customer_id ORDER BY c.sort_name`,
      ).all() as (StoredRow & ScoredCustomerFields)[];
      return rows.map((r) => ({ ...r, features: decodeFeatures(r.features) }));
    },
    getSetting(key: string): string | undefined {
      return prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    },
    putSetting(key: string, value: string): void {
      prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
    },
  };
}

export type CreditRepo = ReturnType<typeof creditRepo>;

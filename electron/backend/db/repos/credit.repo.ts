import type { BehaviourClass, RiskClass, RiskFactorKey } from '../../../../shared/domain/risk';
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
  reasons: string;
  features: string;
  asOf: string;
  computedAt: string;
}

export interface ScoreWrite {
  customerId: number;
  score: number;
  riskClass: RiskClass;
  behaviour: BehaviourClass;
  /** Factor and points only: the words are rebuilt from the stored features when shown (50k rows stay small). */
  points: { factor: RiskFactorKey; points: number }[];
  features: unknown;
}

/**
 * The history as of `@asOf`, per título then per customer: one pass over invoices in rowid order, each
 * título's payments summed through the covering index payments(invoice_id, paid_on, amount_cents); the
 * per-título rows are grouped first so their payment sums are computed once, not once per use. Only what was
 * knowable on `@asOf` counts: payments up to it; a write-off, renegotiation or dispute only from the day the
 * título last changed (updated_at). Disputed títulos are left out of lateness (the customer contests them).
 * `{{customerFilter}}` narrows to a set of customers (json array in `@ids`) or is empty for everyone.
 */
const HISTORY_SQL = `
WITH t AS (
  SELECT i.customer_id, i.due_date, i.amount_cents,
    (i.status = 'disputed' AND substr(i.updated_at, 1, 10) <= @asOf) AS disputed,
    CASE WHEN COALESCE(SUM(p.amount_cents), 0) >= i.amount_cents
           OR (i.status IN ('written_off', 'renegotiated') AND substr(i.updated_at, 1, 10) <= @asOf) THEN 0
         ELSE i.amount_cents - COALESCE(SUM(p.amount_cents), 0) END AS open_cents,
    CASE
      WHEN (i.status = 'disputed' AND substr(i.updated_at, 1, 10) <= @asOf) OR i.due_date > @asOf THEN NULL
      WHEN COALESCE(SUM(p.amount_cents), 0) >= i.amount_cents THEN MAX(0, CAST(julianday(MAX(p.paid_on)) - julianday(i.due_date) AS INTEGER))
      WHEN i.status IN ('written_off', 'renegotiated') AND substr(i.updated_at, 1, 10) <= @asOf
        THEN MAX(0, CAST(julianday(substr(i.updated_at, 1, 10)) - julianday(i.due_date) AS INTEGER))
      ELSE CAST(julianday(@asOf) - julianday(i.due_date) AS INTEGER)
    END AS days_late
  FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id AND p.paid_on <= @asOf
  WHERE i.issue_date <= @asOf {{customerFilter}}
  GROUP BY i.id
)
SELECT customer_id AS customerId,
  COUNT(days_late) AS maturedCount,
  COUNT(*) FILTER (WHERE days_late > 0) AS lateCount,
  COALESCE(SUM(amount_cents * days_late), 0) AS lateDaysWeighted,
  COALESCE(SUM(amount_cents) FILTER (WHERE days_late IS NOT NULL), 0) AS maturedCents,
  COALESCE(MAX(days_late), 0) AS maxDaysLate,
  COALESCE(SUM(amount_cents * days_late) FILTER (WHERE due_date > @recentFrom), 0) AS recentLateDaysWeighted,
  COALESCE(SUM(amount_cents) FILTER (WHERE days_late IS NOT NULL AND due_date > @recentFrom), 0) AS recentCents,
  COALESCE(SUM(amount_cents * days_late) FILTER (WHERE due_date <= @recentFrom), 0) AS earlierLateDaysWeighted,
  COALESCE(SUM(amount_cents) FILTER (WHERE days_late IS NOT NULL AND due_date <= @recentFrom), 0) AS earlierCents,
  SUM(open_cents) AS openCents,
  COALESCE(SUM(open_cents) FILTER (WHERE due_date < @asOf), 0) AS overdueCents,
  COUNT(*) FILTER (WHERE disputed AND open_cents > 0) AS openDisputes
FROM t
GROUP BY customer_id`;

export const HISTORY_ALL_SQL = HISTORY_SQL.replace('{{customerFilter}}', '');
const HISTORY_SOME_SQL = HISTORY_SQL.replace('{{customerFilter}}', 'AND i.customer_id IN (SELECT value FROM json_each(@ids))');

const CUSTOMER_COLUMNS = `c.id AS customerId, c.document, c.legal_name AS legalName, c.credit_limit_cents AS creditLimitCents,
  substr(c.created_at, 1, 10) AS createdOn, c.status, c.tags, b.score AS bureauScore
  FROM customers c LEFT JOIN credit_bureau_scores b ON b.customer_id = c.id`;

const SCORE_COLUMNS = `customer_id AS customerId, score, risk_class AS riskClass, behaviour, reasons, features, as_of AS asOf, computed_at AS computedAt`;

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
const ONLY_IDS = 'AND customer_id IN (SELECT value FROM json_each(@ids))';

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
    historyAll(asOf: string, recentFrom: string): HistoryAggregateRow[] {
      return prepare(HISTORY_ALL_SQL).all({ asOf, recentFrom }) as HistoryAggregateRow[];
    },
    historyOf(customerIds: readonly number[], asOf: string, recentFrom: string): HistoryAggregateRow[] {
      return prepare(HISTORY_SOME_SQL).all({ asOf, recentFrom, ids: JSON.stringify(customerIds) }) as HistoryAggregateRow[];
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
        `INSERT INTO credit_scores (customer_id, score, risk_class, behaviour, reasons, features, as_of, computed_at)
         VALUES (@customerId, @score, @riskClass, @behaviour, @reasons, @features, @asOf, @computedAt)
         ON CONFLICT(customer_id) DO UPDATE SET score = excluded.score, risk_class = excluded.risk_class,
           behaviour = excluded.behaviour, reasons = excluded.reasons, features = excluded.features,
           as_of = excluded.as_of, computed_at = excluded.computed_at`,
      );
      for (const r of rows) {
        stmt.run({
          customerId: r.customerId,
          score: r.score,
          riskClass: r.riskClass,
          behaviour: r.behaviour,
          reasons: JSON.stringify(r.points.map(({ factor, points }) => ({ factor, points }))),
          features: JSON.stringify(r.features),
          asOf,
          computedAt,
        });
      }
    },
    score(customerId: number): StoredScoreRow | undefined {
      return prepare(`SELECT ${SCORE_COLUMNS} FROM credit_scores WHERE customer_id = ?`).get(customerId) as StoredScoreRow | undefined;
    },
    allStoredFeatures(): { customerId: number; features: string }[] {
      return prepare('SELECT customer_id AS customerId, features FROM credit_scores').all() as { customerId: number; features: string }[];
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
      return prepare(OVERDUE_SQL.replace('{{customerFilter}}', 'AND customer_id IN (SELECT value FROM json_each(@ids))')).all({
        asOf,
        ids: JSON.stringify(customerIds),
      }) as OverdueRow[];
    },
    /** Stored scores with the customer fields the lists show. */
    scoredCustomers(): (StoredScoreRow & { legalName: string; document: string; salesRep: string | null; city: string | null; uf: string | null; creditLimitCents: number; status: string })[] {
      return prepare(
        `SELECT s.customer_id AS customerId, s.score, s.risk_class AS riskClass, s.behaviour, s.reasons, s.features, s.as_of AS asOf,
           s.computed_at AS computedAt, c.legal_name AS legalName, c.document, c.sales_rep AS salesRep, c.city, c.uf,
           c.credit_limit_cents AS creditLimitCents, c.status
         FROM credit_scores s JOIN customers c ON c.id = s.customer_id ORDER BY c.sort_name`,
      ).all() as (StoredScoreRow & { legalName: string; document: string; salesRep: string | null; city: string | null; uf: string | null; creditLimitCents: number; status: string })[];
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

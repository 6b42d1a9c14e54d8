import { AGING_BUCKETS } from '../../../../shared/domain/aging';
import { addDays } from '../../../../shared/domain/dates';
import type { DashboardFilters } from '../../../../shared/ipc/dashboard.contract';
import type { Prepare } from '../statements';

// The dashboard's aggregates, computed AS OF a date from the títulos and their payments (migration 0004 keeps
// `first_paid_on` and `closed_on`), so a past date gives what the dashboard showed that day. A título is open on
// day D when issue_date <= D and it was not closed by D; its balance on D is its amount less the payments up to D.

/** Boundaries of the aging buckets on day `asOf` as due-date thresholds (bucket i holds due_date >= edge i). */
function bucketCase(dateParam: string, column = 'due_date'): string {
  const whens = AGING_BUCKETS.flatMap((b, i) => (b.maxDays === null ? [] : [`WHEN ${column} >= @${dateParam}_edge${i} THEN ${i}`]));
  return `CASE ${whens.join(' ')} ELSE ${AGING_BUCKETS.length - 1} END`;
}

function bucketEdges(dateParam: string, date: string): Record<string, string> {
  const edges: Record<string, string> = {};
  AGING_BUCKETS.forEach((b, i) => {
    if (b.maxDays !== null) edges[`${dateParam}_edge${i}`] = addDays(date, -b.maxDays);
  });
  return edges;
}

/** `AND i.customer_id IN (…)` for the filters given, plus their parameters. */
function customerFilter(f: DashboardFilters): { sql: string; params: Record<string, string> } {
  const columns = { segment: 'segment', uf: 'uf', salesRep: 'sales_rep' } as const;
  const where: string[] = [];
  const params: Record<string, string> = {};
  for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
    const value = f[key];
    if (!value) continue;
    where.push(`${columns[key]} = @${key}`);
    params[key] = value;
  }
  return { sql: where.length ? `AND i.customer_id IN (SELECT id FROM customers WHERE ${where.join(' AND ')})` : '', params };
}

/**
 * `balances`: every título open on @asOf with its balance that day. The two halves match the partial indexes
 * `invoices_asof_open` (open now) and `invoices_asof_closed` (closed after @asOf); payments are read only for
 * títulos partly paid by then. INDEXED BY: left alone, the planner picks `invoices_issue_date` (every título
 * ever issued) or the narrower `invoices_open_balance` plus a table lookup per row, 3–10x slower here.
 */
function balancesCte(filterSql: string): string {
  const columns = 'i.id, i.customer_id, i.due_date, i.issue_date, i.amount_cents, i.first_paid_on';
  return `
  alive AS (
    SELECT ${columns} FROM invoices i INDEXED BY invoices_asof_open
     WHERE i.status IN ('open', 'partial', 'disputed') AND i.issue_date <= @asOf ${filterSql}
    UNION ALL
    SELECT ${columns} FROM invoices i INDEXED BY invoices_asof_closed
     WHERE i.closed_on IS NOT NULL AND i.closed_on > @asOf AND i.issue_date <= @asOf ${filterSql}
  ),
  balances AS (
    SELECT customer_id, due_date, issue_date,
           amount_cents - CASE WHEN first_paid_on IS NULL OR first_paid_on > @asOf THEN 0
             ELSE (SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p WHERE p.invoice_id = alive.id AND p.paid_on <= @asOf)
           END AS open_cents
    FROM alive
  )`;
}

/** One group of open títulos on a date: its aging bucket then and, for roll rates, on an earlier date. */
export interface SnapshotGroup {
  /** Index into AGING_BUCKETS on the snapshot date. */
  bucket: number;
  /** Index into AGING_BUCKETS on the earlier date; -1 when issued after it (or no earlier date was asked). */
  previousBucket: number;
  openCents: number;
  count: number;
}

export interface CustomerBalance {
  customerId: number;
  legalName: string;
  segment: string | null;
  uf: string | null;
  salesRep: string | null;
  openCents: number;
  overdueCents: number;
  oldestOverdueDue: string | null;
  /** Open balance and título count per aging bucket (index into AGING_BUCKETS). */
  bucketCents: number[];
  bucketCounts: number[];
}

export function dashboardRepo(prepare: Prepare) {
  return {
    /**
     * Open balance on `asOf` grouped by aging bucket; with `previous`, also by the bucket each título was in on
     * that earlier date (the roll-rate numerators).
     */
    snapshot(asOf: string, previous: string | null, f: DashboardFilters): SnapshotGroup[] {
      const filter = customerFilter(f);
      const previousBucket = previous ? `CASE WHEN issue_date > @previous THEN -1 ELSE ${bucketCase('previous')} END` : '-1';
      const sql = `WITH ${balancesCte(filter.sql)}
        SELECT ${bucketCase('asOf')} AS bucket, ${previousBucket} AS previousBucket,
               SUM(open_cents) AS openCents, COUNT(*) AS count
        FROM balances GROUP BY 1, 2`;
      const params = { asOf, ...bucketEdges('asOf', asOf), ...filter.params, ...(previous ? { previous, ...bucketEdges('previous', previous) } : {}) };
      return prepare(sql).all(params) as SnapshotGroup[];
    },

    /**
     * Each customer with an open balance on `asOf`: balances, the due date of its oldest overdue título and its
     * split by aging bucket (one scan answers the aging, the top debtors and the breakdowns). SQL groups by
     * (customer, bucket) so the bucket is computed once per título; the rows are folded per customer here.
     */
    customerBalances(asOf: string, f: DashboardFilters): CustomerBalance[] {
      const filter = customerFilter(f);
      const sql = `WITH ${balancesCte(filter.sql)},
        grouped AS (
          SELECT customer_id, ${bucketCase('asOf')} AS bucket, SUM(open_cents) AS cents, COUNT(*) AS n, MIN(due_date) AS oldest
          FROM balances GROUP BY 1, 2
        )
        SELECT g.customer_id, g.bucket, g.cents, g.n, g.oldest, c.legal_name, c.segment, c.uf, c.sales_rep
        FROM grouped g JOIN customers c ON c.id = g.customer_id`;
      const rows = prepare(sql).raw().all({ asOf, ...bucketEdges('asOf', asOf), ...filter.params }) as [
        number, number, number, number, string, string, string | null, string | null, string | null,
      ][];
      const byCustomer = new Map<number, CustomerBalance>();
      for (const [customerId, bucket, cents, count, oldest, legalName, segment, uf, salesRep] of rows) {
        let c = byCustomer.get(customerId);
        if (!c) {
          c = {
            customerId, legalName, segment, uf, salesRep, openCents: 0, overdueCents: 0, oldestOverdueDue: null,
            bucketCents: AGING_BUCKETS.map(() => 0), bucketCounts: AGING_BUCKETS.map(() => 0),
          };
          byCustomer.set(customerId, c);
        }
        c.openCents += cents;
        c.bucketCents[bucket] = cents;
        c.bucketCounts[bucket] = count;
        // Bucket 0 is "a vencer"; the others are overdue.
        if (bucket > 0) {
          c.overdueCents += cents;
          if (c.oldestOverdueDue === null || oldest < c.oldestOverdueDue) c.oldestOverdueDue = oldest;
        }
      }
      return [...byCustomer.values()];
    },

    /**
     * Paid in (paidAfter, end] on títulos already overdue on `start` (due before it): the month's recovery when
     * `paidAfter` is `start`. No INDEXED BY: with a filter the planner rightly starts from the customers.
     */
    recoveredCents(start: string, end: string, f: DashboardFilters, paidAfter: string = start): number {
      const filter = customerFilter(f);
      return prepare(
        `SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p JOIN invoices i ON i.id = p.invoice_id
         WHERE p.paid_on > @paidAfter AND p.paid_on <= @end AND i.due_date < @start ${filter.sql}`,
      )
        .pluck()
        .get({ start, end, paidAfter, ...filter.params }) as number;
    },

    /** Títulos issued in (start, end]: the credit sales of the period. */
    creditSalesCents(start: string, end: string, f: DashboardFilters): number {
      const filter = customerFilter(f);
      return prepare(
        `SELECT COALESCE(SUM(i.amount_cents), 0) FROM invoices i WHERE i.issue_date > @start AND i.issue_date <= @end ${filter.sql}`,
      )
        .pluck()
        .get({ start, end, ...filter.params }) as number;
    },

    /**
     * Títulos paid in full in (start, end]: their value and Σ value × days from issue to settlement (the last
     * payment). Read from the títulos, not the payments, so one covering index answers it.
     */
    settlementTiming(start: string, end: string, f: DashboardFilters): { paidCents: number; weightedDayCents: number } {
      const filter = customerFilter(f);
      return prepare(
        `SELECT COALESCE(SUM(i.amount_cents), 0) AS paidCents,
                COALESCE(SUM(i.amount_cents * (julianday(i.closed_on) - julianday(i.issue_date))), 0) AS weightedDayCents
         FROM invoices i INDEXED BY invoices_asof_closed
         WHERE i.closed_on IS NOT NULL AND i.closed_on > @start AND i.closed_on <= @end AND i.status = 'paid' ${filter.sql}`,
      ).get({ start, end, ...filter.params }) as { paidCents: number; weightedDayCents: number };
    },

    /** Open balance now per customer and due date (the forecast's receipts). */
    openByDueDate(): { customerId: number; dueDate: string; openCents: number }[] {
      return prepare(
        `SELECT customer_id AS customerId, due_date AS dueDate, SUM(amount_cents - paid_cents) AS openCents
         FROM invoices INDEXED BY invoices_open_balance WHERE status IN ('open', 'partial', 'disputed')
         GROUP BY customer_id, due_date`,
      ).all() as { customerId: number; dueDate: string; openCents: number }[];
    },

    /**
     * How each customer paid the títulos due in (from, to]: value-weighted days from due date to settlement of
     * the paid ones, and the share of the value still unpaid or written off (renegotiated ones are left out:
     * their balance moved to new títulos).
     */
    paymentBehaviour(from: string, to: string): { customerId: number; weightedDelayCents: number; paidAmountCents: number; unpaidCents: number; totalCents: number }[] {
      return prepare(
        `SELECT customer_id AS customerId,
                COALESCE(SUM(CASE WHEN status = 'paid' THEN amount_cents * (julianday(closed_on) - julianday(due_date)) END), 0) AS weightedDelayCents,
                COALESCE(SUM(CASE WHEN status = 'paid' THEN amount_cents END), 0) AS paidAmountCents,
                SUM(CASE WHEN status = 'paid' THEN 0 ELSE amount_cents - paid_cents END) AS unpaidCents,
                SUM(amount_cents) AS totalCents
         FROM invoices INDEXED BY invoices_behaviour
         WHERE due_date > @from AND due_date <= @to AND status <> 'renegotiated'
         GROUP BY customer_id`,
      ).all({ from, to }) as { customerId: number; weightedDelayCents: number; paidAmountCents: number; unpaidCents: number; totalCents: number }[];
    },

    /** The change counter of each day of history (migration 0011's triggers; '0000-00-00' means all of it). */
    changedDays(): { day: string; n: number }[] {
      return prepare('SELECT day, n FROM dashboard_changed_days').all() as { day: string; n: number }[];
    },

    /**
     * The highest título and payment ids and, when ids seen before are given, the earliest date among the rows
     * added since (issue date of títulos, payment date of payments): the oldest day new rows can change.
     */
    rowsAddedSince(seen: { invoiceId: number; paymentId: number } | null): { invoiceId: number; paymentId: number; earliest: string | null } {
      const newest = prepare('SELECT COALESCE((SELECT MAX(id) FROM invoices), 0) AS invoiceId, COALESCE((SELECT MAX(id) FROM payments), 0) AS paymentId')
        .get() as { invoiceId: number; paymentId: number };
      if (!seen) return { ...newest, earliest: null };
      const earliest = prepare(
        // `+column`: read the new rows by id; MIN(column) alone walks a date index until it meets one of them.
        `SELECT min(COALESCE((SELECT MIN(+issue_date) FROM invoices WHERE id > @invoiceId), '9999-12-31'),
                    COALESCE((SELECT MIN(+paid_on) FROM payments WHERE id > @paymentId), '9999-12-31'))`,
      )
        .pluck()
        .get(seen) as string;
      return { ...newest, earliest: earliest < '9999-12-31' ? earliest : null };
    },

    /**
     * A cache key for the aggregates: the newest título and payment, the counter migration 0004's triggers bump
     * on every other change that matters, and other connections' commits (PRAGMA data_version).
     */
    dataVersion(): string {
      const row = prepare(
        `SELECT (SELECT n FROM dashboard_data_version WHERE id = 1) AS n, (SELECT MAX(id) FROM invoices) AS invoices,
                (SELECT MAX(id) FROM payments) AS payments`,
      ).get() as { n: number; invoices: number | null; payments: number | null };
      const external = prepare('PRAGMA data_version').pluck().get() as number;
      return `${row.n}:${row.invoices}:${row.payments}:${external}`;
    },
  };
}

export type DashboardRepo = ReturnType<typeof dashboardRepo>;

import type { Migration } from './index';

/**
 * Which days of history changed, so the dashboard recomputes only the as-of figures a change can reach.
 *
 * Every dashboard figure as of day D reads títulos and payments dated up to D (see migration 0004), so a change
 * dated X can only move the figures of days >= X. The triggers below bump the counter of the earliest date an
 * update or delete touches; the dashboard keeps each past figure until the counter of its day or an earlier one
 * moves (one row per day ever touched: a few hundred a year). Inserted títulos and payments need no trigger of their own (the bulk loader inserts
 * millions): the dashboard reads the dates of the rows above the highest id it has seen. (A payment's insert
 * still updates its título's dates through migration 0004's trigger, which the título trigger below sees.)
 *
 * What dates a título update touches: the issue date when who/when/how much it is changes; the old and new
 * `closed_on` and `first_paid_on` when they change; when the status changes other than between the open ones
 * (open/partial/disputed), the old closing date and the new one (the rule of migration 0004's trigger, which
 * runs in the same statement), else its issue date. `paid_cents` alone moves no as-of figure (they sum payments).
 * Deletes and customers moved between segments, UFs or sales reps (the filters) are rare: day '0000-00-00',
 * every date. (Names are not kept with the past figures: they are read fresh with today's balances.)
 */
export const migration0011: Migration = {
  id: 11,
  name: 'dashboard_snapshots',
  up: `
CREATE TABLE dashboard_changed_days (day TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;

CREATE TRIGGER dashboard_days_invoices_update AFTER UPDATE OF customer_id, issue_date, due_date, amount_cents, status, closed_on, first_paid_on ON invoices
BEGIN
  INSERT INTO dashboard_changed_days (day, n)
  SELECT earliest, 1 FROM (
    SELECT min(
      CASE WHEN NEW.customer_id IS NOT OLD.customer_id OR NEW.issue_date IS NOT OLD.issue_date
                OR NEW.due_date IS NOT OLD.due_date OR NEW.amount_cents IS NOT OLD.amount_cents
           THEN min(OLD.issue_date, NEW.issue_date, COALESCE(OLD.first_paid_on, '9999-12-31')) ELSE '9999-12-31' END,
      CASE WHEN NEW.closed_on IS NOT OLD.closed_on
           THEN min(COALESCE(OLD.closed_on, '9999-12-31'), COALESCE(NEW.closed_on, '9999-12-31')) ELSE '9999-12-31' END,
      CASE WHEN NEW.first_paid_on IS NOT OLD.first_paid_on
           THEN min(COALESCE(OLD.first_paid_on, '9999-12-31'), COALESCE(NEW.first_paid_on, '9999-12-31')) ELSE '9999-12-31' END,
      CASE WHEN NEW.status IS NOT OLD.status
                AND NOT (OLD.status IN ('open', 'partial', 'disputed') AND NEW.status IN ('open', 'partial', 'disputed'))
           THEN (SELECT CASE WHEN d < '9999-12-31' THEN d ELSE NEW.issue_date END FROM (
             SELECT min(COALESCE(OLD.closed_on, '9999-12-31'), COALESCE(
               CASE WHEN NEW.status = 'paid' THEN (SELECT MAX(paid_on) FROM payments WHERE invoice_id = NEW.id)
                    WHEN NEW.status IN ('written_off', 'renegotiated') THEN date(NEW.updated_at, '-3 hours') END,
               '9999-12-31')) AS d))
           ELSE '9999-12-31' END
    ) AS earliest
  ) WHERE earliest < '9999-12-31'
  ON CONFLICT (day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER dashboard_days_payments_update AFTER UPDATE ON payments
BEGIN
  INSERT INTO dashboard_changed_days (day, n) VALUES (min(OLD.paid_on, NEW.paid_on), 1)
  ON CONFLICT (day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER dashboard_days_invoices_delete AFTER DELETE ON invoices
BEGIN
  INSERT INTO dashboard_changed_days (day, n) VALUES ('0000-00-00', 1) ON CONFLICT (day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER dashboard_days_payments_delete AFTER DELETE ON payments
BEGIN
  INSERT INTO dashboard_changed_days (day, n) VALUES ('0000-00-00', 1) ON CONFLICT (day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER dashboard_days_customers_update AFTER UPDATE OF segment, uf, sales_rep ON customers
  WHEN NEW.segment IS NOT OLD.segment OR NEW.uf IS NOT OLD.uf OR NEW.sales_rep IS NOT OLD.sales_rep
BEGIN
  INSERT INTO dashboard_changed_days (day, n) VALUES ('0000-00-00', 1) ON CONFLICT (day) DO UPDATE SET n = n + 1;
END;
`,
};

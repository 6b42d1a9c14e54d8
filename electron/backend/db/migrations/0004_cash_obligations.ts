import type { Migration } from './index';

/**
 * The dashboard's history and the cash plan.
 *
 * Past figures are computed as of a date from the títulos themselves, so each título needs the dates its balance
 * changed: `first_paid_on` (first payment) and `closed_on` (the business date its balance stopped being open:
 * paid in full, written off or renegotiated). Triggers keep them, whoever writes (services, the bulk loader,
 * later importers), so no write path has to remember. A título is open on day D when
 * `issue_date <= D AND (closed_on IS NULL OR closed_on > D)`; its balance on D is the amount, less the payments
 * up to D when `first_paid_on <= D`.
 *
 * Write-offs and renegotiations record the business date from `updated_at` (UTC, from the injected clock):
 * São Paulo is UTC−3 all year since 2019, the same rule as `todayInSaoPaulo`.
 *
 * `cash_obligations` are the payments the company owes (suppliers, payroll, taxes) that the weekly forecast puts
 * beside the expected receipts.
 */
/**
 * Fills `first_paid_on` and `closed_on` from the payments and statuses already there: for the rows that existed
 * before this migration, and after a bulk load, which inserts with the triggers below set aside.
 */
export const INVOICE_DATES_BACKFILL = `
UPDATE invoices SET first_paid_on = (SELECT MIN(paid_on) FROM payments p WHERE p.invoice_id = invoices.id) WHERE paid_cents > 0;
UPDATE invoices SET closed_on = (SELECT MAX(paid_on) FROM payments p WHERE p.invoice_id = invoices.id) WHERE status = 'paid';
UPDATE invoices SET closed_on = date(updated_at, '-3 hours') WHERE status IN ('written_off', 'renegotiated');
`;

export const migration0004: Migration = {
  id: 4,
  name: 'cash_obligations',
  up: `
ALTER TABLE invoices ADD COLUMN first_paid_on TEXT;
ALTER TABLE invoices ADD COLUMN closed_on TEXT;

${INVOICE_DATES_BACKFILL}

CREATE TRIGGER invoices_closed_on_status AFTER UPDATE OF status ON invoices
  WHEN NEW.status IS NOT OLD.status
BEGIN
  UPDATE invoices SET closed_on = CASE
      WHEN NEW.status = 'paid' THEN (SELECT MAX(paid_on) FROM payments WHERE invoice_id = NEW.id)
      WHEN NEW.status IN ('written_off', 'renegotiated') THEN date(NEW.updated_at, '-3 hours')
      ELSE NULL END
  WHERE id = NEW.id;
END;

CREATE TRIGGER invoices_closed_on_insert AFTER INSERT ON invoices
  WHEN NEW.status IN ('written_off', 'renegotiated')
BEGIN
  UPDATE invoices SET closed_on = date(NEW.updated_at, '-3 hours') WHERE id = NEW.id;
END;

-- A payment row may land before (services) or after (bulk load) its título's status says 'paid'.
CREATE TRIGGER payments_dates_on_insert AFTER INSERT ON payments
BEGIN
  UPDATE invoices SET
    first_paid_on = CASE WHEN first_paid_on IS NULL OR NEW.paid_on < first_paid_on THEN NEW.paid_on ELSE first_paid_on END,
    closed_on = CASE WHEN status = 'paid' AND (closed_on IS NULL OR NEW.paid_on > closed_on) THEN NEW.paid_on ELSE closed_on END
  WHERE id = NEW.invoice_id;
END;

-- Covering partial indexes of the as-of aggregates (queries repeat the same WHERE): the títulos open now, and
-- the ones closed since (open on a past date until closed_on).
CREATE INDEX invoices_asof_open ON invoices(customer_id, due_date, issue_date, amount_cents, first_paid_on, status)
  WHERE status IN ('open', 'partial', 'disputed');
CREATE INDEX invoices_asof_closed ON invoices(closed_on, customer_id, due_date, issue_date, amount_cents, first_paid_on, status)
  WHERE closed_on IS NOT NULL;
-- Credit sales of a period (DSO, CEI).
CREATE INDEX invoices_issue_date ON invoices(issue_date, customer_id, amount_cents);
-- Payment behaviour for the forecast (delay and default share of the títulos due in a window).
CREATE INDEX invoices_behaviour ON invoices(due_date, customer_id, status, amount_cents, paid_cents, closed_on);
-- A payment's título dates without reading the wide título row (recovery, realised PMR).
CREATE INDEX invoices_payment_lookup ON invoices(id, customer_id, due_date, issue_date);
-- Payments of a period (recovery, realised PMR) and payments up to a date for one título.
CREATE INDEX payments_period ON payments(paid_on, invoice_id, amount_cents);
CREATE INDEX payments_invoice_paid_on ON payments(invoice_id, paid_on, amount_cents);

CREATE TABLE cash_obligations (
  id INTEGER PRIMARY KEY,
  description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
  category TEXT NOT NULL CHECK (category IN ('supplier', 'payroll', 'tax', 'other')),
  due_date TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cash_obligations_due ON cash_obligations(due_date);

-- The dashboard caches its aggregates until something they depend on changes. New títulos and payments show in
-- MAX(id) (no trigger on the bulk loader's million inserts); every other change that matters bumps this counter.
-- Contacts, notes, dunning and the activity log do not, so the cache survives a busy collections day.
CREATE TABLE dashboard_data_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO dashboard_data_version (id, n) VALUES (1, 0);
CREATE TRIGGER dashboard_version_invoices_update AFTER UPDATE OF customer_id, issue_date, due_date, amount_cents, paid_cents, status ON invoices
BEGIN UPDATE dashboard_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER dashboard_version_invoices_delete AFTER DELETE ON invoices
BEGIN UPDATE dashboard_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER dashboard_version_payments_update AFTER UPDATE ON payments
BEGIN UPDATE dashboard_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER dashboard_version_payments_delete AFTER DELETE ON payments
BEGIN UPDATE dashboard_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER dashboard_version_customers_update AFTER UPDATE OF legal_name, segment, uf, sales_rep ON customers
BEGIN UPDATE dashboard_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER dashboard_version_obligations_insert AFTER INSERT ON cash_obligations
BEGIN UPDATE dashboard_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER dashboard_version_obligations_update AFTER UPDATE ON cash_obligations
BEGIN UPDATE dashboard_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER dashboard_version_obligations_delete AFTER DELETE ON cash_obligations
BEGIN UPDATE dashboard_data_version SET n = n + 1 WHERE id = 1; END;
`,
};

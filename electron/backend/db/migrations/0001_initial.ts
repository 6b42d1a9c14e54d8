import type { Migration } from './index';

/**
 * The portfolio core. `invoices` are títulos; `paid_cents` mirrors SUM(payments) and is written only by
 * payments.repo inside the same transaction as the payment row, so the portfolio aggregates can run on one
 * covering index instead of joining a million payments (test/integration checks they never drift).
 */
export const migration0001: Migration = {
  id: 1,
  name: 'initial',
  up: `
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  legal_name TEXT NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
  trade_name TEXT,
  document TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('PJ', 'EMPRESARIO_INDIVIDUAL', 'PF')),
  segment TEXT,
  sales_rep TEXT,
  street TEXT, street_number TEXT, complement TEXT, district TEXT,
  city TEXT, uf TEXT CHECK (uf IS NULL OR length(uf) = 2), postal_code TEXT,
  credit_limit_cents INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit_cents >= 0),
  payment_terms_days INTEGER CHECK (payment_terms_days IS NULL OR payment_terms_days BETWEEN 0 AND 365),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked', 'inactive')),
  tags TEXT NOT NULL DEFAULT '[]',
  notes TEXT,
  search_text TEXT NOT NULL,
  -- Accent-free, lower-case keys: SQLite's NOCASE folds ASCII only, so 'Água' would sort after 'Zeta'.
  sort_name TEXT NOT NULL,
  sort_city TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX customers_segment ON customers(segment);
CREATE INDEX customers_uf ON customers(uf);
CREATE INDEX customers_sales_rep ON customers(sales_rep);
CREATE INDEX customers_status ON customers(status);
CREATE INDEX customers_sort_name ON customers(sort_name);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  name TEXT NOT NULL,
  role TEXT,
  phone TEXT,
  whatsapp TEXT,
  email TEXT,
  preferred_channel TEXT NOT NULL DEFAULT 'email' CHECK (preferred_channel IN ('email', 'whatsapp', 'sms', 'phone', 'letter')),
  is_valid INTEGER NOT NULL DEFAULT 1 CHECK (is_valid IN (0, 1)),
  opted_out INTEGER NOT NULL DEFAULT 0 CHECK (opted_out IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX contacts_customer ON contacts(customer_id);

CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  external_id TEXT UNIQUE,
  document_number TEXT NOT NULL,
  issue_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  paid_cents INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents >= 0 AND paid_cents <= amount_cents),
  payment_method TEXT NOT NULL CHECK (payment_method IN ('boleto', 'pix', 'cartao', 'cheque', 'dinheiro', 'transferencia')),
  boleto_line TEXT,
  nosso_numero TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'partial', 'paid', 'renegotiated', 'written_off', 'disputed')),
  write_off_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Covering partial index for every balance aggregate: queries must repeat the same WHERE.
CREATE INDEX invoices_open_balance ON invoices(customer_id, due_date, amount_cents, paid_cents)
  WHERE status IN ('open', 'partial', 'disputed');
CREATE INDEX invoices_customer_due ON invoices(customer_id, due_date);
CREATE INDEX invoices_document_number ON invoices(document_number);
CREATE INDEX invoices_nosso_numero ON invoices(nosso_numero) WHERE nosso_numero IS NOT NULL;

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  paid_on TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  method TEXT NOT NULL CHECK (method IN ('boleto', 'pix', 'cartao', 'cheque', 'dinheiro', 'transferencia')),
  source TEXT NOT NULL CHECK (source IN ('manual', 'import', 'bank_file')),
  reference TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
-- Payments are indexed by título and by date in 0004 (payments_invoice_paid_on, payments_period), covering
-- what these tables' queries read.

CREATE TABLE activity_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  customer_id INTEGER REFERENCES customers(id),
  invoice_id INTEGER REFERENCES invoices(id),
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX activity_log_customer ON activity_log(customer_id, id);
CREATE TRIGGER activity_log_no_update BEFORE UPDATE ON activity_log
  BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END;
CREATE TRIGGER activity_log_no_delete BEFORE DELETE ON activity_log
  BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
};

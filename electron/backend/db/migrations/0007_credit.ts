import type { Migration } from './index';

/**
 * Credit analysis: stored risk scores (with the features they came from, so a draft of weights can be
 * previewed without re-reading a million títulos), bureau scores typed in by the team, new-customer credit
 * analyses with their decision trail, and the negativação / protest / agency records.
 */
export const migration0007: Migration = {
  id: 7,
  name: 'credit',
  up: `
-- The feature query reads every título's payments up to a date: this covers it without touching the table.
-- Same name and columns as 0004's (cash obligations): whichever runs first creates it once.
CREATE INDEX IF NOT EXISTS payments_invoice_paid_on ON payments(invoice_id, paid_on, amount_cents);

CREATE TABLE credit_scores (
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 1000),
  risk_class TEXT NOT NULL CHECK (risk_class IN ('A', 'B', 'C', 'D', 'E')),
  behaviour TEXT NOT NULL CHECK (behaviour IN ('on_time', 'sometimes_late', 'always_late', 'no_history')),
  reasons TEXT NOT NULL,
  features TEXT NOT NULL,
  as_of TEXT NOT NULL,
  computed_at TEXT NOT NULL
);
CREATE INDEX credit_scores_class ON credit_scores(risk_class, score);

CREATE TABLE credit_bureau_scores (
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 1000),
  bureau TEXT NOT NULL,
  consulted_on TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL
);

CREATE TABLE credit_analyses (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  requested_limit_cents INTEGER NOT NULL CHECK (requested_limit_cents >= 0),
  bureau_score INTEGER CHECK (bureau_score IS NULL OR bureau_score BETWEEN 0 AND 1000),
  checklist TEXT NOT NULL DEFAULT '{}',
  commercial_references TEXT NOT NULL DEFAULT '[]',
  suggested_limit_cents INTEGER NOT NULL CHECK (suggested_limit_cents >= 0),
  suggestion_reasons TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL CHECK (status IN ('pending', 'awaiting_second_approval', 'approved', 'rejected')),
  decided_limit_cents INTEGER CHECK (decided_limit_cents IS NULL OR decided_limit_cents >= 0),
  decision_note TEXT,
  decided_by TEXT,
  decided_at TEXT,
  second_approver TEXT,
  second_approved_at TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX credit_analyses_customer ON credit_analyses(customer_id, id);
CREATE INDEX credit_analyses_status ON credit_analyses(status, id);

CREATE TABLE negativacoes (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('negativacao', 'protesto', 'agencia')),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  status TEXT NOT NULL CHECK (status IN ('to_send', 'sent', 'inscribed', 'removal_requested', 'removed')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  due_date TEXT NOT NULL,
  address_used TEXT NOT NULL,
  authorized_by TEXT NOT NULL,
  authorized_at TEXT NOT NULL,
  sent_on TEXT,
  inscribed_on TEXT,
  protocol TEXT,
  paid_in_full_on TEXT,
  removal_due_on TEXT,
  removal_requested_on TEXT,
  removed_on TEXT,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- One live record per título and kind; a removed one may be followed by a new one.
CREATE UNIQUE INDEX negativacoes_live ON negativacoes(invoice_id, kind) WHERE status <> 'removed';
CREATE INDEX negativacoes_status ON negativacoes(status, removal_due_on);
CREATE INDEX negativacoes_customer ON negativacoes(customer_id, id);
`,
};

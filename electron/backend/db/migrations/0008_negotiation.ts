import type { Migration } from './index';

/**
 * Customer history and negotiation: promises to pay, disputes, notes, and agreements (acordos).
 *
 * An agreement renegotiates original títulos (`agreement_invoices`, which keeps each one's updated value at the
 * as-of date) into new installment títulos (`agreement_installments` → `invoices` rows, so payments, the
 * portfolio balances and the ladder treat them like any título). The originals turn 'renegotiated' and stay
 * linked forever. When an agreement breaks, its open installments are written off and each original with a
 * balance left is reinstated as a new título with the original due date (`agreement_reinstatements`).
 */
export const migration0008: Migration = {
  id: 8,
  name: 'negotiation',
  up: `
CREATE TABLE promises (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  promised_date TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  -- Why the customer is late (DOMAIN.md), recorded on every contact.
  delay_reason TEXT CHECK (delay_reason IS NULL OR delay_reason IN ('financial_difficulty', 'forgot', 'delivery_problem', 'strategic')),
  note TEXT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'kept', 'broken', 'cancelled')),
  -- Payments on the promise's títulos (or on any título when none is linked) from created_on to promised_date.
  paid_cents INTEGER,
  resolved_at TEXT,
  resolved_by TEXT,
  follow_up_task_id INTEGER,
  created_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX promises_customer ON promises(customer_id, id);
CREATE INDEX promises_pending_due ON promises(promised_date) WHERE status = 'pending';

CREATE TABLE promise_invoices (
  promise_id INTEGER NOT NULL REFERENCES promises(id),
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  PRIMARY KEY (promise_id, invoice_id)
) WITHOUT ROWID;

CREATE TABLE disputes (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  reason TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  resolution TEXT,
  resolved_at TEXT,
  resolved_by TEXT
);
CREATE UNIQUE INDEX disputes_one_open_per_invoice ON disputes(invoice_id) WHERE resolved_at IS NULL;
CREATE INDEX disputes_customer ON disputes(customer_id, id);

CREATE TABLE customer_notes (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX customer_notes_customer ON customer_notes(customer_id, id);

CREATE TABLE agreements (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  as_of TEXT NOT NULL,
  offer_kind TEXT NOT NULL CHECK (offer_kind IN ('cash', 'installments')),
  -- The offer and charges exactly as evaluated (JSON), so the document can be re-rendered later.
  terms TEXT NOT NULL,
  principal_cents INTEGER NOT NULL,
  correction_cents INTEGER NOT NULL,
  fine_cents INTEGER NOT NULL,
  interest_cents INTEGER NOT NULL,
  debt_total_cents INTEGER NOT NULL,
  discount_cents INTEGER NOT NULL,
  negotiated_cents INTEGER NOT NULL CHECK (negotiated_cents > 0),
  down_payment_cents INTEGER NOT NULL,
  financing_interest_cents INTEGER NOT NULL,
  total_to_pay_cents INTEGER NOT NULL,
  approval_reasons TEXT NOT NULL DEFAULT '[]',
  approved_by TEXT,
  approved_at TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'broken')),
  status_reason TEXT,
  status_changed_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (approval_reasons = '[]' OR approved_by IS NOT NULL)
);
CREATE INDEX agreements_customer ON agreements(customer_id, id);
CREATE INDEX agreements_active ON agreements(id) WHERE status = 'active';

CREATE TABLE agreement_invoices (
  agreement_id INTEGER NOT NULL REFERENCES agreements(id),
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  status_before TEXT NOT NULL,
  principal_cents INTEGER NOT NULL,
  correction_cents INTEGER NOT NULL,
  fine_cents INTEGER NOT NULL,
  interest_cents INTEGER NOT NULL,
  total_cents INTEGER NOT NULL,
  days_late INTEGER NOT NULL,
  PRIMARY KEY (agreement_id, invoice_id)
) WITHOUT ROWID;
CREATE INDEX agreement_invoices_invoice ON agreement_invoices(invoice_id);

CREATE TABLE agreement_installments (
  agreement_id INTEGER NOT NULL REFERENCES agreements(id),
  invoice_id INTEGER NOT NULL UNIQUE REFERENCES invoices(id),
  kind TEXT NOT NULL CHECK (kind IN ('cash', 'down', 'installment')),
  number INTEGER NOT NULL,
  of_count INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  principal_cents INTEGER NOT NULL,
  interest_cents INTEGER NOT NULL,
  pix_txid TEXT NOT NULL UNIQUE,
  cancelled_at TEXT,
  PRIMARY KEY (agreement_id, kind, number)
);

CREATE TABLE agreement_reinstatements (
  agreement_id INTEGER NOT NULL REFERENCES agreements(id),
  original_invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  invoice_id INTEGER NOT NULL UNIQUE REFERENCES invoices(id),
  amount_cents INTEGER NOT NULL,
  PRIMARY KEY (agreement_id, original_invoice_id)
) WITHOUT ROWID;

`,
};

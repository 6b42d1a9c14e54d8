import type { Migration } from './index';

/**
 * Bank return files (CNAB 240/400). `bank_return_files` is one row per imported file; the same file is refused
 * twice by its content hash and by bank + convênio + sequence (NSA), both UNIQUE so a race cannot slip past
 * the service's check (a NULL sequence, when the bank sends none, leaves the hash as the guard).
 * `bank_return_items` keeps every título movement with the bank's raw codes and what Adimple did with it.
 */
export const migration0003: Migration = {
  id: 3,
  name: 'bank_returns',
  up: `
CREATE TABLE bank_return_files (
  id INTEGER PRIMARY KEY,
  format TEXT NOT NULL CHECK (format IN ('CNAB240', 'CNAB400')),
  bank_code TEXT NOT NULL CHECK (length(bank_code) = 3),
  convenio TEXT NOT NULL,
  sequence INTEGER CHECK (sequence IS NULL OR sequence > 0),
  content_sha256 TEXT NOT NULL UNIQUE CHECK (length(content_sha256) = 64),
  file_name TEXT NOT NULL,
  company_name TEXT NOT NULL,
  generated_on TEXT,
  payment_from TEXT,
  payment_to TEXT,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  item_count INTEGER NOT NULL,
  settled_count INTEGER NOT NULL,
  partial_count INTEGER NOT NULL,
  not_found_count INTEGER NOT NULL,
  already_paid_count INTEGER NOT NULL,
  rejected_count INTEGER NOT NULL,
  other_count INTEGER NOT NULL,
  paid_total_cents INTEGER NOT NULL,
  applied_total_cents INTEGER NOT NULL,
  charges_total_cents INTEGER NOT NULL,
  UNIQUE (bank_code, convenio, sequence)
);
CREATE INDEX bank_return_files_imported ON bank_return_files(imported_at DESC, id DESC);

CREATE TABLE bank_return_items (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES bank_return_files(id),
  line_no INTEGER NOT NULL,
  movement_code TEXT NOT NULL,
  movement_kind TEXT NOT NULL,
  movement_description TEXT NOT NULL,
  nosso_numero TEXT NOT NULL,
  document_number TEXT NOT NULL,
  company_ref TEXT NOT NULL,
  due_date TEXT,
  nominal_cents INTEGER NOT NULL,
  paid_cents INTEGER NOT NULL,
  bank_charges_cents INTEGER NOT NULL,
  discount_cents INTEGER NOT NULL,
  rebate_cents INTEGER NOT NULL,
  fee_cents INTEGER NOT NULL,
  net_credit_cents INTEGER,
  occurrence_date TEXT,
  credit_date TEXT,
  reasons TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('settled', 'partial', 'not_found', 'already_paid', 'rejected', 'other')),
  invoice_id INTEGER REFERENCES invoices(id),
  matched_by TEXT CHECK (matched_by IS NULL OR matched_by IN ('company_ref', 'nosso_numero', 'document_number')),
  payment_id INTEGER REFERENCES payments(id),
  applied_cents INTEGER NOT NULL CHECK (applied_cents >= 0),
  charges_cents INTEGER NOT NULL CHECK (charges_cents >= 0),
  note TEXT NOT NULL
);
CREATE INDEX bank_return_items_file_result ON bank_return_items(file_id, result, line_no);
CREATE INDEX bank_return_items_file_line ON bank_return_items(file_id, line_no);
CREATE INDEX bank_return_items_invoice ON bank_return_items(invoice_id) WHERE invoice_id IS NOT NULL;
`,
};

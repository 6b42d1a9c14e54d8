import type { Migration } from './index';

/**
 * ERP imports. `import_profiles` keeps each source's column mapping, so the next day's file is one click.
 * `import_runs` records every committed import (who, when, which file by hash, what changed).
 * `erp_titles` ties a título to the source that brought it and the last run that still listed it: a título
 * the previous run saw and the current one does not has disappeared from the ERP and is flagged
 * (`missing_since_run_id`), never deleted.
 */
export const migration0002: Migration = {
  id: 2,
  name: 'erp_imports',
  up: `
CREATE TABLE import_profiles (
  source TEXT PRIMARY KEY CHECK (length(source) BETWEEN 1 AND 60),
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('valid_rows', 'all_or_nothing')),
  actor TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  total_rows INTEGER NOT NULL,
  rejected_rows INTEGER NOT NULL,
  customers_new INTEGER NOT NULL,
  customers_updated INTEGER NOT NULL,
  titles_new INTEGER NOT NULL,
  titles_updated INTEGER NOT NULL,
  titles_unchanged INTEGER NOT NULL,
  payments_created INTEGER NOT NULL,
  disappeared INTEGER NOT NULL
);
CREATE INDEX import_runs_source ON import_runs(source, id);

CREATE TABLE erp_titles (
  invoice_id INTEGER PRIMARY KEY REFERENCES invoices(id),
  source TEXT NOT NULL,
  first_run_id INTEGER NOT NULL REFERENCES import_runs(id),
  seen_run_id INTEGER NOT NULL REFERENCES import_runs(id),
  missing_since_run_id INTEGER REFERENCES import_runs(id)
);
CREATE INDEX erp_titles_source_seen ON erp_titles(source, seen_run_id);
CREATE INDEX erp_titles_missing ON erp_titles(missing_since_run_id) WHERE missing_since_run_id IS NOT NULL;

-- Títulos without an external id are matched by customer + document number.
CREATE INDEX invoices_customer_document_number ON invoices(customer_id, document_number);
`,
};

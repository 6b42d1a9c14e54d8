import type { InvoiceStatus, PaymentMethod } from '../../../../shared/ipc/contract';
import type { ColumnMapping, DisappearedTitle, ImportMode, ImportProfile, ImportRun } from '../../../../shared/ipc/imports.contract';
import type { Prepare } from '../statements';
import type { InvoiceWrite } from './invoices.repo';
import type { PaymentWrite } from './payments.repo';

/** What the import compares a título against. */
export interface ExistingTitle {
  id: number;
  customerId: number;
  externalId: string | null;
  documentNumber: string;
  issueDate: string;
  dueDate: string;
  amountCents: number;
  paidCents: number;
  paymentMethod: PaymentMethod;
  nossoNumero: string | null;
  boletoLine: string | null;
  status: InvoiceStatus;
}

/** What the import compares a customer against. */
export interface ExistingCustomer {
  id: number;
  legalName: string;
  tradeName: string | null;
  segment: string | null;
  salesRep: string | null;
  city: string | null;
  uf: string | null;
}

export interface RunTotals {
  totalRows: number;
  rejectedRows: number;
  customersNew: number;
  customersUpdated: number;
  titlesNew: number;
  titlesUpdated: number;
  titlesUnchanged: number;
  paymentsCreated: number;
  disappeared: number;
}

const TITLE_COLUMNS = `id, customer_id AS customerId, external_id AS externalId, document_number AS documentNumber,
  issue_date AS issueDate, due_date AS dueDate, amount_cents AS amountCents, paid_cents AS paidCents,
  payment_method AS paymentMethod, nosso_numero AS nossoNumero, boleto_line AS boletoLine, status`;

const BULK_ROWS = 64;
const TITLE_COLUMN_COUNT = 16;
const PAYMENT_COLUMN_COUNT = 8;
const tuples = (rows: number, columns: number) => Array.from({ length: rows }, () => `(${Array(columns).fill('?').join(', ')})`).join(', ');
// Positional parameters: these run for every row of a million-row file.
const titleInsertSql = (rows: number) =>
  `INSERT INTO invoices (id, customer_id, external_id, document_number, issue_date, due_date, amount_cents, paid_cents, payment_method,
     boleto_line, nosso_numero, status, first_paid_on, closed_on, created_at, updated_at)
   VALUES ${tuples(rows, TITLE_COLUMN_COUNT)}`;
const paymentInsertSql = (rows: number) =>
  `INSERT INTO payments (invoice_id, paid_on, amount_cents, method, source, reference, created_at, created_by) VALUES ${tuples(rows, PAYMENT_COLUMN_COUNT)}`;
const TITLE_INSERT_ONE = titleInsertSql(1);
const TITLE_INSERT_BULK = titleInsertSql(BULK_ROWS);
const PAYMENT_INSERT_BULK = paymentInsertSql(BULK_ROWS);

/**
 * A new título's columns (a null id lets SQLite number it), born with what the ERP says is paid and with
 * the dates its import payment, dated `paidOn`, gives it as migration 0004's payment trigger would set them:
 * first_paid_on, and closed_on when paid in full.
 */
function titleValues(id: number | null, w: InvoiceWrite, paidCents: number, paidOn: string, at: string): unknown[] {
  const status = paidCents === 0 ? 'open' : paidCents >= w.amountCents ? 'paid' : 'partial';
  const firstPaidOn = paidCents === 0 ? null : paidOn;
  const closedOn = status === 'paid' ? paidOn : null;
  return [id, w.customerId, w.externalId, w.documentNumber, w.issueDate, w.dueDate, w.amountCents, paidCents, w.paymentMethod, w.boletoLine, w.nossoNumero, status, firstPaidOn, closedOn, at, at];
}

export function importsRepo(prepare: Prepare) {
  return {
    profile(source: string): ImportProfile | null {
      const r = prepare('SELECT source, mapping, updated_at AS updatedAt FROM import_profiles WHERE source = ?').get(source) as
        | { source: string; mapping: string; updatedAt: string }
        | undefined;
      return r ? { ...r, mapping: JSON.parse(r.mapping) as ColumnMapping } : null;
    },
    sources(): string[] {
      return prepare('SELECT source FROM import_profiles ORDER BY updated_at DESC').pluck().all() as string[];
    },
    saveProfile(source: string, mapping: ColumnMapping, at: string): void {
      prepare(
        `INSERT INTO import_profiles (source, mapping, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(source) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
      ).run(source, JSON.stringify(mapping), at);
    },

    previousRunId(source: string): number | null {
      return (prepare('SELECT MAX(id) FROM import_runs WHERE source = ?').pluck().get(source) as number | null) ?? null;
    },
    startRun(r: { source: string; fileName: string; fileSha256: string; mode: Exclude<ImportMode, 'dry_run'>; actor: string; at: string }): number {
      const info = prepare(
        `INSERT INTO import_runs (source, file_name, file_sha256, mode, actor, started_at, finished_at, total_rows, rejected_rows,
           customers_new, customers_updated, titles_new, titles_updated, titles_unchanged, payments_created, disappeared)
         VALUES (@source, @fileName, @fileSha256, @mode, @actor, @at, @at, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
      ).run(r);
      return Number(info.lastInsertRowid);
    },
    finishRun(id: number, t: RunTotals, at: string): void {
      prepare(
        `UPDATE import_runs SET finished_at = @at, total_rows = @totalRows, rejected_rows = @rejectedRows,
           customers_new = @customersNew, customers_updated = @customersUpdated, titles_new = @titlesNew,
           titles_updated = @titlesUpdated, titles_unchanged = @titlesUnchanged, payments_created = @paymentsCreated,
           disappeared = @disappeared
         WHERE id = @id`,
      ).run({ ...t, id, at });
    },
    history(limit: number): ImportRun[] {
      return prepare(
        `SELECT id, source, file_name AS fileName, file_sha256 AS fileSha256, mode, actor, started_at AS startedAt,
           finished_at AS finishedAt, total_rows AS totalRows, rejected_rows AS rejectedRows, customers_new AS customersNew,
           customers_updated AS customersUpdated, titles_new AS titlesNew, titles_updated AS titlesUpdated,
           titles_unchanged AS titlesUnchanged, disappeared
         FROM import_runs ORDER BY id DESC LIMIT ?`,
      ).all(limit) as ImportRun[];
    },

    customerByDocument(document: string): ExistingCustomer | null {
      return (
        (prepare(
          `SELECT id, legal_name AS legalName, trade_name AS tradeName, segment, sales_rep AS salesRep, city, uf
           FROM customers WHERE document = ?`,
        ).get(document) as ExistingCustomer | undefined) ?? null
      );
    },
    titleByExternalId(externalId: string): ExistingTitle | null {
      return (prepare(`SELECT ${TITLE_COLUMNS} FROM invoices WHERE external_id = ?`).get(externalId) as ExistingTitle | undefined) ?? null;
    },
    /** Without an external id, a título is its customer's document number (the oldest, if the ERP reused it). */
    titleByDocumentNumber(customerId: number, documentNumber: string): ExistingTitle | null {
      return (
        (prepare(`SELECT ${TITLE_COLUMNS} FROM invoices WHERE customer_id = ? AND document_number = ? ORDER BY id LIMIT 1`).get(
          customerId,
          documentNumber,
        ) as ExistingTitle | undefined) ?? null
      );
    },

    emptiness(): { customers: boolean; invoices: boolean } {
      const r = prepare('SELECT NOT EXISTS (SELECT 1 FROM customers) AS customers, NOT EXISTS (SELECT 1 FROM invoices) AS invoices').get() as {
        customers: number;
        invoices: number;
      };
      return { customers: r.customers === 1, invoices: r.invoices === 1 };
    },
    /**
     * Drops the secondary (non-unique) indexes of the tables a first, big import fills and returns their SQL
     * to rebuild them before COMMIT:
     * building an index once from sorted data is much faster than updating a dozen indexes per row. Inside
     * the import's transaction, so a rollback brings them back untouched.
     */
    dropSecondaryIndexes(tables: readonly string[]): string[] {
      const indexes = prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))
         ORDER BY rowid`,
      ).all(JSON.stringify(tables)) as { name: string; sql: string }[];
      const dropped = indexes.filter((i) => !/^\s*CREATE\s+UNIQUE\b/i.test(i.sql));
      for (const i of dropped) prepare(`DROP INDEX "${i.name.replace(/"/g, '""')}"`).run();
      return dropped.map((i) => i.sql);
    },
    /** Drops the named triggers that exist and returns their SQL, to recreate them before COMMIT. */
    dropTriggers(names: readonly string[]): string[] {
      const triggers = prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?)) ORDER BY rowid`).all(
        JSON.stringify(names),
      ) as { name: string; sql: string }[];
      for (const t of triggers) prepare(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`).run();
      return triggers.map((t) => t.sql);
    },
    /** A new título with the part the ERP says is paid already in `paid_cents`; the caller inserts that payment. */
    insertTitle(w: InvoiceWrite, paidCents: number, paidOn: string, at: string): number {
      const info = prepare(TITLE_INSERT_ONE).run(titleValues(null, w, paidCents, paidOn, at));
      return Number(info.lastInsertRowid);
    },
    /**
     * The first import's writer of new títulos and their import payments: rows are buffered and written
     * BULK_ROWS to a statement (at a million rows, a statement call costs more than the row it writes). The
     * writer numbers the títulos itself, on from the highest id, so a payment can name its título before
     * either is written; `flush` writes what is buffered (títulos first: payments reference them).
     */
    bulkTitleWriter(at: string) {
      let nextId = prepare('SELECT COALESCE(MAX(id), 0) + 1 FROM invoices').pluck().get() as number;
      const titles: unknown[] = [];
      let payments: unknown[] = [];
      const writeTitles = () => {
        const rows = titles.length / TITLE_COLUMN_COUNT;
        if (rows > 0) prepare(rows === BULK_ROWS ? TITLE_INSERT_BULK : titleInsertSql(rows)).run(titles);
        titles.length = 0;
      };
      /** Whole batches only, unless `all`: the rest waits (its títulos are written) so statements keep one size. */
      const writePayments = (all: boolean) => {
        const batch = BULK_ROWS * PAYMENT_COLUMN_COUNT;
        let from = 0;
        for (; payments.length - from >= batch; from += batch) prepare(PAYMENT_INSERT_BULK).run(payments.slice(from, from + batch));
        if (all && from < payments.length) prepare(paymentInsertSql((payments.length - from) / PAYMENT_COLUMN_COUNT)).run(payments.slice(from));
        payments = all ? [] : payments.slice(from);
      };
      return {
        addTitle(w: InvoiceWrite, paidCents: number, paidOn: string): number {
          const id = nextId++;
          titles.push(...titleValues(id, w, paidCents, paidOn, at));
          if (titles.length === BULK_ROWS * TITLE_COLUMN_COUNT) {
            writeTitles();
            writePayments(false);
          }
          return id;
        },
        addPayment(w: PaymentWrite): void {
          payments.push(w.invoiceId, w.paidOn, w.amountCents, w.method, w.source, w.reference, at, w.createdBy);
        },
        flush(): void {
          writeTitles();
          writePayments(true);
        },
      };
    },
    /** After the first import into an empty portfolio every título came from this run. */
    markAllSeen(source: string, runId: number): void {
      prepare(`INSERT INTO erp_titles (invoice_id, source, first_run_id, seen_run_id) SELECT id, ?, ?, ? FROM invoices`).run(source, runId, runId);
    },
    /** This run saw the título: it is (again) listed by the ERP. */
    markSeen(invoiceId: number, source: string, runId: number): void {
      prepare(
        `INSERT INTO erp_titles (invoice_id, source, first_run_id, seen_run_id) VALUES (?, ?, ?, ?)
         ON CONFLICT(invoice_id) DO UPDATE SET source = excluded.source, seen_run_id = excluded.seen_run_id, missing_since_run_id = NULL`,
      ).run(invoiceId, source, runId, runId);
    },
    /** Títulos the previous run of `source` listed and this one did not (its seen_run_id was not moved). */
    disappeared(source: string, previousRunId: number, limit: number): { rows: DisappearedTitle[]; count: number } {
      const count = prepare('SELECT COUNT(*) FROM erp_titles WHERE source = ? AND seen_run_id = ?').pluck().get(source, previousRunId) as number;
      const rows = prepare(
        `SELECT i.id AS invoiceId, i.customer_id AS customerId, c.legal_name AS customerName, i.document_number AS documentNumber,
           i.external_id AS externalId, i.due_date AS dueDate,
           CASE WHEN i.status IN ('open', 'partial', 'disputed') THEN i.amount_cents - i.paid_cents ELSE 0 END AS openCents
         FROM erp_titles e JOIN invoices i ON i.id = e.invoice_id JOIN customers c ON c.id = i.customer_id
         WHERE e.source = ? AND e.seen_run_id = ?
         ORDER BY i.due_date, i.id LIMIT ?`,
      ).all(source, previousRunId, limit) as DisappearedTitle[];
      return { rows, count };
    },
    flagMissing(source: string, previousRunId: number, runId: number): void {
      prepare(
        `UPDATE erp_titles SET missing_since_run_id = ? WHERE source = ? AND seen_run_id = ? AND missing_since_run_id IS NULL`,
      ).run(runId, source, previousRunId);
    },
  };
}

export type ImportsRepo = ReturnType<typeof importsRepo>;

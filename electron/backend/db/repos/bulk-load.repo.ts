import type { ContactChannel, CustomerKind, CustomerStatus, InvoiceStatus, PaymentMethod, PaymentSource } from '../../../../shared/ipc/contract';
import type { Db } from '../connection';
import { INVOICE_DATES_BACKFILL } from '../migrations/0004_cash_obligations';
import { foldText, searchTextOf } from './customers.repo';

// Bulk load of a whole portfolio into an empty database (demo data, a first migration from an ERP): one
// transaction, one prepared statement per table, positional parameters, and the secondary indexes and triggers
// of the loaded tables dropped before and recreated after (from their own stored SQL, so they come back exactly
// as the migrations made them), the triggers' derived columns filled in bulk. Measured at 50k customers / 1M invoices / ~0.9M payments: see load-demo.ts.

export interface BulkCustomer {
  table: 'customers';
  id: number;
  legalName: string;
  tradeName: string | null;
  document: string;
  kind: CustomerKind;
  segment: string | null;
  salesRep: string | null;
  street: string | null;
  streetNumber: string | null;
  complement: string | null;
  district: string | null;
  city: string | null;
  uf: string | null;
  postalCode: string | null;
  creditLimitCents: number;
  paymentTermsDays: number | null;
  status: CustomerStatus;
  tags: readonly string[];
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BulkContact {
  table: 'contacts';
  customerId: number;
  name: string;
  role: string | null;
  phone: string | null;
  whatsapp: string | null;
  email: string | null;
  preferredChannel: ContactChannel;
  isValid: boolean;
  optedOut: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface BulkInvoice {
  table: 'invoices';
  id: number;
  customerId: number;
  externalId: string | null;
  documentNumber: string;
  issueDate: string;
  dueDate: string;
  amountCents: number;
  /** Must equal the sum of the payments that follow this row (checked). */
  paidCents: number;
  paymentMethod: PaymentMethod;
  boletoLine: string | null;
  nossoNumero: string | null;
  status: InvoiceStatus;
  writeOffReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A payment row must come right after its invoice row (and that invoice's other payments). */
export interface BulkPayment {
  table: 'payments';
  invoiceId: number;
  paidOn: string;
  amountCents: number;
  method: PaymentMethod;
  source: PaymentSource;
  reference: string | null;
  createdAt: string;
  createdBy: string;
}

export type BulkRow = BulkCustomer | BulkContact | BulkInvoice | BulkPayment;

export interface BulkLoadCounts {
  customers: number;
  contacts: number;
  invoices: number;
  payments: number;
}

const LOADED_TABLES = ['customers', 'contacts', 'invoices', 'payments'] as const;

/**
 * Inserts `rows` (in one pass, so a generator keeps memory flat) into an empty portfolio, in one transaction:
 * everything lands or nothing does. Throws if `customers` (or any loaded table) already has rows, if a
 * payment does not follow its invoice, or if an invoice's `paidCents`/`status` disagree with its payments.
 * Inside an outer `db.transaction` it runs as a savepoint of it.
 */
export function bulkLoad(db: Db, rows: Iterable<BulkRow>): BulkLoadCounts {
  return db.transaction(() => {
    for (const table of LOADED_TABLES) {
      if (db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1) {
        throw new Error(
          table === 'customers'
            ? 'A carteira já tem clientes: a carga em massa só pode ser feita em um banco vazio.'
            : `A tabela ${table} já tem registros: a carga em massa só pode ser feita em um banco vazio.`,
        );
      }
    }

    const indexes = db
      .prepare(
        `SELECT name, sql, tbl_name AS tableName FROM sqlite_master
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${LOADED_TABLES.map(() => '?').join(', ')})
         ORDER BY rowid`,
      )
      .all(...LOADED_TABLES) as { name: string; sql: string; tableName: string }[];
    const secondary = indexes.filter((i) => !/^\s*CREATE\s+UNIQUE\b/i.test(i.sql));
    for (const i of secondary) db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
    // Triggers keep derived columns row by row (a million UPDATEs here); they are set aside and the same
    // derivation is run once, in bulk, after the load.
    const triggers = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${LOADED_TABLES.map(() => '?').join(', ')}) ORDER BY rowid`)
      .all(...LOADED_TABLES) as { name: string; sql: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`);

    const insertCustomer = db.prepare(
      `INSERT INTO customers (id, legal_name, trade_name, document, kind, segment, sales_rep, street, street_number, complement,
         district, city, uf, postal_code, credit_limit_cents, payment_terms_days, status, tags, notes, search_text, sort_name, sort_city,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertContact = db.prepare(
      `INSERT INTO contacts (customer_id, name, role, phone, whatsapp, email, preferred_channel, is_valid, opted_out, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertInvoice = db.prepare(
      `INSERT INTO invoices (id, customer_id, external_id, document_number, issue_date, due_date, amount_cents, paid_cents,
         payment_method, boleto_line, nosso_numero, status, write_off_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPayment = db.prepare(
      `INSERT INTO payments (invoice_id, paid_on, amount_cents, method, source, reference, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    const counts: BulkLoadCounts = { customers: 0, contacts: 0, invoices: 0, payments: 0 };
    let current: BulkInvoice | null = null;
    let currentPaid = 0;
    const closeInvoice = () => {
      if (current) checkInvoice(current, currentPaid);
      current = null;
      currentPaid = 0;
    };

    for (const r of rows) {
      switch (r.table) {
        case 'customers':
          closeInvoice();
          insertCustomer.run(
            r.id, r.legalName, r.tradeName, r.document, r.kind, r.segment, r.salesRep, r.street, r.streetNumber, r.complement,
            r.district, r.city, r.uf, r.postalCode, r.creditLimitCents, r.paymentTermsDays, r.status, JSON.stringify(r.tags),
            r.notes, searchTextOf(r), foldText(r.legalName), foldText(r.city ?? ''), r.createdAt, r.updatedAt,
          );
          counts.customers++;
          break;
        case 'contacts':
          closeInvoice();
          insertContact.run(
            r.customerId, r.name, r.role, r.phone, r.whatsapp, r.email, r.preferredChannel, r.isValid ? 1 : 0, r.optedOut ? 1 : 0,
            r.createdAt, r.updatedAt,
          );
          counts.contacts++;
          break;
        case 'invoices':
          closeInvoice();
          insertInvoice.run(
            r.id, r.customerId, r.externalId, r.documentNumber, r.issueDate, r.dueDate, r.amountCents, r.paidCents,
            r.paymentMethod, r.boletoLine, r.nossoNumero, r.status, r.writeOffReason, r.createdAt, r.updatedAt,
          );
          current = r;
          counts.invoices++;
          break;
        case 'payments':
          if (!current || current.id !== r.invoiceId) {
            throw new Error(`Pagamento do título ${r.invoiceId} fora de ordem: deve vir logo após o título.`);
          }
          insertPayment.run(r.invoiceId, r.paidOn, r.amountCents, r.method, r.source, r.reference, r.createdAt, r.createdBy);
          currentPaid += r.amountCents;
          counts.payments++;
          break;
        default:
          throw new Error(`Linha de tipo desconhecido: ${(r as { table: unknown }).table}`);
      }
    }
    closeInvoice();

    // The backfill reads payments by título and rewrites invoice rows: payments' indexes first, invoices' after.
    for (const i of secondary) if (i.tableName !== 'invoices') db.exec(i.sql);
    db.exec(INVOICE_DATES_BACKFILL);
    for (const i of secondary) if (i.tableName === 'invoices') db.exec(i.sql);
    for (const t of triggers) db.exec(t.sql);
    return counts;
  })();
}

function checkInvoice(inv: BulkInvoice, paid: number): void {
  const fail = (why: string) => {
    throw new Error(`Título ${inv.id} (${inv.documentNumber}) inconsistente: ${why}`);
  };
  if (inv.paidCents !== paid) fail(`pago ${inv.paidCents} ≠ soma dos pagamentos ${paid}`);
  const full = paid === inv.amountCents;
  switch (inv.status) {
    case 'paid':
      if (!full) fail('status "paid" sem quitação integral');
      break;
    case 'partial':
      if (paid <= 0 || full) fail('status "partial" exige 0 < pago < valor');
      break;
    case 'open':
      if (paid !== 0) fail('status "open" com pagamentos');
      break;
    default:
      if (full) fail(`status "${inv.status}" em título quitado`);
  }
  if (inv.status === 'written_off' && !inv.writeOffReason) fail('baixa sem motivo');
}

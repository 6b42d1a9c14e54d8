import type { InvoiceDisplayStatus, InvoiceRow, InvoiceStatus, PaymentMethod } from '../../../../shared/ipc/contract';
import type { Prepare } from '../statements';

interface InvoiceDbRow {
  id: number;
  customer_id: number;
  external_id: string | null;
  document_number: string;
  issue_date: string;
  due_date: string;
  amount_cents: number;
  paid_cents: number;
  payment_method: PaymentMethod;
  boleto_line: string | null;
  nosso_numero: string | null;
  status: InvoiceStatus;
  write_off_reason: string | null;
  updated_at: string;
  days_overdue: number;
}

export interface InvoiceWrite {
  customerId: number;
  externalId: string | null;
  documentNumber: string;
  issueDate: string;
  dueDate: string;
  amountCents: number;
  paymentMethod: PaymentMethod;
  boletoLine: string | null;
  nossoNumero: string | null;
}

/** Statuses that still carry an open balance (the partial index's WHERE). */
export const OPEN_STATUSES: readonly InvoiceStatus[] = ['open', 'partial', 'disputed'];

const SELECT = `SELECT i.*, MAX(0, CAST(julianday(@asOf) - julianday(i.due_date) AS INTEGER)) AS days_overdue FROM invoices i`;

export function invoicesRepo(prepare: Prepare) {
  return {
    listByCustomer(customerId: number, scope: 'open' | 'all', asOf: string, offset: number, limit: number) {
      const scopeSql = scope === 'open' ? `AND i.status IN ('open', 'partial', 'disputed')` : '';
      const rows = prepare(
        `${SELECT} WHERE i.customer_id = @customerId ${scopeSql} ORDER BY i.due_date, i.id LIMIT @limit OFFSET @offset`,
      ).all({ customerId, asOf, offset, limit }) as InvoiceDbRow[];
      const total = prepare(`SELECT COUNT(*) FROM invoices i WHERE i.customer_id = ? ${scopeSql}`).pluck().get(customerId) as number;
      return { rows: rows.map((r) => toInvoiceRow(r, asOf)), total };
    },
    get(id: number, asOf: string): InvoiceRow | null {
      const r = prepare(`${SELECT} WHERE i.id = @id`).get({ id, asOf }) as InvoiceDbRow | undefined;
      return r ? toInvoiceRow(r, asOf) : null;
    },
    count(): number {
      return prepare('SELECT COUNT(*) FROM invoices').pluck().get() as number;
    },
    findByExternalId(externalId: string): number | null {
      return (prepare('SELECT id FROM invoices WHERE external_id = ?').pluck().get(externalId) as number | undefined) ?? null;
    },
    insert(w: InvoiceWrite, at: string): number {
      const info = prepare(
        `INSERT INTO invoices (customer_id, external_id, document_number, issue_date, due_date, amount_cents, payment_method,
           boleto_line, nosso_numero, status, created_at, updated_at)
         VALUES (@customerId, @externalId, @documentNumber, @issueDate, @dueDate, @amountCents, @paymentMethod,
           @boletoLine, @nossoNumero, 'open', @at, @at)`,
      ).run({ ...w, at });
      return Number(info.lastInsertRowid);
    },
    update(id: number, w: Omit<InvoiceWrite, 'customerId' | 'externalId' | 'issueDate'>, at: string) {
      prepare(
        `UPDATE invoices SET document_number = @documentNumber, due_date = @dueDate, amount_cents = @amountCents,
           payment_method = @paymentMethod, boleto_line = @boletoLine, nosso_numero = @nossoNumero, updated_at = @at,
           status = CASE WHEN paid_cents >= @amountCents THEN 'paid' ELSE status END
         WHERE id = @id`,
      ).run({ ...w, id, at });
    },
    /** Adds a payment's amount and moves the status to partial or paid. Called only by the payments service. */
    applyPayment(id: number, amountCents: number, at: string) {
      prepare(
        `UPDATE invoices SET paid_cents = paid_cents + @amountCents,
           status = CASE WHEN paid_cents + @amountCents >= amount_cents THEN 'paid'
                         WHEN status = 'disputed' THEN 'disputed' ELSE 'partial' END,
           updated_at = @at
         WHERE id = @id`,
      ).run({ id, amountCents, at });
    },
    writeOff(id: number, reason: string, at: string) {
      prepare(`UPDATE invoices SET status = 'written_off', write_off_reason = @reason, updated_at = @at WHERE id = @id`).run({
        id,
        reason,
        at,
      });
    },
  };
}

export type InvoicesRepo = ReturnType<typeof invoicesRepo>;

function displayStatus(r: InvoiceDbRow, asOf: string): InvoiceDisplayStatus {
  switch (r.status) {
    case 'open':
      return r.due_date < asOf ? 'overdue' : 'due';
    default:
      return r.status;
  }
}

function toInvoiceRow(r: InvoiceDbRow, asOf: string): InvoiceRow {
  const open = OPEN_STATUSES.includes(r.status);
  return {
    id: r.id,
    customerId: r.customer_id,
    externalId: r.external_id,
    documentNumber: r.document_number,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    amountCents: r.amount_cents,
    paidCents: r.paid_cents,
    openCents: open ? r.amount_cents - r.paid_cents : 0,
    paymentMethod: r.payment_method,
    boletoLine: r.boleto_line,
    nossoNumero: r.nosso_numero,
    status: r.status,
    displayStatus: displayStatus(r, asOf),
    daysOverdue: open ? r.days_overdue : 0,
    writeOffReason: r.write_off_reason,
    updatedAt: r.updated_at,
  };
}

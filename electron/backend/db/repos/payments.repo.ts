import type { Payment, PaymentMethod, PaymentSource } from '../../../../shared/ipc/contract';
import type { Prepare } from '../statements';

export interface PaymentWrite {
  invoiceId: number;
  paidOn: string;
  amountCents: number;
  method: PaymentMethod;
  source: PaymentSource;
  reference: string | null;
  createdBy: string;
}

const COLUMNS = `id, invoice_id AS invoiceId, paid_on AS paidOn, amount_cents AS amountCents, method, source, reference,
  created_at AS createdAt, created_by AS createdBy`;

export function paymentsRepo(prepare: Prepare) {
  return {
    insert(w: PaymentWrite, at: string): number {
      const info = prepare(
        `INSERT INTO payments (invoice_id, paid_on, amount_cents, method, source, reference, created_at, created_by)
         VALUES (@invoiceId, @paidOn, @amountCents, @method, @source, @reference, @at, @createdBy)`,
      ).run({ ...w, at });
      return Number(info.lastInsertRowid);
    },
    get(id: number): Payment {
      return prepare(`SELECT ${COLUMNS} FROM payments WHERE id = ?`).get(id) as Payment;
    },
    listByInvoice(invoiceId: number): Payment[] {
      return prepare(`SELECT ${COLUMNS} FROM payments WHERE invoice_id = ? ORDER BY paid_on, id`).all(invoiceId) as Payment[];
    },
  };
}

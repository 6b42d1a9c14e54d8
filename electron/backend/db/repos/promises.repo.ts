import type { DelayReason, PaymentPromise, PromiseStatus } from '../../../../shared/ipc/negotiation.contract';
import type { Prepare } from '../statements';

interface PromiseDbRow extends Omit<PaymentPromise, 'invoiceIds'> {
  invoiceIds: string;
}

const SELECT = `SELECT p.id, p.customer_id AS customerId, p.promised_date AS promisedDate, p.amount_cents AS amountCents,
  p.delay_reason AS delayReason, p.note, p.status, p.paid_cents AS paidCents, p.resolved_at AS resolvedAt,
  p.resolved_by AS resolvedBy, p.created_at AS createdAt, p.created_by AS createdBy,
  (SELECT json_group_array(invoice_id) FROM promise_invoices WHERE promise_id = p.id) AS invoiceIds
  FROM promises p`;

function toPromise(r: PromiseDbRow): PaymentPromise {
  return { ...r, invoiceIds: (JSON.parse(r.invoiceIds) as number[]).sort((a, b) => a - b) };
}

export interface PromiseWrite {
  customerId: number;
  promisedDate: string;
  amountCents: number;
  invoiceIds: number[];
  delayReason: DelayReason | null;
  note: string | null;
  createdOn: string;
  createdBy: string;
}

export function promisesRepo(prepare: Prepare) {
  return {
    insert(w: PromiseWrite, at: string): number {
      const id = Number(
        prepare(
          `INSERT INTO promises (customer_id, promised_date, amount_cents, delay_reason, note, created_on, created_at, created_by, updated_at)
           VALUES (@customerId, @promisedDate, @amountCents, @delayReason, @note, @createdOn, @at, @createdBy, @at)`,
        ).run({ ...w, at }).lastInsertRowid,
      );
      for (const invoiceId of w.invoiceIds) prepare('INSERT INTO promise_invoices (promise_id, invoice_id) VALUES (?, ?)').run(id, invoiceId);
      return id;
    },
    get(id: number): PaymentPromise | null {
      const r = prepare(`${SELECT} WHERE p.id = ?`).get(id) as PromiseDbRow | undefined;
      return r ? toPromise(r) : null;
    },
    listByCustomer(customerId: number): PaymentPromise[] {
      return (prepare(`${SELECT} WHERE p.customer_id = ? ORDER BY p.id DESC`).all(customerId) as PromiseDbRow[]).map(toPromise);
    },
    /** Pending promises whose date has passed: the day after, they are kept or broken. */
    listPendingBefore(asOf: string): PaymentPromise[] {
      return (prepare(`${SELECT} WHERE p.status = 'pending' AND p.promised_date < ? ORDER BY p.id`).all(asOf) as PromiseDbRow[]).map(toPromise);
    },
    /**
     * Paid towards a promise: payments dated from the day it was made to the promised date, on its títulos (or
     * on any título of the customer when none was named).
     */
    paidTowards(p: PaymentPromise, createdOn: string): number {
      const sql =
        p.invoiceIds.length > 0
          ? `SELECT COALESCE(SUM(pay.amount_cents), 0) FROM payments pay JOIN promise_invoices pi ON pi.invoice_id = pay.invoice_id
             WHERE pi.promise_id = @id AND pay.paid_on BETWEEN @from AND @to`
          : `SELECT COALESCE(SUM(pay.amount_cents), 0) FROM payments pay JOIN invoices i ON i.id = pay.invoice_id
             WHERE i.customer_id = @customerId AND pay.paid_on BETWEEN @from AND @to`;
      return prepare(sql).pluck().get({ id: p.id, customerId: p.customerId, from: createdOn, to: p.promisedDate }) as number;
    },
    createdOn(id: number): string {
      return prepare('SELECT created_on FROM promises WHERE id = ?').pluck().get(id) as string;
    },
    resolve(id: number, status: Exclude<PromiseStatus, 'pending'>, paidCents: number | null, note: string | null, by: string, at: string) {
      prepare(
        `UPDATE promises SET status = @status, paid_cents = @paidCents, note = COALESCE(@note, note), resolved_at = @at, resolved_by = @by, updated_at = @at
         WHERE id = @id`,
      ).run({ id, status, paidCents, note, by, at });
    },
    setFollowUpTask(id: number, taskId: number) {
      prepare('UPDATE promises SET follow_up_task_id = ? WHERE id = ?').run(taskId, id);
    },
  };
}

import type { Dispute } from '../../../../shared/ipc/negotiation.contract';
import type { Prepare } from '../statements';

const SELECT = `SELECT d.id, d.customer_id AS customerId, d.invoice_id AS invoiceId, i.document_number AS documentNumber, d.reason,
  d.opened_at AS openedAt, d.opened_by AS openedBy, d.resolution, d.resolved_at AS resolvedAt, d.resolved_by AS resolvedBy
  FROM disputes d JOIN invoices i ON i.id = d.invoice_id`;

export function disputesRepo(prepare: Prepare) {
  return {
    /** Opens a dispute and turns the título 'disputed' (which pauses the ladder); false if it was not open. */
    open(w: { customerId: number; invoiceId: number; reason: string; by: string }, at: string): number | null {
      const changed = prepare(
        `UPDATE invoices SET status = 'disputed', updated_at = @at WHERE id = @invoiceId AND status IN ('open', 'partial')`,
      ).run({ invoiceId: w.invoiceId, at }).changes;
      if (changed !== 1) return null;
      return Number(
        prepare(`INSERT INTO disputes (customer_id, invoice_id, reason, opened_at, opened_by) VALUES (@customerId, @invoiceId, @reason, @at, @by)`).run({
          ...w,
          at,
        }).lastInsertRowid,
      );
    },
    /** Closes the dispute; the título goes back to open, or partial when something was paid. */
    resolve(id: number, invoiceId: number, resolution: string, by: string, at: string) {
      prepare('UPDATE disputes SET resolution = @resolution, resolved_at = @at, resolved_by = @by WHERE id = @id').run({ id, resolution, by, at });
      prepare(
        `UPDATE invoices SET status = CASE WHEN paid_cents > 0 THEN 'partial' ELSE 'open' END, updated_at = @at
         WHERE id = @invoiceId AND status = 'disputed'`,
      ).run({ invoiceId, at });
    },
    get(id: number): Dispute | null {
      return (prepare(`${SELECT} WHERE d.id = ?`).get(id) as Dispute | undefined) ?? null;
    },
    listByCustomer(customerId: number): Dispute[] {
      return prepare(`${SELECT} WHERE d.customer_id = ? ORDER BY d.id DESC`).all(customerId) as Dispute[];
    },
  };
}

import type { PauseView } from '../../../../shared/ipc/dunning.contract';
import type { Prepare } from '../statements';

const SELECT = `SELECT p.id, p.customer_id AS customerId, c.legal_name AS customerName, p.invoice_id AS invoiceId, p.reason, p.until_date AS untilDate,
    p.created_at AS createdAt, p.created_by AS createdBy
  FROM dunning_pauses p JOIN customers c ON c.id = p.customer_id`;

export function pausesRepo(prepare: Prepare) {
  return {
    insert(p: { customerId: number; invoiceId: number | null; reason: string; untilDate: string | null }, at: string, by: string): number {
      const info = prepare(
        `INSERT INTO dunning_pauses (customer_id, invoice_id, reason, until_date, created_at, created_by) VALUES (@customerId, @invoiceId, @reason, @untilDate, @at, @by)`,
      ).run({ ...p, at, by });
      return Number(info.lastInsertRowid);
    },
    get(id: number): PauseView | null {
      return (prepare(`${SELECT} WHERE p.id = ?`).get(id) as PauseView | undefined) ?? null;
    },
    /** Pauses still in force on `asOf`: one customer's (whole-customer and per-título) or everyone's, newest first. */
    listActive(customerId: number | null, asOf: string, limit = 500): PauseView[] {
      return prepare(
        `${SELECT} WHERE (@customerId IS NULL OR p.customer_id = @customerId) AND p.lifted_at IS NULL AND (p.until_date IS NULL OR p.until_date >= @asOf)
         ORDER BY p.id DESC LIMIT @limit`,
      ).all({ customerId, asOf, limit }) as PauseView[];
    },
    /** Lifts every pause of the customer; returns how many were in force. */
    liftAll(customerId: number, asOf: string, at: string): number {
      return prepare(`UPDATE dunning_pauses SET lifted_at = ? WHERE customer_id = ? AND lifted_at IS NULL AND (until_date IS NULL OR until_date >= ?)`).run(at, customerId, asOf).changes;
    },
    /** Whether the customer or one of `invoiceIds` is paused on `asOf`. */
    isPaused(customerId: number, invoiceId: number, asOf: string): boolean {
      return (
        prepare(
          `SELECT 1 FROM dunning_pauses WHERE customer_id = ? AND lifted_at IS NULL AND (until_date IS NULL OR until_date >= ?) AND (invoice_id IS NULL OR invoice_id = ?) LIMIT 1`,
        ).get(customerId, asOf, invoiceId) !== undefined
      );
    },
  };
}

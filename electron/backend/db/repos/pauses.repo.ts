import type { PauseView } from '../../../../shared/ipc/dunning.contract';
import type { Prepare } from '../statements';

const SELECT = `SELECT id, customer_id AS customerId, invoice_id AS invoiceId, reason, until_date AS untilDate, created_at AS createdAt, created_by AS createdBy
  FROM dunning_pauses`;

export function pausesRepo(prepare: Prepare) {
  return {
    insert(p: { customerId: number; invoiceId: number | null; reason: string; untilDate: string | null }, at: string, by: string): number {
      const info = prepare(
        `INSERT INTO dunning_pauses (customer_id, invoice_id, reason, until_date, created_at, created_by) VALUES (@customerId, @invoiceId, @reason, @untilDate, @at, @by)`,
      ).run({ ...p, at, by });
      return Number(info.lastInsertRowid);
    },
    get(id: number): PauseView | null {
      return (prepare(`${SELECT} WHERE id = ?`).get(id) as PauseView | undefined) ?? null;
    },
    /** Pauses still in force on `asOf` for a customer (whole-customer and per-título). */
    listActive(customerId: number, asOf: string): PauseView[] {
      return prepare(`${SELECT} WHERE customer_id = ? AND lifted_at IS NULL AND (until_date IS NULL OR until_date >= ?) ORDER BY id`).all(customerId, asOf) as PauseView[];
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

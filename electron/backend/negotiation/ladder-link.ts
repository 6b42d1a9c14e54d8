import type { Prepare } from '../db/statements';

/**
 * Where a negotiation touches the régua (issue 5's tables, migration 0006): a follow-up call task when a
 * promise breaks, and a pause of the customer's ladder while a promise is pending (DOMAIN.md: a promise to pay
 * pauses the ladder). Both are skipped when the régua's tables are not in this database.
 */
export function ladderLink(prepare: Prepare) {
  let tables: Set<string> | null = null;
  const has = (name: string) => {
    tables ??= new Set(prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('dunning_tasks', 'dunning_pauses')`).pluck().all() as string[]);
    return tables.has(name);
  };
  return {
    /** A call task for the clerk's queue; idempotent per key. Returns its id, or null without the table. */
    addCallTask(t: { key: string; customerId: number; invoiceIds: number[]; title: string; amountCents: number; dueDate: string }, at: string): number | null {
      if (!has('dunning_tasks')) return null;
      prepare(
        `INSERT INTO dunning_tasks (idempotency_key, type, customer_id, invoice_ids, title, amount_cents, priority, due_date, is_contact, created_at, updated_at)
         VALUES (@key, 'call', @customerId, @invoiceIds, @title, @amountCents, @amountCents, @dueDate, 1, @at, @at)
         ON CONFLICT(idempotency_key) DO NOTHING`,
      ).run({ ...t, invoiceIds: JSON.stringify(t.invoiceIds), at });
      return prepare('SELECT id FROM dunning_tasks WHERE idempotency_key = ?').pluck().get(t.key) as number;
    },
    /** Pauses the customer's whole ladder up to `untilDate` (inclusive). */
    pauseCustomer(p: { customerId: number; reason: string; untilDate: string; by: string }, at: string): boolean {
      if (!has('dunning_pauses')) return false;
      prepare(
        `INSERT INTO dunning_pauses (customer_id, invoice_id, reason, until_date, created_at, created_by) VALUES (@customerId, NULL, @reason, @untilDate, @at, @by)`,
      ).run({ ...p, at });
      return true;
    },
  };
}

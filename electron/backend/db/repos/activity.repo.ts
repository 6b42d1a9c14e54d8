import type { ActivityEntry } from '../../../../shared/ipc/contract';
import type { Prepare } from '../statements';

export interface ActivityWrite {
  actor: string;
  action: string;
  customerId?: number | null;
  invoiceId?: number | null;
  details?: Record<string, unknown>;
}

/** Append-only: the table's triggers refuse UPDATE and DELETE. */
export function activityRepo(prepare: Prepare) {
  return {
    append(e: ActivityWrite, at: string): void {
      prepare(
        `INSERT INTO activity_log (at, actor, action, customer_id, invoice_id, details) VALUES (@at, @actor, @action, @customerId, @invoiceId, @details)`,
      ).run({
        at,
        actor: e.actor,
        action: e.action,
        customerId: e.customerId ?? null,
        invoiceId: e.invoiceId ?? null,
        details: JSON.stringify(e.details ?? {}),
      });
    },
    listByCustomer(customerId: number, offset: number, limit: number) {
      const rows = prepare(
        `SELECT id, at, actor, action, customer_id AS customerId, invoice_id AS invoiceId, details
         FROM activity_log WHERE customer_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`,
      ).all(customerId, limit, offset) as (Omit<ActivityEntry, 'details'> & { details: string })[];
      const total = prepare('SELECT COUNT(*) FROM activity_log WHERE customer_id = ?').pluck().get(customerId) as number;
      return { rows: rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> })), total };
    },
  };
}

import type { ActivityEntry } from '../../../../shared/ipc/contract';
import { entryHash, nextLink, recordChainHead } from '../../audit/audit-chain';
import type { Prepare } from '../statements';

export interface ActivityWrite {
  actor: string;
  action: string;
  customerId?: number | null;
  invoiceId?: number | null;
  details?: Record<string, unknown>;
}

/** Append-only (the table's triggers refuse UPDATE and DELETE) and hash-chained (audit/audit-chain.ts). */
export function activityRepo(prepare: Prepare) {
  return {
    append(e: ActivityWrite, at: string): void {
      const insert = prepare(
        `INSERT INTO activity_log (id, at, actor, action, customer_id, invoice_id, details, prev_hash, hash)
         VALUES (@id, @at, @actor, @action, @customerId, @invoiceId, @details, @prevHash, @hash)`,
      );
      // Reading the head and inserting after it must not interleave with another connection's append.
      const appendAfterTip = () => {
        const { id, prevHash } = nextLink(prepare);
        const entry = {
          id,
          at,
          actor: e.actor,
          action: e.action,
          customerId: e.customerId ?? null,
          invoiceId: e.invoiceId ?? null,
          details: JSON.stringify(e.details ?? {}),
        };
        const hash = entryHash(entry, prevHash);
        insert.run({ ...entry, prevHash, hash });
        recordChainHead(prepare, { id: entry.id, hash });
      };
      const db = insert.database;
      if (db.inTransaction) appendAfterTip();
      else db.transaction(appendAfterTip).immediate();
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

import type { TimelineEntry, TimelineKind } from '../../../../shared/ipc/negotiation.contract';
import type { Prepare } from '../statements';

/**
 * One customer's history from every source, merged and sorted newest first: títulos issued and payments (the
 * ERP/bank date them, so `at` is a date), the activity log (everything a clerk or a job did, including
 * promises, disputes, notes and agreements), and, when the régua's tables exist, messages sent and calls made.
 * Activity entries that only echo a título or a payment row are left out so nothing shows twice.
 */
const ISSUED = `SELECT 'inv' || i.id AS key, 'invoices' AS kind, 'invoice.issued' AS event, i.issue_date AS at, NULL AS actor,
    i.amount_cents AS amountCents, i.document_number AS documentNumber, NULL AS text
  FROM invoices i WHERE i.customer_id = @customerId
    AND NOT EXISTS (SELECT 1 FROM agreement_installments ai WHERE ai.invoice_id = i.id)
    AND NOT EXISTS (SELECT 1 FROM agreement_reinstatements ar WHERE ar.invoice_id = i.id)`;
const PAID = `SELECT 'pay' || p.id, 'payments', 'payment', p.paid_on, p.created_by, p.amount_cents, i.document_number, p.method
  FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.customer_id = @customerId`;
const ACTIVITY = `SELECT 'act' || a.id, CASE
      WHEN a.action LIKE 'promise.%' THEN 'promises' WHEN a.action LIKE 'agreement.%' THEN 'agreements'
      WHEN a.action LIKE 'dispute.%' THEN 'disputes' WHEN a.action LIKE 'note.%' THEN 'notes' ELSE 'other' END,
    a.action, a.at, a.actor, json_extract(a.details, '$.amountCents'),
    (SELECT document_number FROM invoices WHERE id = a.invoice_id),
    COALESCE(json_extract(a.details, '$.text'), json_extract(a.details, '$.reason'))
  FROM activity_log a WHERE a.customer_id = @customerId
    AND a.action NOT IN ('invoice.created', 'payment.settled', 'payment.partial')`;
// The régua's outbox (issue 5): the same WHERE as its partial index outbox_customer_contact_date.
const MESSAGES = `SELECT 'msg' || m.id, 'messages', 'message.' || m.channel, COALESCE(m.sent_at, m.updated_at), NULL, NULL, NULL,
    CASE WHEN m.subject <> '' THEN m.subject || char(10) ELSE '' END || substr(m.body_text, 1, 2000)
  FROM outbox_messages m WHERE m.customer_id = @customerId AND m.status <> 'cancelled' AND m.status = 'sent'`;
const CALLS = `SELECT 'task' || t.id, 'calls', 'call.' || COALESCE(t.outcome, 'done'), t.done_at, t.done_by, t.promise_cents, NULL,
    trim(t.title || CASE WHEN t.note IS NOT NULL THEN char(10) || t.note ELSE '' END)
  FROM dunning_tasks t WHERE t.customer_id = @customerId AND t.is_contact = 1 AND t.status <> 'cancelled' AND t.status = 'done'`;

export function timelineRepo(prepare: Prepare) {
  let sources: string[] | null = null;
  function unionSql(): string {
    if (!sources) {
      const tables = new Set(prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('outbox_messages', 'dunning_tasks')`).pluck().all() as string[]);
      sources = [ISSUED, PAID, ACTIVITY, ...(tables.has('outbox_messages') ? [MESSAGES] : []), ...(tables.has('dunning_tasks') ? [CALLS] : [])];
    }
    return sources.join('\nUNION ALL\n');
  }
  return {
    list(customerId: number, kinds: TimelineKind[] | null, offset: number, limit: number): { rows: TimelineEntry[]; total: number } {
      const filter = kinds ? 'WHERE kind IN (SELECT value FROM json_each(@kinds))' : '';
      const params = { customerId, kinds: JSON.stringify(kinds ?? []), offset, limit };
      const union = `WITH t(key, kind, event, at, actor, amountCents, documentNumber, text) AS (${unionSql()})`;
      const rows = prepare(`${union} SELECT * FROM t ${filter} ORDER BY at DESC, key DESC LIMIT @limit OFFSET @offset`).all(params) as TimelineEntry[];
      const total = prepare(`${union} SELECT COUNT(*) FROM t ${filter}`).pluck().get(params) as number;
      return { rows, total };
    },
  };
}

import type { DelayReason, TaskOutcome, TaskType, TaskView } from '../../../../shared/ipc/dunning.contract';
import type { Prepare } from '../statements';

export interface TaskWrite {
  idempotencyKey: string | null;
  type: TaskType;
  customerId: number;
  stepId: number | null;
  invoiceIds: readonly number[];
  title: string;
  messageText: string | null;
  link: string | null;
  amountCents: number;
  daysOverdue: number;
  priority: number;
  dueDate: string;
  isContact: boolean;
}

export interface TaskCompletion {
  outcome: TaskOutcome;
  delayReason: DelayReason | null;
  promiseDate: string | null;
  promiseCents: number | null;
  note: string | null;
}

const SELECT = `SELECT t.id, t.type, t.customer_id AS customerId, c.legal_name AS customerName, s.name AS stepName, t.title, t.message_text AS messageText,
    t.link, t.amount_cents AS amountCents, t.days_overdue AS daysOverdue, t.priority, t.due_date AS dueDate, t.status,
    (SELECT COALESCE(k.phone, k.whatsapp) FROM contacts k WHERE k.customer_id = t.customer_id AND k.is_valid = 1 AND COALESCE(k.phone, k.whatsapp) IS NOT NULL ORDER BY k.id LIMIT 1) AS phone
  FROM dunning_tasks t JOIN customers c ON c.id = t.customer_id LEFT JOIN dunning_steps s ON s.id = t.step_id`;

/** The clerk's task queue. */
export function tasksRepo(prepare: Prepare) {
  return {
    /** Inserts unless a task with the same idempotency key exists; true when inserted. */
    insert(w: TaskWrite, at: string): boolean {
      const info = prepare(
        `INSERT OR IGNORE INTO dunning_tasks (idempotency_key, type, customer_id, step_id, invoice_ids, title, message_text, link, amount_cents, days_overdue,
           priority, due_date, is_contact, status, created_at, updated_at)
         VALUES (@idempotencyKey, @type, @customerId, @stepId, @invoiceIds, @title, @messageText, @link, @amountCents, @daysOverdue, @priority, @dueDate,
           @isContact, 'open', @at, @at)`,
      ).run({ ...w, invoiceIds: JSON.stringify(w.invoiceIds), isContact: w.isContact ? 1 : 0, at });
      return info.changes === 1;
    },
    get(id: number): TaskView | null {
      return (prepare(`${SELECT} WHERE t.id = ?`).get(id) as TaskView | undefined) ?? null;
    },
    /** Open tasks due on or before `asOf`, highest expected recovery first. */
    queue(asOf: string, offset: number, limit: number): { rows: TaskView[]; total: number } {
      const rows = prepare(`${SELECT} WHERE t.status = 'open' AND t.due_date <= ? ORDER BY t.priority DESC, t.amount_cents DESC, t.id LIMIT ? OFFSET ?`).all(
        asOf,
        limit,
        offset,
      ) as TaskView[];
      const total = prepare(`SELECT COUNT(*) FROM dunning_tasks t WHERE t.status = 'open' AND t.due_date <= ?`).pluck().get(asOf) as number;
      return { rows, total };
    },
    /** Open "imprimir carta" tasks due on or before `asOf`, by customer. */
    openLetters(asOf: string, limit: number): TaskView[] {
      return prepare(`${SELECT} WHERE t.status = 'open' AND t.type = 'letter' AND t.due_date <= ? ORDER BY c.sort_name, t.id LIMIT ?`).all(asOf, limit) as TaskView[];
    },
    complete(id: number, c: TaskCompletion, at: string, by: string): boolean {
      return (
        prepare(
          `UPDATE dunning_tasks SET status = 'done', outcome = @outcome, delay_reason = @delayReason, promise_date = @promiseDate, promise_cents = @promiseCents,
             note = @note, done_at = @at, done_by = @by, updated_at = @at WHERE id = @id AND status = 'open'`,
        ).run({ ...c, id, at, by }).changes === 1
      );
    },
    snooze(id: number, untilDate: string, at: string): boolean {
      return prepare(`UPDATE dunning_tasks SET due_date = ?, updated_at = ? WHERE id = ? AND status = 'open'`).run(untilDate, at, id).changes === 1;
    },
    /** Per customer, the days of contact tasks (calls, WhatsApp clicks, letters) from `since` on. */
    contactDatesSince(since: string): { customerId: number; date: string }[] {
      return prepare(
        `SELECT customer_id AS customerId, due_date AS date FROM dunning_tasks WHERE is_contact = 1 AND status <> 'cancelled' AND due_date >= ?`,
      ).all(since) as { customerId: number; date: string }[];
    },
  };
}

import type { MessageChannel, OutboxRow, OutboxStatus, StepEffectiveness } from '../../../../shared/ipc/dunning.contract';
import type { Prepare } from '../statements';

export interface OutboxWrite {
  idempotencyKey: string;
  customerId: number;
  stepId: number | null;
  invoiceIds: readonly number[];
  channel: MessageChannel;
  contactId: number | null;
  toAddress: string;
  subject: string;
  bodyHtml: string;
  bodyText: string;
  contactDate: string;
  nextAttemptAt: string;
}

/** What the sender needs of a queued message. */
export interface OutboxMessage {
  id: number;
  idempotencyKey: string;
  customerId: number;
  stepId: number | null;
  invoiceIds: number[];
  channel: MessageChannel;
  contactId: number | null;
  toAddress: string;
  subject: string;
  bodyHtml: string;
  bodyText: string;
  attempts: number;
  status: OutboxStatus;
}

const ROW_SELECT = `SELECT o.id, o.customer_id AS customerId, c.legal_name AS customerName, s.name AS stepName, o.channel, o.to_address AS toAddress,
    o.subject, o.status, o.attempts, o.next_attempt_at AS nextAttemptAt, o.last_error AS lastError, o.sent_at AS sentAt, o.created_at AS createdAt
  FROM outbox_messages o JOIN customers c ON c.id = o.customer_id LEFT JOIN dunning_steps s ON s.id = o.step_id`;

const STATUSES: readonly OutboxStatus[] = ['queued', 'sending', 'sent', 'failed', 'cancelled'];

/**
 * The outbox. Status moves are guarded by the expected current status, so two senders (or a sender and a
 * cancel) can never both win: queued → sending → sent | queued (retry) | failed; queued → cancelled.
 */
export function outboxRepo(prepare: Prepare) {
  const move = (id: number, from: OutboxStatus, set: string, params: Record<string, unknown>): boolean =>
    prepare(`UPDATE outbox_messages SET ${set} WHERE id = @id AND status = @from`).run({ ...params, id, from }).changes === 1;
  return {
    /** Inserts unless a message with the same idempotency key exists; true when inserted. */
    insert(w: OutboxWrite, at: string): boolean {
      const info = prepare(
        `INSERT OR IGNORE INTO outbox_messages (idempotency_key, customer_id, step_id, invoice_ids, channel, contact_id, to_address, subject, body_html, body_text,
           contact_date, status, attempts, next_attempt_at, created_at, updated_at)
         VALUES (@idempotencyKey, @customerId, @stepId, @invoiceIds, @channel, @contactId, @toAddress, @subject, @bodyHtml, @bodyText, @contactDate, 'queued', 0, @nextAttemptAt, @at, @at)`,
      ).run({ ...w, invoiceIds: JSON.stringify(w.invoiceIds), at });
      return info.changes === 1;
    },
    /** Queued messages whose time has come, oldest first. */
    due(nowIso: string, max: number): OutboxMessage[] {
      const rows = prepare(
        `SELECT id, idempotency_key AS idempotencyKey, customer_id AS customerId, step_id AS stepId, invoice_ids AS invoiceIds, channel, contact_id AS contactId,
                to_address AS toAddress, subject, body_html AS bodyHtml, body_text AS bodyText, attempts, status
         FROM outbox_messages WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
      ).all(nowIso, max) as (Omit<OutboxMessage, 'invoiceIds'> & { invoiceIds: string })[];
      return rows.map((r) => ({ ...r, invoiceIds: JSON.parse(r.invoiceIds) as number[] }));
    },
    get(id: number): OutboxRow | null {
      return (prepare(`${ROW_SELECT} WHERE o.id = ?`).get(id) as OutboxRow | undefined) ?? null;
    },
    list(status: OutboxStatus | undefined, offset: number, limit: number): { rows: OutboxRow[]; total: number } {
      const where = status ? 'WHERE o.status = @status' : '';
      const rows = prepare(`${ROW_SELECT} ${where} ORDER BY o.id DESC LIMIT @limit OFFSET @offset`).all({ status: status ?? null, limit, offset }) as OutboxRow[];
      const total = prepare(`SELECT COUNT(*) FROM outbox_messages o ${where}`).pluck().get(status ? { status } : {}) as number;
      return { rows, total };
    },
    counts(): Record<OutboxStatus, number> {
      const out = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
      for (const r of prepare('SELECT status, COUNT(*) AS n FROM outbox_messages GROUP BY status').all() as { status: OutboxStatus; n: number }[]) out[r.status] = r.n;
      return out;
    },
    /** Per customer, the days with a message that counts as a contact, from `since` on. */
    contactDatesSince(since: string): { customerId: number; date: string }[] {
      return prepare(
        `SELECT customer_id AS customerId, contact_date AS date FROM outbox_messages WHERE status <> 'cancelled' AND contact_date >= ?`,
      ).all(since) as { customerId: number; date: string }[];
    },
    markSending(id: number, at: string): boolean {
      return move(id, 'queued', `status = 'sending', attempts = attempts + 1, updated_at = @at`, { at });
    },
    markSent(id: number, at: string): boolean {
      return move(id, 'sending', `status = 'sent', sent_at = @at, last_error = NULL, updated_at = @at`, { at });
    },
    markRetry(id: number, nextAttemptAt: string, error: string, at: string): boolean {
      return move(id, 'sending', `status = 'queued', next_attempt_at = @nextAttemptAt, last_error = @error, updated_at = @at`, { nextAttemptAt, error, at });
    },
    markFailed(id: number, error: string, at: string): boolean {
      return move(id, 'sending', `status = 'failed', last_error = @error, updated_at = @at`, { error, at });
    },
    cancel(id: number, reason: string, at: string): boolean {
      return move(id, 'queued', `status = 'cancelled', last_error = @reason, updated_at = @at`, { reason, at });
    },
    /** Outside contact hours: keeps the message queued for the next allowed moment. */
    postpone(id: number, nextAttemptAt: string, at: string): boolean {
      return move(id, 'queued', `next_attempt_at = @nextAttemptAt, updated_at = @at`, { nextAttemptAt, at });
    },
    /** Some títulos were paid before sending: the message is rewritten for the rest. */
    rewrite(id: number, invoiceIds: readonly number[], subject: string, bodyHtml: string, bodyText: string, at: string): boolean {
      return move(id, 'queued', `invoice_ids = @invoiceIds, subject = @subject, body_html = @bodyHtml, body_text = @bodyText, updated_at = @at`, {
        invoiceIds: JSON.stringify(invoiceIds),
        subject,
        bodyHtml,
        bodyText,
        at,
      });
    },
    /** The clerk asks to try a failed message again now. */
    requeue(id: number, nowIso: string): boolean {
      return move(id, 'failed', `status = 'queued', next_attempt_at = @nowIso, attempts = 0, updated_at = @nowIso`, { nowIso });
    },
    /**
     * Messages left in 'sending' by a crash may or may not have gone out: never re-send them on our own
     * (at most once), hand them to the clerk as failed. Returns their ids.
     */
    failInterrupted(at: string): number[] {
      const ids = prepare(`SELECT id FROM outbox_messages WHERE status = 'sending'`).pluck().all() as number[];
      for (const id of ids) move(id, 'sending', `status = 'failed', last_error = @error, updated_at = @at`, { at, error: 'Envio interrompido (o programa foi fechado durante o envio): confira com o cliente antes de reenviar.' });
      return ids;
    },
    /**
     * Per step and channel, contacts made from `since` to `until` (messages sent and tasks done) and what was
     * paid after them: títulos settled within 3/7/15 days and the amount paid on them within 15 days, as
     * known on `until` (a later payment does not count, so a past reference date shows that day's figures).
     * A cohort measure: the N-day figures count only the títulos whose N days have all passed by `until`
     * (eligibleN), so a contact made yesterday is not a título "not paid in 7 days" yet. The amount
     * recovered is what was paid so far, whether or not the 15 days have passed.
     */
    effectiveness(since: string, until: string): StepEffectiveness[] {
      return prepare(
        // INDEXED BY: left to itself the planner takes outbox_status (status = ?) and reads every body (migration 0014).
        `WITH contacts AS (
           SELECT o.id AS contact_id, o.step_id, o.channel, substr(o.sent_at, 1, 10) AS on_day, o.invoice_ids
           FROM outbox_messages o INDEXED BY outbox_sent_effectiveness WHERE o.status = 'sent' AND o.sent_at >= @since AND o.sent_at < date(@until, '+1 day') AND o.step_id IS NOT NULL
           UNION ALL
           SELECT -t.id, t.step_id, s.channel, substr(t.done_at, 1, 10), t.invoice_ids
           FROM dunning_tasks t JOIN dunning_steps s ON s.id = t.step_id
           WHERE t.status = 'done' AND t.done_at >= @since AND t.done_at < date(@until, '+1 day') AND t.type <> 'fix_contact'
         ), touched AS (
           SELECT c.contact_id, c.step_id, c.channel, c.on_day, MIN(date(c.on_day, '+15 days'), @until) AS window_end, j.value AS invoice_id
           FROM contacts c, json_each(c.invoice_ids) j
         ), outcome AS (
           -- From the título's maintained dates (closed_on: the last payment of a paid one; first_paid_on), so
           -- its payments are read only when one may fall in the 15-day window. Settled after \`until\` is not paid yet on that day.
           SELECT t.contact_id, t.step_id, t.channel,
                  julianday(@until) - julianday(t.on_day) AS days_elapsed,
                  CASE WHEN i.status = 'paid' AND i.closed_on <= @until AND i.closed_on >= t.on_day THEN julianday(i.closed_on) - julianday(t.on_day) END AS days_to_paid,
                  CASE WHEN i.first_paid_on IS NULL OR i.first_paid_on > t.window_end OR (i.status = 'paid' AND i.closed_on < t.on_day) THEN 0
                       ELSE (SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p WHERE p.invoice_id = i.id AND p.paid_on BETWEEN t.on_day AND t.window_end)
                  END AS recovered
           FROM touched t JOIN invoices i ON i.id = t.invoice_id
         )
         SELECT o.step_id AS stepId, s.name AS stepName, s.offset_days AS offsetDays, o.channel,
                COUNT(DISTINCT o.contact_id) AS contacts, COUNT(*) AS titulos,
                -- COUNT of a CASE, not SUM of a comparison: a step none of whose títulos was paid counts 0, not NULL.
                COUNT(CASE WHEN o.days_elapsed >= 3 THEN 1 END) AS eligible3, COUNT(CASE WHEN o.days_elapsed >= 7 THEN 1 END) AS eligible7,
                COUNT(CASE WHEN o.days_elapsed >= 15 THEN 1 END) AS eligible15,
                COUNT(CASE WHEN o.days_elapsed >= 3 AND o.days_to_paid BETWEEN 0 AND 3 THEN 1 END) AS paidWithin3,
                COUNT(CASE WHEN o.days_elapsed >= 7 AND o.days_to_paid BETWEEN 0 AND 7 THEN 1 END) AS paidWithin7,
                COUNT(CASE WHEN o.days_elapsed >= 15 AND o.days_to_paid BETWEEN 0 AND 15 THEN 1 END) AS paidWithin15, SUM(o.recovered) AS recoveredCents
         FROM outcome o JOIN dunning_steps s ON s.id = o.step_id
         GROUP BY o.step_id, o.channel ORDER BY s.ladder_id, s.offset_days, s.id`,
      ).all({ since, until }) as StepEffectiveness[];
    },
    /**
     * Changes whenever any row is written, by this connection (total_changes) or by another one
     * (data_version): a key under which an aggregate over the whole outbox and its payments can be reused.
     */
    writeVersion(): string {
      const own = prepare('SELECT total_changes()').pluck().get() as number;
      const others = prepare('PRAGMA data_version').pluck().get() as number;
      return `${own}:${others}`;
    },
    markContactInvalid(contactId: number, at: string): void {
      prepare('UPDATE contacts SET is_valid = 0, updated_at = ? WHERE id = ?').run(at, contactId);
    },
  };
}

import type { DunningCustomer, DunningInvoice, DunningPause, LadderStep, PayerCondition } from '../../../../shared/domain/dunning';
import type { BehaviourClass, RiskClass } from '../../../../shared/domain/risk';
import type { LadderView, StepView, TemplateView } from '../../../../shared/ipc/dunning.contract';
import type { Prepare } from '../statements';

export type DunningCustomerInfo = DunningCustomer & { optedOut: boolean; hasEmail: boolean; hasPhone: boolean };

interface StepDbRow {
  id: number;
  ladder_id: number;
  name: string;
  offset_days: number;
  day_kind: StepView['dayKind'];
  channel: StepView['channel'];
  template_id: number | null;
  automatic: number;
  min_amount_cents: number;
  segment: string | null;
  payer_condition: PayerCondition | null;
  risk_class_from: RiskClass | null;
  active: number;
}

export type StepWrite = Omit<StepView, 'id'>;

const toStep = (r: StepDbRow): StepView & LadderStep => ({
  id: r.id,
  ladderId: r.ladder_id,
  name: r.name,
  offsetDays: r.offset_days,
  dayKind: r.day_kind,
  channel: r.channel,
  templateId: r.template_id,
  automatic: r.automatic === 1,
  minAmountCents: r.min_amount_cents,
  segment: r.segment,
  payerCondition: r.payer_condition,
  riskClassFrom: r.risk_class_from,
  active: r.active === 1,
});

/** Ladders, steps, templates, assignments, and what the dunning pass reads (open títulos in a window, step log). */
const CUSTOMERS_VERSION_SQL = `SELECT (SELECT n FROM dunning_customers_version WHERE id = 1) || ':' || (SELECT COUNT(*) FROM customers) || ':' || (SELECT COUNT(*) FROM contacts)`;

export function laddersRepo(prepare: Prepare) {
  const stepParams = (s: StepWrite, at: string) => ({ ...s, automatic: s.automatic ? 1 : 0, active: s.active ? 1 : 0, at });
  return {
    listLadders(): LadderView[] {
      const ladders = prepare('SELECT id, name, is_default FROM dunning_ladders ORDER BY is_default DESC, name').all() as { id: number; name: string; is_default: number }[];
      const steps = (prepare('SELECT * FROM dunning_steps ORDER BY ladder_id, offset_days, id').all() as StepDbRow[]).map(toStep);
      const segments = prepare('SELECT ladder_id, segment FROM dunning_ladder_assignments WHERE segment IS NOT NULL ORDER BY segment').all() as { ladder_id: number; segment: string }[];
      return ladders.map((l) => ({
        id: l.id,
        name: l.name,
        isDefault: l.is_default === 1,
        segments: segments.filter((s) => s.ladder_id === l.id).map((s) => s.segment),
        steps: steps.filter((s) => s.ladderId === l.id),
      }));
    },
    ladderExists(id: number): boolean {
      return prepare('SELECT 1 FROM dunning_ladders WHERE id = ?').get(id) !== undefined;
    },
    allSteps(): LadderStep[] {
      return (prepare('SELECT * FROM dunning_steps').all() as StepDbRow[]).map(toStep);
    },
    getStep(id: number): StepView | null {
      const r = prepare('SELECT * FROM dunning_steps WHERE id = ?').get(id) as StepDbRow | undefined;
      return r ? toStep(r) : null;
    },
    insertStep(s: StepWrite, at: string): number {
      const info = prepare(
        `INSERT INTO dunning_steps (ladder_id, name, offset_days, day_kind, channel, template_id, automatic, min_amount_cents, segment, payer_condition, risk_class_from, active, created_at, updated_at)
         VALUES (@ladderId, @name, @offsetDays, @dayKind, @channel, @templateId, @automatic, @minAmountCents, @segment, @payerCondition, @riskClassFrom, @active, @at, @at)`,
      ).run(stepParams(s, at));
      return Number(info.lastInsertRowid);
    },
    updateStep(id: number, s: StepWrite, at: string): void {
      prepare(
        `UPDATE dunning_steps SET ladder_id = @ladderId, name = @name, offset_days = @offsetDays, day_kind = @dayKind, channel = @channel,
           template_id = @templateId, automatic = @automatic, min_amount_cents = @minAmountCents, segment = @segment,
           payer_condition = @payerCondition, risk_class_from = @riskClassFrom, active = @active, updated_at = @at
         WHERE id = @id`,
      ).run({ ...stepParams(s, at), id });
    },

    listTemplates(): TemplateView[] {
      return prepare('SELECT id, name, channel, subject, body FROM dunning_templates ORDER BY id').all() as TemplateView[];
    },
    getTemplate(id: number): TemplateView | null {
      return (prepare('SELECT id, name, channel, subject, body FROM dunning_templates WHERE id = ?').get(id) as TemplateView | undefined) ?? null;
    },
    updateTemplate(id: number, subject: string, body: string, at: string): void {
      prepare('UPDATE dunning_templates SET subject = ?, body = ?, updated_at = ? WHERE id = ?').run(subject, body, at, id);
    },

    /** The customer's own ladder (null = follows segment/default). */
    customerLadder(customerId: number): number | null {
      return (prepare('SELECT ladder_id FROM dunning_ladder_assignments WHERE customer_id = ?').pluck().get(customerId) as number | undefined) ?? null;
    },
    assignCustomer(customerId: number, ladderId: number | null, at: string): void {
      prepare('DELETE FROM dunning_ladder_assignments WHERE customer_id = ?').run(customerId);
      if (ladderId !== null) prepare('INSERT INTO dunning_ladder_assignments (ladder_id, customer_id, created_at) VALUES (?, ?, ?)').run(ladderId, customerId, at);
    },

    /**
     * Every customer with the ladder that applies (own > segment > default), whether they asked to stop
     * (has contacts, all opted out) and whether a valid, consented e-mail / phone exists for the automatic
     * channels, and the behaviour and risk class of the stored credit score (null when not scored yet).
     * The pass keeps it between runs while `customersVersion` stays the same.
     */
    dunningCustomers(): Map<number, DunningCustomerInfo> {
      const rows = prepare(
        `WITH reach AS (
           SELECT customer_id, MIN(opted_out) AS all_out,
                  MAX(is_valid = 1 AND opted_out = 0 AND email IS NOT NULL) AS has_email,
                  MAX(is_valid = 1 AND opted_out = 0 AND COALESCE(whatsapp, phone) IS NOT NULL) AS has_phone
           FROM contacts GROUP BY customer_id
         )
         SELECT c.id, c.segment, c.uf, c.city,
                COALESCE(own.ladder_id, seg.ladder_id, (SELECT id FROM dunning_ladders WHERE is_default = 1)) AS ladder_id,
                COALESCE(r.all_out, 0) AS opted_out, COALESCE(r.has_email, 0) AS has_email, COALESCE(r.has_phone, 0) AS has_phone,
                cs.behaviour, cs.risk_class
         FROM customers c
         LEFT JOIN reach r ON r.customer_id = c.id
         LEFT JOIN credit_scores cs ON cs.customer_id = c.id
         LEFT JOIN dunning_ladder_assignments own ON own.customer_id = c.id
         LEFT JOIN dunning_ladder_assignments seg ON seg.segment = c.segment`,
      ).raw().all() as [number, string | null, string | null, string | null, number | null, number, number, number, BehaviourClass | null, RiskClass | null][];
      const out = new Map<number, DunningCustomerInfo>();
      for (const [id, segment, uf, city, ladderId, optedOut, hasEmail, hasPhone, behaviour, riskClass] of rows) {
        out.set(id, { id, segment, uf, city, ladderId, behaviour, riskClass, optedOut: optedOut === 1, hasEmail: hasEmail === 1, hasPhone: hasPhone === 1 });
      }
      return out;
    },
    /** Changes whenever a customer, a contact, a ladder assignment or a credit score is added, changed or removed (migration 0016). */
    customersVersion(): string {
      return prepare(CUSTOMERS_VERSION_SQL).pluck().get() as string;
    },

    /** Open títulos due within [from, to] (the dunning index), and every disputed one (they pause the customer). */
    candidateInvoices(from: string, to: string): DunningInvoice[] {
      const rows = prepare(
        `SELECT id, customer_id AS customerId, due_date AS dueDate, amount_cents - paid_cents AS openCents, status
         FROM invoices WHERE status IN ('open', 'partial', 'disputed') AND due_date BETWEEN ? AND ?
         UNION ALL
         SELECT id, customer_id, due_date, amount_cents - paid_cents, status
         FROM invoices WHERE status IN ('open', 'partial', 'disputed') AND status = 'disputed' AND NOT (due_date BETWEEN ? AND ?)`,
      )
        .raw()
        .all(from, to, from, to) as [number, number, string, number, DunningInvoice['status']][];
      return rows.map(([id, customerId, dueDate, openCents, status]) => ({ id, customerId, dueDate, openCents, status }));
    },
    /** (invoice, step) pairs already done for títulos due within [from, to]. */
    doneSteps(from: string, to: string): Map<number, Set<number>> {
      const rows = prepare(
        `SELECT l.invoice_id, l.step_id FROM invoices i JOIN dunning_step_log l ON l.invoice_id = i.id
         WHERE i.status IN ('open', 'partial', 'disputed') AND i.due_date BETWEEN ? AND ?`,
      ).raw().all(from, to) as [number, number][];
      const out = new Map<number, Set<number>>();
      for (const [inv, step] of rows) {
        let set = out.get(inv);
        if (!set) out.set(inv, (set = new Set()));
        set.add(step);
      }
      return out;
    },
    markStepsDone(invoiceIds: readonly number[], stepId: number, on: string): void {
      const stmt = prepare('INSERT OR IGNORE INTO dunning_step_log (invoice_id, step_id, done_on) VALUES (?, ?, ?)');
      for (const id of invoiceIds) stmt.run(id, stepId, on);
    },
    /** The régua's own settings (JSON in `settings`; secrets never go here). */
    readSetting(key: string): string | null {
      return (prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
    },
    writeSetting(key: string, value: string): void {
      prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
    },
    activePauses(asOf: string): DunningPause[] {
      return prepare(
        `SELECT customer_id AS customerId, invoice_id AS invoiceId, until_date AS untilDate FROM dunning_pauses
         WHERE lifted_at IS NULL AND (until_date IS NULL OR until_date >= ?)`,
      ).all(asOf) as DunningPause[];
    },
  };
}

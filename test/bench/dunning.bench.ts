// The régua at scale: a full dunning pass over 1M títulos through the real backend (plan every open título
// against the ladders, pauses, history and contact caps; write outbox rows, tasks and the step log in one
// transaction), then a second pass with nothing new — against raw SQL selecting the same candidate títulos.
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/backend/create-backend';
import { dueDateWindow, DEFAULT_DUNNING_POLICY } from '../../shared/domain/dunning';
import { onceMs, medianMs, type BenchSuite } from './bench-kit';

// 00:30 in São Paulo (22:30–23:30 in the western time zones): outside contact hours everywhere, so the pass
// queues messages for the morning, the sender job sends nothing and the figure is the pass itself.
const NOW = new Date('2026-11-26T03:30:00.000Z');
const AS_OF = '2026-11-26';

export const dunningBench: BenchSuite = {
  name: 'regua',
  async run(ctx) {
    const open = (dbPath: string) =>
      createBackend({
        dbPath,
        clock: { now: () => NOW },
        log: () => {},
        company: async () => ({
          creditor: { legalName: 'Distribuidora Bench Ltda', document: '11222333000181', address: 'Rua A, 10 — Campinas/SP', city: 'Campinas', pixKey: '11222333000181' },
          finePercentBp: 200,
          monthlyInterestBp: 100,
        }),
        mailer: { send: async () => ({ ok: true, providerId: null }) },
      });
    // The day's first pass on three fresh copies: the first in a cold process (holiday tables, JIT), two warm.
    const firstPasses: number[] = [];
    for (let i = 0; i < 2; i++) {
      const spare = open(ctx.copyOfBigDb());
      firstPasses.push(await onceMs(() => spare.scheduler.runOnce()));
      spare.close();
    }
    const dbPath = ctx.copyOfBigDb();
    const backend = open(dbPath);
    const raw = new Database(dbPath, { readonly: true });
    try {
      const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
      firstPasses.push(await onceMs(() => backend.scheduler.runOnce()));
      const first = [...firstPasses].sort((a, b) => a - b)[1]!;
      const messages = count('SELECT COUNT(*) FROM outbox_messages');
      const tasks = count('SELECT COUNT(*) FROM dunning_tasks');
      const steps = raw.prepare('SELECT offset_days AS offsetDays, day_kind AS dayKind FROM dunning_steps WHERE active = 1').all() as { offsetDays: number; dayKind: 'calendar' | 'business' }[];
      const window = dueDateWindow(steps, AS_OF, DEFAULT_DUNNING_POLICY.maxCatchUpDays)!;
      const candidates = raw.prepare(
        `SELECT id, customer_id, due_date, amount_cents - paid_cents, status FROM invoices WHERE status IN ('open', 'partial', 'disputed') AND due_date BETWEEN ? AND ?`,
      );
      const baselineMs = await medianMs(3, () => candidates.all(window.from, window.to));
      ctx.report({
        name: 'passe completo da régua (1º do dia, mediana de 3 cópias)',
        adimpleMs: first,
        baselineMs,
        baselineLabel: 'SELECT dos títulos candidatos em SQL puro',
        note: `${firstPasses.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(' / ')} (o 1º num processo frio); ${messages} mensagens e ${tasks} tarefas criadas; ${candidates.all(window.from, window.to).length} títulos candidatos`,
      });
      const second = await medianMs(3, () => backend.scheduler.runOnce({ force: true }));
      ctx.report({
        name: 'passe sem nada novo',
        adimpleMs: second,
        baselineMs,
        baselineLabel: 'SELECT dos títulos candidatos em SQL puro',
        note: `${count('SELECT COUNT(*) FROM outbox_messages') - messages} mensagens novas`,
      });

      // 90 days of contact history at this scale: the first pass's messages sent and its tasks done again every
      // 3rd day of the window (30 rounds), for the effectiveness table of the Painel and the Régua page.
      const writer = new Database(dbPath);
      writer.exec(`
        WITH RECURSIVE d(n) AS (SELECT 1 UNION ALL SELECT n + 3 FROM d WHERE n < 88)
        INSERT INTO outbox_messages (idempotency_key, customer_id, step_id, invoice_ids, channel, contact_id, to_address, body_text,
          contact_date, status, next_attempt_at, sent_at, created_at, updated_at)
        SELECT 'historico|' || d.n || '|' || o.id, o.customer_id, o.step_id, o.invoice_ids, o.channel, o.contact_id, o.to_address, o.body_text,
          date('${AS_OF}', '-' || d.n || ' days'), 'sent', o.next_attempt_at, date('${AS_OF}', '-' || d.n || ' days') || 'T13:00:00.000Z', o.created_at, o.updated_at
        FROM outbox_messages o, d WHERE o.status = 'queued';
        WITH RECURSIVE d(n) AS (SELECT 1 UNION ALL SELECT n + 3 FROM d WHERE n < 88)
        INSERT INTO dunning_tasks (idempotency_key, type, customer_id, step_id, invoice_ids, title, due_date, is_contact, status, outcome,
          done_at, done_by, created_at, updated_at)
        SELECT 'historico|' || d.n || '|' || t.id, t.type, t.customer_id, t.step_id, t.invoice_ids, t.title, t.due_date, t.is_contact, 'done', 'reached',
          date('${AS_OF}', '-' || d.n || ' days') || 'T14:00:00.000Z', 'bench', t.created_at, t.updated_at
        FROM dunning_tasks t, d WHERE t.status = 'open' AND t.type <> 'fix_contact';`);
      writer.close();
      const sent = count(`SELECT COUNT(*) FROM outbox_messages WHERE status = 'sent'`);
      const done = count(`SELECT COUNT(*) FROM dunning_tasks WHERE status = 'done'`);
      let rows = 0;
      ctx.report({
        name: 'efetividade da régua, 90 dias (1ª leitura após escrita)',
        adimpleMs: await onceMs(async () => {
          const env = await backend.dispatch('dunning.effectiveness', { days: 90 });
          if (!env.ok) throw new Error(env.error.message);
          rows = (env.data as { rows: unknown[] }).rows.length;
        }),
        baselineMs: await medianMs(3, () => raw.prepare(`SELECT COUNT(*), SUM(length(invoice_ids)) FROM outbox_messages WHERE status = 'sent'`).get()),
        baselineLabel: 'ler as mensagens enviadas em SQL puro',
        note: `${sent} mensagens enviadas e ${done} tarefas feitas na janela; ${rows} linhas (etapa × canal)`,
      });
      ctx.report({ name: 'efetividade da régua, 90 dias (em cache)', adimpleMs: await medianMs(3, () => backend.dispatch('dunning.effectiveness', { days: 90 })) });
    } finally {
      raw.close();
      backend.close();
    }
  },
};

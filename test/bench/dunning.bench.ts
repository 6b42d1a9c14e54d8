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
    const dbPath = ctx.copyOfBigDb();
    const backend = createBackend({
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
    const raw = new Database(dbPath, { readonly: true });
    try {
      const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
      const first = await onceMs(() => backend.scheduler.runOnce());
      const messages = count('SELECT COUNT(*) FROM outbox_messages');
      const tasks = count('SELECT COUNT(*) FROM dunning_tasks');
      const steps = raw.prepare('SELECT offset_days AS offsetDays, day_kind AS dayKind FROM dunning_steps WHERE active = 1').all() as { offsetDays: number; dayKind: 'calendar' | 'business' }[];
      const window = dueDateWindow(steps, AS_OF, DEFAULT_DUNNING_POLICY.maxCatchUpDays)!;
      const candidates = raw.prepare(
        `SELECT id, customer_id, due_date, amount_cents - paid_cents, status FROM invoices WHERE status IN ('open', 'partial', 'disputed') AND due_date BETWEEN ? AND ?`,
      );
      const baselineMs = await medianMs(3, () => candidates.all(window.from, window.to));
      ctx.report({
        name: 'passe completo da régua (1º do dia)',
        adimpleMs: first,
        baselineMs,
        baselineLabel: 'SELECT dos títulos candidatos em SQL puro',
        note: `${messages} mensagens e ${tasks} tarefas criadas; ${candidates.all(window.from, window.to).length} títulos candidatos`,
      });
      const second = await medianMs(3, () => backend.scheduler.runOnce({ force: true }));
      ctx.report({
        name: 'passe sem nada novo',
        adimpleMs: second,
        baselineMs,
        baselineLabel: 'SELECT dos títulos candidatos em SQL puro',
        note: `${count('SELECT COUNT(*) FROM outbox_messages') - messages} mensagens novas`,
      });
    } finally {
      raw.close();
      backend.close();
    }
  },
};

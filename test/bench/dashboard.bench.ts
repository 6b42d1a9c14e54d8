// The dashboard at scale (50k customers / 1M títulos). Every aggregate is computed AS OF a date from the títulos
// and payments. The whole answer is cached until data changes, and each past figure until data dated on or before
// it changes (migration 0011), so what a clerk feels depends on the write before the look:
// - "após pagamento de hoje": a payment registered today through the router (the all-day case);
// - "após pagamento retroativo": a payment dated last month (that month's figures are recomputed);
// - "história inteira invalidada": a customer moved to another sales rep (every date recomputed, as a cold start);
// "em cache" is a second look at the same data.
import Database from 'better-sqlite3';
import type { Backend } from '../../electron/backend/backend.types';
import { createBackend } from '../../electron/backend/create-backend';
import { medianMs, onceMs, type BenchSuite } from './bench-kit';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const AS_OF = '2026-11-25';

async function call(backend: Backend, method: string, params: unknown): Promise<unknown> {
  const env = await backend.dispatch(method, params);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.data;
}

/** Median of `runs` timings of `fn`, each after `before` (not timed). */
async function medianAfter(runs: number, before: () => Promise<unknown>, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before();
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Today's aging, per-customer balances and month payments the plain way: what a dashboard without history costs. */
const RAW_TODAY = [
  `SELECT CASE WHEN due_date >= @asOf THEN 0 WHEN julianday(@asOf) - julianday(due_date) <= 15 THEN 1
               WHEN julianday(@asOf) - julianday(due_date) <= 30 THEN 2 WHEN julianday(@asOf) - julianday(due_date) <= 60 THEN 3
               WHEN julianday(@asOf) - julianday(due_date) <= 90 THEN 4 WHEN julianday(@asOf) - julianday(due_date) <= 180 THEN 5 ELSE 6 END AS b,
          SUM(amount_cents - paid_cents), COUNT(*)
   FROM invoices WHERE status IN ('open', 'partial', 'disputed') GROUP BY b`,
  `SELECT c.id, c.legal_name, c.segment, c.uf, c.sales_rep, b.* FROM (
     SELECT customer_id, SUM(amount_cents - paid_cents) AS open_cents,
            SUM(CASE WHEN due_date < @asOf THEN amount_cents - paid_cents ELSE 0 END) AS overdue_cents,
            MIN(CASE WHEN due_date < @asOf THEN due_date END) AS oldest_due
     FROM invoices WHERE status IN ('open', 'partial', 'disputed') GROUP BY customer_id) b JOIN customers c ON c.id = b.customer_id`,
  `SELECT SUM(p.amount_cents) FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE p.paid_on > '2026-10-31' AND p.paid_on <= @asOf AND i.due_date < '2026-10-31'`,
];

/** The overdue balance on a past date without dated columns: sum each título's payments up to it. */
const RAW_NAIVE_OVERDUE_AT = `
  SELECT SUM(i.amount_cents - COALESCE(p.paid, 0)) FROM invoices i
  LEFT JOIN (SELECT invoice_id, SUM(amount_cents) AS paid FROM payments WHERE paid_on <= @d GROUP BY invoice_id) p ON p.invoice_id = i.id
  WHERE i.issue_date <= @d AND i.due_date < @d AND COALESCE(p.paid, 0) < i.amount_cents AND i.status NOT IN ('written_off', 'renegotiated')`;

export const dashboardBench: BenchSuite = {
  name: 'painel',
  async run(ctx) {
    const dbPath = ctx.copyOfBigDb();
    let backend!: Backend;
    const coldMs = await onceMs(async () => {
      backend = createBackend({ dbPath, clock: { now: () => NOW }, log: () => {} });
      await call(backend, 'dashboard.summary', {});
    });
    const raw = new Database(dbPath);
    raw.pragma('busy_timeout = 2000');
    // One centavo on a different open título each time, so every payment changes the figures.
    const openIds = raw
      .prepare(`SELECT id FROM invoices WHERE status IN ('open', 'partial') AND amount_cents - paid_cents > 100 AND issue_date < '2026-10-01' ORDER BY id LIMIT 100`)
      .pluck()
      .all() as number[];
    let paid = 0;
    const payOn = (paidOn: string) => () => call(backend, 'payments.register', { invoiceId: openIds[paid++ % openIds.length], amountCents: 1, paidOn, method: 'pix' });
    const payToday = payOn(AS_OF);
    const payLastMonth = payOn('2026-10-15');
    // A filter column of a customer changes: migration 0011 invalidates every date.
    let moves = 0;
    const moveCustomer = raw.prepare(`UPDATE customers SET sales_rep = ? WHERE id = (SELECT MIN(id) FROM customers)`);
    const invalidateAll = async () => void moveCustomer.run(`Representante ${++moves}`);
    const wholeDashboard = () =>
      Promise.all([
        call(backend, 'dashboard.summary', {}),
        call(backend, 'dashboard.trends', {}),
        call(backend, 'dashboard.cashForecast', {}),
        call(backend, 'obligations.list', {}),
      ]);
    try {
      ctx.report({ name: 'abrir o banco + primeiro resumo', adimpleMs: coldMs, note: 'inclui migrações pendentes' });

      const rawToday = RAW_TODAY.map((sql) => raw.prepare(sql));
      await wholeDashboard();
      ctx.report({
        name: 'resumo de hoje (após pagamento de hoje)',
        adimpleMs: await medianAfter(5, payToday, () => call(backend, 'dashboard.summary', {})),
        baselineMs: await medianMs(5, () => rawToday.forEach((s) => s.all({ asOf: AS_OF }))),
        baselineLabel: 'SQL puro só de hoje',
        note: 'faixas, maiores devedores, quebras, KPIs do mês e 90 dias',
      });
      ctx.report({ name: 'resumo de hoje (em cache)', adimpleMs: await medianMs(7, () => call(backend, 'dashboard.summary', {})) });
      const naive = raw.prepare(RAW_NAIVE_OVERDUE_AT);
      ctx.report({
        name: 'resumo em 30/06/2026 (após pagamento de hoje)',
        adimpleMs: await medianAfter(5, payToday, () => call(backend, 'dashboard.summary', { asOf: '2026-06-30' })),
        baselineMs: await onceMs(() => naive.get({ d: '2026-06-30' })),
        baselineLabel: 'SQL ingênuo: só o vencido, somando pagamentos',
        note: 'o resumo completo numa data passada',
      });
      ctx.report({
        name: 'resumo UF=SP (após pagamento de hoje)',
        adimpleMs: await medianAfter(5, payToday, () => call(backend, 'dashboard.summary', { uf: 'SP' })),
      });

      ctx.report({
        name: 'tendência de 12 meses (após pagamento de hoje)',
        adimpleMs: await medianAfter(5, payToday, () => call(backend, 'dashboard.trends', {})),
        note: 'os fins de mês passados ficam guardados: nada a recalcular',
      });
      ctx.report({
        name: 'tendência de 12 meses (após pagamento retroativo a outubro)',
        adimpleMs: await medianAfter(3, payLastMonth, () => call(backend, 'dashboard.trends', {})),
        note: 'recalcula só 31/10',
      });
      ctx.report({
        name: 'tendência de 12 meses (história inteira invalidada)',
        adimpleMs: await medianAfter(3, invalidateAll, () => call(backend, 'dashboard.trends', {})),
        note: 'vencido, inadimplência, recuperado e rolagem por faixa em 12 datas',
      });
      ctx.report({ name: 'tendência de 12 meses (em cache)', adimpleMs: await medianMs(7, () => call(backend, 'dashboard.trends', {})) });
      ctx.report({
        name: 'previsão de caixa 8 semanas (após pagamento de hoje)',
        adimpleMs: await medianAfter(5, payToday, () => call(backend, 'dashboard.cashForecast', {})),
      });
      ctx.report({
        name: 'painel inteiro: resumo + tendência + caixa + obrigações (após pagamento de hoje)',
        adimpleMs: await medianAfter(5, payToday, wholeDashboard),
        note: 'o que o atendente sente o dia todo',
      });
      ctx.report({
        name: 'painel inteiro (após pagamento retroativo a outubro)',
        adimpleMs: await medianAfter(3, payLastMonth, wholeDashboard),
      });
      ctx.report({
        name: 'painel inteiro (história inteira invalidada)',
        adimpleMs: await medianAfter(3, invalidateAll, wholeDashboard),
        note: 'como na primeira abertura do app',
      });
      ctx.report({
        name: 'painel inteiro (em cache, sem escrita desde a última visita)',
        adimpleMs: await medianMs(7, wholeDashboard),
      });
    } finally {
      raw.close();
      backend.close();
    }
  },
};

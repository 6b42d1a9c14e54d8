// Negotiation at portfolio scale (the 50k-customer / 1M-título demo): the customer timeline and the offer
// simulation for the customer with the most títulos, and creating agreements, through the real backend
// (router, zod, SQL, domain maths), beside the raw SQL that reads the same rows.
import Database from 'better-sqlite3';
import type { Backend } from '../../electron/backend/backend.types';
import { createBackend } from '../../electron/backend/create-backend';
import { medianMs, type BenchSuite } from './bench-kit';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const AS_OF = '2026-11-25';

async function call<T>(backend: Backend, method: string, params: unknown): Promise<T> {
  const env = await backend.dispatch(method, params);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.data as T;
}

const OFFERS = [
  { kind: 'cash', waiveInterest: true, dueDate: AS_OF },
  { kind: 'installments', downPaymentCents: 0, downPaymentDate: AS_OF, installmentCount: 6, interval: { unit: 'months' }, monthlyRateBp: 100, firstDueDate: '2026-12-25' },
  { kind: 'installments', downPaymentCents: 0, downPaymentDate: AS_OF, installmentCount: 12, interval: { unit: 'days', days: 15 }, monthlyRateBp: 150, firstDueDate: '2026-12-10' },
];

export const negotiationBench: BenchSuite = {
  name: 'negociacao',
  async run(ctx) {
    const dbPath = ctx.copyOfBigDb();
    const backend = createBackend({ dbPath, clock: { now: () => NOW }, log: () => {} });
    const raw = new Database(dbPath, { readonly: true });
    try {
      const busiest = raw.prepare('SELECT customer_id FROM invoices GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1').pluck().get() as number;
      const titles = raw.prepare('SELECT COUNT(*) FROM invoices WHERE customer_id = ?').pluck().get(busiest) as number;
      const rawTimeline = raw.prepare(
        `SELECT * FROM (
           SELECT issue_date AS at, document_number FROM invoices WHERE customer_id = @c
           UNION ALL SELECT p.paid_on, i.document_number FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.customer_id = @c
           UNION ALL SELECT at, action FROM activity_log WHERE customer_id = @c)
         ORDER BY at DESC LIMIT 100`,
      );
      ctx.report({
        name: `linha do tempo, 100 eventos do cliente com mais títulos (${titles.toLocaleString('pt-BR')})`,
        adimpleMs: await medianMs(20, () => call(backend, 'timeline.list', { customerId: busiest, limit: 100 })),
        baselineMs: await medianMs(20, () => rawTimeline.all({ c: busiest })),
        baselineLabel: 'SQL da união',
      });

      const open = raw.prepare(`SELECT id FROM invoices WHERE customer_id = ? AND status IN ('open', 'partial')`).pluck();
      const openIds = open.all(busiest) as number[];
      const rawOpen = raw.prepare(`SELECT id, due_date, amount_cents - paid_cents FROM invoices WHERE customer_id = ? AND status IN ('open', 'partial', 'disputed')`);
      ctx.report({
        name: `simular 3 ofertas, ${openIds.length} títulos em aberto`,
        adimpleMs: await medianMs(20, () => call(backend, 'negotiation.simulate', { customerId: busiest, invoiceIds: openIds, asOf: AS_OF, offers: OFFERS })),
        baselineMs: await medianMs(20, () => rawOpen.all(busiest)),
        baselineLabel: 'SQL dos títulos',
      });

      // Agreements for 31 customers with 10–100 open títulos (each a fresh set of originals; the first call warms up).
      const candidates = raw
        .prepare(`SELECT customer_id FROM invoices WHERE status IN ('open', 'partial') GROUP BY customer_id HAVING COUNT(*) BETWEEN 10 AND 100 ORDER BY customer_id LIMIT 31`)
        .pluck()
        .all() as number[];
      // A logged-in supervisor works under the supervisor limits, so the timing has no password check in it.
      const supervisor = { login: 'bench-supervisor', password: 'senha-do-bench' };
      await call(backend, 'users.create', { name: 'Supervisor do bench', role: 'supervisor', ...supervisor });
      await call(backend, 'users.login', supervisor);
      let i = 0;
      const createMs = await medianMs(candidates.length - 1, () => {
        const customerId = candidates[i++]!;
        return call(backend, 'agreements.create', {
          customerId,
          invoiceIds: open.all(customerId) as number[],
          asOf: AS_OF,
          offer: OFFERS[1],
        });
      });
      ctx.report({ name: 'criar acordo em 6 parcelas (uma transação)', adimpleMs: createMs, note: 'mediana de 30 clientes' });
    } finally {
      raw.close();
      backend.close();
    }
  },
};

// The portfolio screen at scale: each call goes through the real backend (router, zod, repos, mapping) and is
// compared with the raw SQL that answers the same question on the same file, through a second connection.
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/backend/create-backend';
import type { Backend } from '../../electron/backend/backend.types';
import { medianMs, onceMs, type BenchSuite } from './bench-kit';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const AS_OF = '2026-11-25';

const RAW_BALANCES = `
  SELECT customer_id, SUM(amount_cents - paid_cents) AS open_cents,
         SUM(CASE WHEN due_date < @asOf THEN amount_cents - paid_cents ELSE 0 END) AS overdue_cents,
         MIN(CASE WHEN due_date < @asOf THEN due_date END) AS oldest_due
  FROM invoices WHERE status IN ('open', 'partial', 'disputed') GROUP BY customer_id`;

async function call(backend: Backend, method: string, params: unknown): Promise<unknown> {
  const env = await backend.dispatch(method, params);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.data;
}

export const portfolioBench: BenchSuite = {
  name: 'carteira',
  async run(ctx) {
    const dbPath = ctx.copyOfBigDb();
    let backend!: Backend;
    const coldMs = await onceMs(async () => {
      backend = createBackend({ dbPath, clock: { now: () => NOW }, log: () => {} });
      await call(backend, 'customers.list', {});
    });
    const raw = new Database(dbPath, { readonly: true });
    try {
      ctx.report({ name: 'abrir o banco + primeira página', adimpleMs: coldMs, note: 'migrações verificadas, 1ª consulta' });

      const overduePage = (filter: string) =>
        raw.prepare(`
          WITH b AS (${RAW_BALANCES})
          SELECT c.id, c.legal_name, c.city, c.uf, b.open_cents, b.overdue_cents, COUNT(*) OVER () AS n, SUM(b.open_cents) OVER () AS t
          FROM customers c LEFT JOIN b ON b.customer_id = c.id ${filter}
          ORDER BY b.overdue_cents DESC, c.id DESC LIMIT 50`);
      const segment = raw.prepare('SELECT segment FROM customers GROUP BY segment ORDER BY COUNT(*) DESC LIMIT 1').pluck().get() as string;
      const bySegment = overduePage('WHERE c.segment = @segment');
      ctx.report({
        name: `página de 50, segmento ${segment}, maiores vencidos + totais`,
        adimpleMs: await medianMs(15, () => call(backend, 'customers.list', { segment, limit: 50 })),
        baselineMs: await medianMs(15, () => bySegment.all({ asOf: AS_OF, segment })),
      });
      const all = overduePage('');
      ctx.report({
        name: 'página de 50, toda a carteira, maiores vencidos + totais',
        adimpleMs: await medianMs(15, () => call(backend, 'customers.list', { limit: 50 })),
        baselineMs: await medianMs(15, () => all.all({ asOf: AS_OF })),
      });
      const totals = raw.prepare(`WITH b AS (${RAW_BALANCES}) SELECT COUNT(*), SUM(open_cents), SUM(overdue_cents) FROM customers c LEFT JOIN b ON b.customer_id = c.id`);
      ctx.report({
        name: 'totais da carteira (clientes, em aberto, vencido)',
        adimpleMs: await medianMs(15, () => call(backend, 'customers.list', { limit: 1 })),
        baselineMs: await medianMs(15, () => totals.all({ asOf: AS_OF })),
      });
      // A write invalidates the cached balances: the next page pays the whole derivation again.
      const invoiceId = raw.prepare("SELECT id FROM invoices WHERE status = 'open' LIMIT 1").pluck().get() as number;
      let cents = 1;
      ctx.report({
        name: 'página de 50 logo após um pagamento (recalcula saldos)',
        adimpleMs: await medianMs(7, async () => {
          await call(backend, 'payments.register', { invoiceId, amountCents: cents++, paidOn: AS_OF, method: 'pix' });
          await call(backend, 'customers.list', { segment, limit: 50 });
        }),
        baselineMs: await medianMs(7, () => bySegment.all({ asOf: AS_OF, segment })),
        note: 'inclui registrar o pagamento',
      });

      const byName = raw.prepare(`
        WITH b AS (${RAW_BALANCES})
        SELECT c.id, c.legal_name, b.open_cents, COUNT(*) OVER () AS n
        FROM customers c LEFT JOIN b ON b.customer_id = c.id
        WHERE c.uf = 'SP' ORDER BY c.sort_name, c.id LIMIT 100 OFFSET 5000`);
      ctx.report({
        name: 'UF=SP por nome, página 51',
        adimpleMs: await medianMs(7, () =>
          call(backend, 'customers.list', { uf: 'SP', sort: { field: 'legalName', dir: 'asc' }, offset: 5000, limit: 100 }),
        ),
        baselineMs: await medianMs(7, () => byName.all({ asOf: AS_OF })),
      });

      const search = raw.prepare(`
        WITH b AS (${RAW_BALANCES})
        SELECT c.id, c.legal_name, b.open_cents FROM customers c LEFT JOIN b ON b.customer_id = c.id
        WHERE c.search_text LIKE '%silva%' ORDER BY b.overdue_cents DESC LIMIT 100`);
      ctx.report({
        name: 'busca "silva"',
        adimpleMs: await medianMs(7, () => call(backend, 'customers.list', { search: 'Silva', limit: 100 })),
        baselineMs: await medianMs(7, () => search.all({ asOf: AS_OF })),
      });

      const customerId = (raw.prepare('SELECT customer_id FROM invoices GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1').pluck().get() as number);
      const oneCustomer = raw.prepare(`SELECT * FROM invoices WHERE customer_id = ? AND status IN ('open','partial','disputed') ORDER BY due_date LIMIT 100`);
      ctx.report({
        name: 'ficha do cliente (dados + títulos em aberto)',
        adimpleMs: await medianMs(15, async () => {
          await call(backend, 'customers.get', { id: customerId });
          await call(backend, 'invoices.list', { customerId });
        }),
        baselineMs: await medianMs(15, () => oneCustomer.all(customerId)),
      });

      const overdueAll = raw.prepare(`
        WITH b AS (${RAW_BALANCES})
        SELECT c.*, b.* FROM customers c JOIN b ON b.customer_id = c.id WHERE b.overdue_cents > 0 ORDER BY b.overdue_cents DESC`);
      ctx.report({
        name: 'exportar CSV dos inadimplentes',
        adimpleMs: await medianMs(3, () => call(backend, 'customers.exportCsv', { onlyOverdue: true })),
        baselineMs: await medianMs(3, () => overdueAll.all({ asOf: AS_OF })),
        baselineLabel: 'SQL puro sem gerar CSV',
      });
    } finally {
      raw.close();
      backend.close();
    }
  },
};

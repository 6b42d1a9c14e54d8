// Reports at the scale: the aging PDF of ~5,000 customers with open balances (a 10k-customer demo; target
// ≤ 5 s) and its CSV, through the real backend (router, zod, SQL, pdfmake), beside the raw SQL that reads the
// same lines; plus the statement of the customer with the most open títulos.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Backend } from '../../electron/backend/backend.types';
import { createBackend } from '../../electron/backend/create-backend';
import { agingLines } from '../../electron/backend/reports/aging.report';
import { medianMs, onceMs, type BenchSuite } from './bench-kit';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const AS_OF = '2026-11-25';
const CUSTOMERS = 10_000;
const TITLES = 200_000;

async function call(backend: Backend, method: string, params: unknown): Promise<unknown> {
  const env = await backend.dispatch(method, params);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.data;
}

export const reportsBench: BenchSuite = {
  name: 'relatorios',
  async run(ctx) {
    const dbPath = join(ctx.workDir, 'relatorios.db');
    const backend = createBackend({ dbPath, clock: { now: () => NOW }, log: () => {} });
    const raw = new Database(dbPath, { readonly: true });
    try {
      await call(backend, 'demo.load', { customers: CUSTOMERS, invoices: TITLES, seed: 7 });
      await call(backend, 'settings.updateCompany', {
        legalName: 'Distribuidora Exemplo Ltda', cnpj: '11.222.333/0001-81', address: { city: 'Campinas', uf: 'SP' }, pixKey: 'cobranca@exemplo.com.br', defaultFineBp: 200, defaultMonthlyInterestBp: 100,
      });
      const noFilter = { segment: null, uf: null, salesRep: null };
      const lines = agingLines(raw, AS_OF, noFilter);
      const customers = new Set(lines.map((l) => l.customerId)).size;
      const sqlMs = await medianMs(3, () => agingLines(raw, AS_OF, noFilter));
      let pages = 0;
      const pdfMs = await medianMs(3, async () => {
        const file = (await call(backend, 'reports.aging', { format: 'pdf' })) as { content: string };
        pages = (Buffer.from(file.content, 'base64').toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
      });
      ctx.report({
        name: `aging em PDF, ${customers.toLocaleString('pt-BR')} clientes (${lines.length.toLocaleString('pt-BR')} linhas, ${pages} páginas)`,
        adimpleMs: pdfMs,
        baselineMs: sqlMs,
        baselineLabel: 'SQL das linhas',
        note: 'meta ≤ 5 s',
      });
      ctx.report({
        name: 'aging em CSV, mesmos clientes',
        adimpleMs: await medianMs(3, () => call(backend, 'reports.aging', { format: 'csv' })),
        baselineMs: sqlMs,
        baselineLabel: 'SQL das linhas',
      });
      const busiest = raw
        .prepare(`SELECT customer_id FROM invoices WHERE status IN ('open', 'partial') GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1`)
        .pluck()
        .get() as number;
      const openTitles = raw.prepare(`SELECT COUNT(*) FROM invoices WHERE customer_id = ? AND status IN ('open', 'partial')`).pluck().get(busiest) as number;
      ctx.report({
        name: `extrato de débitos do cliente com mais títulos (${openTitles} em aberto)`,
        adimpleMs: await onceMs(() => call(backend, 'reports.statement', { customerId: busiest })),
        note: 'inclui Pix + QR code',
      });
    } finally {
      raw.close();
      backend.close();
    }
  },
};

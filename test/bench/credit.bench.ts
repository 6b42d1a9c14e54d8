// Credit scoring at scale: recomputing every customer's score through the real backend (feature query,
// branch grouping, pure scoring, storing 50k rows in one transaction) against the bare feature query in SQL.
import Database from 'better-sqlite3';
import type { Backend } from '../../electron/backend/backend.types';
import { createBackend } from '../../electron/backend/create-backend';
import { HISTORY_TODAY_SQL } from '../../electron/backend/db/repos/credit.repo';
import { DEFAULT_RISK_WEIGHTS } from '../../shared/domain/risk';
import { medianMs, onceMs, type BenchSuite } from './bench-kit';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const AS_OF = '2026-11-25';

async function call(backend: Backend, method: string, params: unknown): Promise<unknown> {
  const env = await backend.dispatch(method, params);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.data;
}

export const creditBench: BenchSuite = {
  name: 'credito',
  async run(ctx) {
    const dbPath = ctx.copyOfBigDb();
    const backend = createBackend({ dbPath, clock: { now: () => NOW }, log: () => {} });
    const raw = new Database(dbPath, { readonly: true });
    try {
      const features = raw.prepare(HISTORY_TODAY_SQL);
      ctx.report({
        name: 'recalcular scores de todos os clientes',
        adimpleMs: await medianMs(2, () => call(backend, 'credit.recompute', {})),
        baselineMs: await medianMs(2, () => features.all({ asOf: AS_OF, recentFrom: '2026-05-25' })),
        baselineLabel: 'consulta de atributos em SQL puro',
      });
      const strict = { ...DEFAULT_RISK_WEIGHTS, classFloors: { A: 900, B: 750, C: 600, D: 450 } };
      ctx.report({
        name: 'prévia da distribuição com pesos em rascunho',
        adimpleMs: await medianMs(3, () => call(backend, 'credit.previewWeights', { weights: strict })),
        baselineMs: await medianMs(3, () => raw.prepare('SELECT customer_id, features FROM credit_scores').all()),
        baselineLabel: 'ler os atributos guardados',
      });
      ctx.report({ name: 'back-test (6 meses, 90+ dias)', adimpleMs: await onceMs(() => call(backend, 'credit.backtest', {})) });
      ctx.report({ name: 'cartão de risco de um cliente', adimpleMs: await medianMs(7, () => call(backend, 'credit.scoreCustomer', { customerId: 123 })) });
    } finally {
      raw.close();
      backend.close();
    }
  },
};

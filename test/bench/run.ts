// `npm run bench [-- --suite <name>] [-- --customers 50000 --titles 1000000]`: generates the demo portfolio
// at scale once, runs every suite against it and prints each figure beside its baseline.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../electron/backend/db/connection';
import { loadDemoData } from '../../electron/backend/demo/load-demo';
import { bankReturnsBench } from './bank-returns.bench';
import type { BenchContext, BenchRow, BenchSuite } from './bench-kit';
import { dashboardBench } from './dashboard.bench';
import { creditBench } from './credit.bench';
import { importsBench } from './imports.bench';
import { negotiationBench } from './negotiation.bench';
import { dunningBench } from './dunning.bench';
import { portfolioBench } from './portfolio.bench';
import { reportsBench } from './reports.bench';
import { securityBench } from './security.bench';

const SUITES: readonly BenchSuite[] = [portfolioBench, dashboardBench, creditBench, bankReturnsBench, dunningBench, importsBench, reportsBench, negotiationBench, securityBench];

export const BENCH_AS_OF = '2026-11-25';

const { values } = parseArgs({
  options: {
    suite: { type: 'string', multiple: true },
    customers: { type: 'string', default: '50000' },
    titles: { type: 'string', default: '1000000' },
  },
});
const customers = Number(values.customers);
const invoices = Number(values.titles);
const wanted = values.suite ?? [];
const suites = wanted.length === 0 ? SUITES : SUITES.filter((s) => wanted.includes(s.name));
if (suites.length === 0) {
  console.error(`Nenhuma suíte com esse nome. Suítes: ${SUITES.map((s) => s.name).join(', ')}`);
  process.exit(1);
}

const workDir = mkdtempSync(join(tmpdir(), 'adimple-bench-'));
let bigDb: string | null = null;
let copies = 0;
const rows: (BenchRow & { suite: string })[] = [];

function bigDbPath(): string {
  if (bigDb) return bigDb;
  const path = join(workDir, 'big.sqlite');
  const started = performance.now();
  const { db } = openDatabase(path);
  const counts = loadDemoData(db, { customers, invoices, seed: 42, asOf: BENCH_AS_OF, actor: 'bench' });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const ms = performance.now() - started;
  console.log(`Base gerada: ${counts.customers} clientes, ${counts.invoices} títulos, ${counts.payments} pagamentos em ${(ms / 1000).toFixed(1)} s`);
  rows.push({ suite: 'setup', name: `gerar demo ${counts.customers} clientes / ${counts.invoices} títulos`, adimpleMs: ms });
  bigDb = path;
  return path;
}

function fmt(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

try {
  for (const suite of suites) {
    const ctx: BenchContext = {
      workDir,
      bigDbPath,
      copyOfBigDb: () => {
        const copy = join(workDir, `copy-${++copies}.sqlite`);
        copyFileSync(bigDbPath(), copy);
        return copy;
      },
      report: (row) => {
        rows.push({ ...row, suite: suite.name });
        const ratio = row.baselineMs ? ` (${(row.adimpleMs / row.baselineMs).toFixed(2)}x ${row.baselineLabel ?? 'SQL puro'})` : '';
        console.log(`  ${suite.name} · ${row.name}: ${fmt(row.adimpleMs)}${ratio}`);
      },
    };
    console.log(`▶ ${suite.name}`);
    await suite.run(ctx);
  }
  console.log('\nResumo');
  console.table(
    rows.map((r) => ({
      suíte: r.suite,
      medida: r.name,
      Adimple: fmt(r.adimpleMs),
      base: r.baselineMs === undefined ? '' : `${fmt(r.baselineMs)} (${r.baselineLabel ?? 'SQL puro'})`,
      razão: r.baselineMs ? `${(r.adimpleMs / r.baselineMs).toFixed(2)}x` : '',
      nota: r.note ?? '',
    })),
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

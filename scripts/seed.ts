// Fills a new database with the demo portfolio.
//   npm run seed -- --customers 50000 --titles 1000000 --seed 42 --as-of 2026-11-30 --db ./.data/x.sqlite [--force]
import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate, todayInSaoPaulo } from '../shared/domain/dates';
import { openDatabase } from '../electron/backend/db/connection';
import { loadDemoData } from '../electron/backend/demo/load-demo';

const USAGE = `Uso: npm run seed -- [--customers 2000] [--titles 40000] [--seed 42] [--as-of AAAA-MM-DD] [--db ./.data/adimple-demo.sqlite] [--force]`;

function fail(message: string): never {
  console.error(`Erro: ${message}\n${USAGE}`);
  process.exit(1);
}

function intArg(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/[_.]/g, ''));
  if (!Number.isSafeInteger(n) || n < min) fail(`--${name} deve ser um inteiro ≥ ${min} (recebido: "${raw}")`);
  return n;
}

const OPTIONS = {
  customers: { type: 'string' },
  titles: { type: 'string' },
  invoices: { type: 'string' },
  seed: { type: 'string' },
  'as-of': { type: 'string' },
  db: { type: 'string' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parse() {
  try {
    return parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (err) {
    return fail((err as Error).message);
  }
}

function main(): void {
  const values = parse();
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const customers = intArg('customers', values.customers, 2000, 1);
  const invoices = intArg('titles', values.titles ?? values.invoices, 40000, 0);
  const seed = intArg('seed', values.seed, 42, -(2 ** 53 - 1));
  const asOf = values['as-of'] ?? todayInSaoPaulo(new Date());
  if (!isIsoDate(asOf)) fail(`--as-of deve ser uma data AAAA-MM-DD (recebido: "${asOf}")`);
  const dbPath = resolve(values.db ?? './.data/adimple-demo.sqlite');

  if (existsSync(dbPath) && statSync(dbPath).size > 0) {
    if (!values.force) fail(`${dbPath} já existe e não está vazio. Use --force para apagá-lo e gerar de novo.`);
  }
  if (values.force) for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

  const started = performance.now();
  console.log(`Gerando ${customers} clientes e ${invoices} títulos (semente ${seed}, data-base ${asOf}) em ${dbPath} …`);
  const { db } = openDatabase(dbPath);
  try {
    const counts = loadDemoData(db, { customers, invoices, seed, asOf, actor: 'seed' });
    db.pragma('wal_checkpoint(TRUNCATE)');
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Pronto: ${counts.customers} clientes, ${counts.contacts} contatos, ${counts.invoices} títulos, ${counts.payments} pagamentos em ${seconds.toFixed(1)} s.`,
    );
  } finally {
    db.close();
  }
}

main();

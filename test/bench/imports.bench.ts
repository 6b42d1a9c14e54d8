// ERP import at scale: a generated 1M-row títulos CSV (~50k customers, pt-BR amounts and dates, masked
// CNPJs) imported by Adimple (worker thread, validation, customers upserted, títulos keyed, import payments
// for the paid part, one transaction) into a fresh database, against the sqlite3 command-line `.import` of
// the same file: into a bare staging table (no validation, no keys: the floor), and into the same schema
// (a fresh, migrated Adimple database: staging, then customers, títulos and the paid part moved in by SQL
// with every index, key and trigger of the schema: the issue's comparison).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../electron/backend/db/connection';
import { createRng } from '../../electron/backend/demo/rng';
import { startImport } from '../../electron/backend/imports/import-runner';
import { formatDocument, generateCnpj } from '../../shared/domain/documents';
import type { ColumnMapping } from '../../shared/ipc/imports.contract';
import { onceMs, type BenchSuite } from './bench-kit';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 1_000_000);
const CUSTOMERS = Math.max(1, Math.round(ROWS / 20));
const HEADER = ['ID externo', 'Razão Social', 'CNPJ/CPF', 'Nº NF', 'Emissão', 'Vencimento', 'Valor', 'Saldo', 'Vendedor', 'UF', 'Cidade'];
const MAPPING: ColumnMapping = {
  externalId: 'ID externo',
  legalName: 'Razão Social',
  document: 'CNPJ/CPF',
  documentNumber: 'Nº NF',
  issueDate: 'Emissão',
  dueDate: 'Vencimento',
  amount: 'Valor',
  balance: 'Saldo',
  salesRep: 'Vendedor',
  uf: 'UF',
  city: 'Cidade',
};
const CITIES: [string, string][] = [['São Paulo', 'SP'], ['Campinas', 'SP'], ['Belo Horizonte', 'MG'], ['Niterói', 'RJ'], ['Curitiba', 'PR'], ['Salvador', 'BA'], ['Goiânia', 'GO'], ['Recife', 'PE']];
const REPS = ['Ana Souza', 'Bruno Lima', 'Carla Dias', 'Diego Ramos', 'Érica Nunes'];

const brAmount = (cents: number) => {
  const reais = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${reais},${String(cents % 100).padStart(2, '0')}`;
};
const brDate = (day: number) => {
  const d = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

/** Writes the CSV in 4 MiB blocks; a quarter of the títulos are partly or fully paid (saldo < valor). */
function writeTitlesCsv(path: string): void {
  const rng = createRng(7);
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => {
    const [city, uf] = CITIES[i % CITIES.length]!;
    return { name: `Cliente Atacado ${i + 1} Ltda`, cnpj: formatDocument(generateCnpj(() => rng.next())), city, uf, rep: REPS[i % REPS.length]! };
  });
  const fd = openSync(path, 'w');
  let block = `${HEADER.join(';')}\n`;
  for (let i = 0; i < ROWS; i++) {
    const c = customers[i % CUSTOMERS]!;
    const issue = Math.floor(rng.next() * 600);
    const amount = 5_000 + Math.floor(rng.next() * 2_000_000);
    const paidShare = rng.next();
    const balance = paidShare < 0.75 ? amount : paidShare < 0.9 ? Math.floor(amount / 2) : 0;
    block += `ERP-${i + 1};${c.name};${c.cnpj};NF-${i + 1};${brDate(issue)};${brDate(issue + 30)};${brAmount(amount)};${brAmount(balance)};${c.rep};${c.uf};${c.city}\n`;
    if (block.length > 4 << 20) {
      writeSync(fd, block);
      block = '';
    }
  }
  writeSync(fd, block);
  closeSync(fd);
}

/** pt-BR "1.234,56" → centavos, in SQL (the baseline trusts the file: no validation). */
const sqlCents = (col: string) => `CAST(replace(replace(${col}, '.', ''), ',', '') AS INTEGER)`;
/** dd/mm/aaaa → ISO, in SQL. */
const sqlDate = (col: string) => `substr(${col}, 7, 4) || '-' || substr(${col}, 4, 2) || '-' || substr(${col}, 1, 2)`;

/**
 * The sqlite3 command-line import of the file into Adimple's own schema, as a hand-written SQL load would do
 * it: one transaction; customers by document, títulos keyed to them, the ERP's paid part as payments.
 */
function sameSchemaScript(csv: string): string {
  const at = "'2026-11-25T15:00:00.000Z'";
  return `BEGIN;
CREATE TEMP TABLE staging (${HEADER.map((_, i) => `c${i} TEXT`).join(', ')});
.mode csv
.separator ";"
.import --skip 1 ${csv} staging
INSERT INTO customers (legal_name, document, kind, sales_rep, city, uf, search_text, sort_name, sort_city, created_at, updated_at)
  SELECT c1, replace(replace(replace(c2, '.', ''), '/', ''), '-', ''), 'PJ', c8, c10, c9, lower(c1), lower(c1), lower(c10), ${at}, ${at}
  FROM staging GROUP BY c2;
INSERT INTO invoices (customer_id, external_id, document_number, issue_date, due_date, amount_cents, paid_cents, payment_method, status, created_at, updated_at)
  SELECT cu.id, s.c0, s.c3, ${sqlDate('s.c4')}, ${sqlDate('s.c5')}, ${sqlCents('s.c6')}, ${sqlCents('s.c6')} - ${sqlCents('s.c7')}, 'boleto',
         CASE WHEN ${sqlCents('s.c7')} = 0 THEN 'paid' WHEN ${sqlCents('s.c7')} < ${sqlCents('s.c6')} THEN 'partial' ELSE 'open' END, ${at}, ${at}
  FROM staging s JOIN customers cu ON cu.document = replace(replace(replace(s.c2, '.', ''), '/', ''), '-', '');
INSERT INTO payments (invoice_id, paid_on, amount_cents, method, source, reference, created_at, created_by)
  SELECT id, '2026-11-25', paid_cents, 'boleto', 'import', 'ERP bench', ${at}, 'bench' FROM invoices WHERE paid_cents > 0;
COMMIT;
SELECT (SELECT COUNT(*) FROM invoices) || ' títulos, ' || (SELECT COUNT(*) FROM customers) || ' clientes, ' || (SELECT COUNT(*) FROM payments) || ' pagamentos';
`;
}

export const importsBench: BenchSuite = {
  name: 'imports',
  async run(ctx) {
    const csv = join(ctx.workDir, 'erp-titulos.csv');
    writeTitlesCsv(csv);

    const dbPath = join(ctx.workDir, 'import.sqlite');
    openDatabase(dbPath).db.close();
    let summary = '';
    const adimpleMs = await onceMs(async () => {
      const job = startImport(
        {
          dbPath,
          filePath: csv,
          mapping: MAPPING,
          job: { source: 'bench', fileName: 'erp-titulos.csv', mode: 'valid_rows', mapping: MAPPING, actor: 'bench', nowIso: '2026-11-25T15:00:00.000Z', asOf: '2026-11-25' },
        },
        () => {},
        (msg) => console.error(msg),
      );
      const r = await job.result;
      summary = `${r.titles.new} títulos, ${r.customers.new} clientes, ${r.paymentsCreated} pagamentos, ${r.rejectedRows} recusadas`;
    });

    const stagingPath = join(ctx.workDir, 'staging.sqlite');
    const columns = HEADER.map((_, i) => `c${i} TEXT`).join(', ');
    const script = `CREATE TABLE staging (${columns});\n.mode csv\n.separator ";"\n.import --skip 1 ${csv} staging\nSELECT COUNT(*) FROM staging;\n`;
    let imported = '';
    const baselineMs = await onceMs(() => {
      const out = spawnSync('sqlite3', [stagingPath], { input: script, encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`sqlite3 falhou: ${out.stderr || out.error?.message}`);
      imported = out.stdout.trim();
    });

    ctx.report({
      name: `importar CSV de ${ROWS.toLocaleString('pt-BR')} títulos (validação incluída)`,
      adimpleMs,
      baselineMs,
      baselineLabel: 'sqlite3 .import numa tabela crua',
      note: `${summary}; sqlite3 carregou ${imported} linhas sem validar`,
    });

    const schemaPath = join(ctx.workDir, 'same-schema.sqlite');
    openDatabase(schemaPath).db.close();
    let loaded = '';
    const sameSchemaMs = await onceMs(() => {
      const out = spawnSync('sqlite3', [schemaPath], { input: sameSchemaScript(csv), encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`sqlite3 falhou: ${out.stderr || out.error?.message}`);
      loaded = out.stdout.trim();
    });
    ctx.report({
      name: `importar CSV de ${ROWS.toLocaleString('pt-BR')} títulos (validação incluída)`,
      adimpleMs,
      baselineMs: sameSchemaMs,
      baselineLabel: 'sqlite3 .import no mesmo esquema',
      note: `Adimple: ${summary}; sqlite3: ${loaded}, sem validar documentos nem datas`,
    });
  },
};

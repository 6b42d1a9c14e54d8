import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ColumnMapping, ImportResult } from '../../shared/ipc/imports.contract';
import { CNPJS, expectError, makeTempDir, maskCnpj, openTestBackend, removeAllTempDirs, type TestBackend } from '../helpers/backend';

afterEach(removeAllTempDirs);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAPPING: ColumnMapping = {
  externalId: 'ID',
  legalName: 'Cliente',
  document: 'CNPJ',
  documentNumber: 'Documento',
  dueDate: 'Vencimento',
  amount: 'Valor',
  balance: 'Saldo',
};
const HEADER = 'ID,Cliente,CNPJ,Documento,Vencimento,Valor,Saldo';
let jobSeq = 0;

function register(tb: TestBackend, name: string, content: string | Buffer): string {
  const path = join(tb.dir, name);
  writeFileSync(path, content);
  return tb.backend.files.registerPath(path).token;
}

function utf8Csv(rows: string[]): string {
  return `\uFEFF${[HEADER, ...rows].join('\n')}\n`;
}

const run = (tb: TestBackend, fileToken: string, mode: 'valid_rows' | 'all_or_nothing' = 'valid_rows'): Promise<ImportResult> =>
  tb.call('imports.run', { jobId: `job-life-${++jobSeq}`, fileToken, source: 'Sênior', mapping: MAPPING, mode });

/** Every row of every table, in order: equal hashes mean an identical database. */
function databaseHash(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const hash = createHash('sha256');
    // The schema too: a first import drops and rebuilds indexes inside its transaction.
    hash.update(JSON.stringify(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').raw().all()));
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    for (const t of tables) {
      const rows = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
      hash.update(`${t}:${rows.join('\n')}`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

function bigCsv(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) lines.push(`BIG-${i},Cliente ${i % 40},${CNPJS[i % 40]},${i},01/12/2026,"1.000,00","1.000,00"`);
  return `${lines.join('\n')}\n`;
}

describe('ERP import: a newer export', () => {
  it('updates what changed, pays only what Adimple does not know and flags títulos that disappeared', async () => {
    const tb = openTestBackend();
    try {
      const [a, b] = [CNPJS[5]!, CNPJS[6]!];
      const first = register(tb, 'd1.csv', utf8Csv([
        `T1,Alfa,${maskCnpj(a)},NF-1,2026-12-01,"1.000,00","1.000,00"`,
        `T2,Alfa,${maskCnpj(a)},NF-2,2026-12-10,"500,00","500,00"`,
        `T3,Beta,${b},NF-3,2026-12-20,"300,00","300,00"`,
      ]));
      expect(await tb.call('imports.preview', { fileToken: first })).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
      expect(await run(tb, first)).toMatchObject({ titles: { new: 3 }, customers: { new: 2 } });

      // The clerk registers R$ 100 on T2 by hand; then the ERP learns of R$ 250 paid on T2 in total.
      const t2 = tb.raw().prepare(`SELECT id FROM invoices WHERE external_id = 'T2'`).pluck().get() as number;
      await tb.call('payments.register', { invoiceId: t2, amountCents: 10_000, paidOn: '2026-11-25', method: 'pix' });

      const second = register(tb, 'd2.csv', utf8Csv([
        `T1,Alfa Comércio,${a},NF-1,2026-12-15,"1.000,00","1.000,00"`,
        `T2,Alfa Comércio,${a},NF-2,2026-12-10,"500,00","250,00"`,
      ]));
      const r = await run(tb, second);
      expect(r).toMatchObject({
        committed: true,
        customers: { new: 0, updated: 1, unchanged: 0 },
        titles: { new: 0, updated: 2, unchanged: 0 },
        paymentsCreated: 1,
        paymentsCents: 15_000,
        disappearedCount: 1,
      });
      expect(r.disappeared).toEqual([
        expect.objectContaining({ externalId: 'T3', documentNumber: 'NF-3', customerName: 'Beta', openCents: 30_000, dueDate: '2026-12-20' }),
      ]);
      const db = tb.raw();
      expect(db.prepare(`SELECT due_date FROM invoices WHERE external_id = 'T1'`).pluck().get()).toBe('2026-12-15');
      expect(db.prepare(`SELECT paid_cents, status FROM invoices WHERE id = ?`).get(t2)).toEqual({ paid_cents: 25_000, status: 'partial' });
      expect(db.prepare(`SELECT source, amount_cents FROM payments WHERE invoice_id = ? ORDER BY id`).all(t2)).toEqual([
        { source: 'manual', amount_cents: 10_000 },
        { source: 'import', amount_cents: 15_000 },
      ]);
      // Flagged, not deleted.
      expect(db.prepare(`SELECT i.status, e.missing_since_run_id FROM invoices i JOIN erp_titles e ON e.invoice_id = i.id WHERE i.external_id = 'T3'`).get()).toEqual({
        status: 'open',
        missing_since_run_id: r.runId,
      });

      // The same newer export again: nothing changes, nothing is reported missing twice.
      const again = await run(tb, second);
      expect(again).toMatchObject({ customers: { unchanged: 1 }, titles: { new: 0, updated: 0, unchanged: 2 }, paymentsCreated: 0, disappearedCount: 0 });
      expect(db.prepare('SELECT COUNT(*) FROM payments').pluck().get()).toBe(2);
      const history = await tb.call('imports.history', {});
      expect(history.map((h) => h.fileName)).toEqual(['d2.csv', 'd2.csv', 'd1.csv']);
    } finally {
      tb.close();
    }
  });

  it('refuses to lower a título below what was already paid', async () => {
    const tb = openTestBackend();
    try {
      const a = CNPJS[7]!;
      await run(tb, register(tb, 'p1.csv', utf8Csv([`P1,Gama,${a},NF-9,2026-12-01,"100,00","40,00"`])));
      const r = await run(tb, register(tb, 'p2.csv', utf8Csv([`P1,Gama,${a},NF-9,2026-12-01,"50,00","50,00"`])));
      expect(r.errors).toEqual([{ line: 2, column: 'Valor', message: 'Valor menor que o já pago no Adimple (R$\u00a060,00)' }]);
      expect(r).toMatchObject({ rejectedRows: 1, disappearedCount: 0 });
    } finally {
      tb.close();
    }
  });
});

describe('ERP import: XLSX', () => {
  it('reads the first sheet with number, date and text cells', async () => {
    const tb = openTestBackend();
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Títulos');
      ws.addRow(['ID', 'Cliente', 'CNPJ', 'Documento', 'Vencimento', 'Valor', 'Saldo']);
      ws.addRow(['X1', 'Distribuidora Ômega', Number(CNPJS[8]), 'NF 77', new Date(Date.UTC(2026, 11, 5)), 1234.56, 1234.56]);
      ws.addRow(['X2', 'Distribuidora Ômega', Number(CNPJS[8]), 'NF 78', '05/01/2027', 10, 0]);
      const path = join(tb.dir, 'erp.xlsx');
      await wb.xlsx.writeFile(path);
      const token = tb.backend.files.registerPath(path).token;
      const p = await tb.call('imports.preview', { fileToken: token });
      expect(p).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null });
      expect(p.rows[0]).toEqual(['X1', 'Distribuidora Ômega', String(Number(CNPJS[8])), 'NF 77', '2026-12-05', '1234.56', '1234.56']);
      const r = await run(tb, token);
      expect(r).toMatchObject({ errorCount: 0, titles: { new: 2 }, paymentsCents: 1_000 });
      expect(tb.raw().prepare(`SELECT amount_cents, due_date FROM invoices WHERE external_id = 'X1'`).get()).toEqual({ amount_cents: 123_456, due_date: '2026-12-05' });
    } finally {
      tb.close();
    }
  });
});

describe('ERP import: XLSX amounts', () => {
  it('a number cell with three decimals is refused, never read as thousands (1.234 is not R$ 1.234,00)', async () => {
    const tb = openTestBackend();
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Títulos');
      ws.addRow(['ID', 'Cliente', 'CNPJ', 'Documento', 'Vencimento', 'Valor', 'Saldo']);
      ws.addRow(['X1', 'Distribuidora Ômega', Number(CNPJS[8]), 'NF 77', new Date(Date.UTC(2026, 11, 5)), 1.234, 1.234]);
      ws.addRow(['X2', 'Distribuidora Ômega', Number(CNPJS[8]), 'NF 78', new Date(Date.UTC(2026, 11, 5)), 12.5, 12.5]);
      const path = join(tb.dir, 'erp.xlsx');
      await wb.xlsx.writeFile(path);
      const r = await run(tb, tb.backend.files.registerPath(path).token);
      expect(r).toMatchObject({ rejectedRows: 1, titles: { new: 1 } });
      expect(r.errors[0]).toMatchObject({ line: 2, column: 'Valor' });
      expect(tb.raw().prepare(`SELECT external_id, amount_cents FROM invoices`).all()).toEqual([{ external_id: 'X2', amount_cents: 1_250 }]);
    } finally {
      tb.close();
    }
  });
});

describe('ERP import: atomicity', () => {
  it('cancel rolls everything back', async () => {
    const tb = openTestBackend();
    try {
      const before = databaseHash(tb.dbPath);
      const token = register(tb, 'big.csv', bigCsv(60_000));
      const jobId = 'job-cancel-1';
      const started = new Promise<void>((done) => {
        const off = tb.backend.onEvent((name) => {
          if (name === 'import.progress') {
            off();
            done();
          }
        });
      });
      const result = tb.callRaw('imports.run', { jobId, fileToken: token, source: 'Sênior', mapping: MAPPING, mode: 'valid_rows' });
      await started;
      expect(await tb.call('imports.cancel', { jobId })).toEqual({ cancelled: true });
      expect(expectError(await result)).toMatchObject({ code: 'CONFLICT', message: 'Importação cancelada: nada foi gravado.' });
      expect(databaseHash(tb.dbPath)).toBe(before);
    } finally {
      tb.close();
    }
  });

  it('a process killed mid-import leaves the database exactly as before', async () => {
    const tb = openTestBackend({ dir: makeTempDir() });
    try {
      await run(tb, register(tb, 'seed.csv', utf8Csv([`S1,Delta,${CNPJS[9]},NF-1,2026-12-01,"10,00","5,00"`])));
      const bigPath = join(tb.dir, 'big.csv');
      writeFileSync(bigPath, bigCsv(200_000));
      tb.close();
      const before = databaseHash(tb.dbPath);

      const child = join(tb.dir, 'child.ts');
      writeFileSync(
        child,
        `import { createBackend } from ${JSON.stringify(join(ROOT, 'electron/backend/create-backend.ts'))};
const backend = createBackend({ dbPath: ${JSON.stringify(tb.dbPath)}, log: () => {} });
backend.onEvent((name) => { if (name === 'import.progress') process.stdout.write('PROGRESS\\n'); });
const { token } = backend.files.registerPath(${JSON.stringify(bigPath)});
void backend.dispatch('imports.run', { jobId: 'job-kill-1', fileToken: token, source: 'Sênior', mode: 'valid_rows', mapping: ${JSON.stringify(MAPPING)} });
`,
      );
      const proc = spawn(process.execPath, ['--import', 'tsx', child], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      const signal = await new Promise<NodeJS.Signals | null>((done) => {
        proc.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('PROGRESS')) proc.kill('SIGKILL');
        });
        proc.on('exit', (_code, sig) => done(sig));
      });
      expect(signal).toBe('SIGKILL');
      expect(databaseHash(tb.dbPath)).toBe(before);
      const db = new Database(tb.dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT COUNT(*) FROM invoices').pluck().get()).toBe(1);
      db.close();
    } finally {
      tb.close();
    }
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ColumnMapping, ImportResult } from '../../shared/ipc/imports.contract';
import { AS_OF, CNPJS, CPFS, expectError, maskCnpj, openTestBackend, removeAllTempDirs, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

afterEach(removeAllTempDirs);

const HEADER = 'Razão Social;CNPJ/CPF;Nº NF;Emissão;Vencimento;Valor;Saldo;Vendedor;UF;Cidade';
const MAPPING: ColumnMapping = {
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

let jobSeq = 0;

function writeLatin1(tb: TestBackend, name: string, lines: string[]): string {
  const path = join(tb.dir, name);
  writeFileSync(path, Buffer.from(lines.join('\r\n') + '\r\n', 'latin1'));
  return tb.backend.files.registerPath(path).token;
}

async function runImport(tb: TestBackend, fileToken: string, mode: 'dry_run' | 'valid_rows' | 'all_or_nothing', mapping: ColumnMapping = MAPPING): Promise<ImportResult> {
  return tb.call('imports.run', { jobId: `job-test-${++jobSeq}`, fileToken, source: 'ERP Teste', mapping, mode });
}

const A = CNPJS[0]!;
const B = CNPJS[1]!;
const PF = CPFS[0]!;

const GOOD = [
  HEADER,
  `Padaria São João Ltda;${maskCnpj(A)};1001;01/10/2026;01/11/2026;1.234,56;1.234,56;Ana;SP;São Paulo`,
  `Padaria São João Ltda;${maskCnpj(A)};1002;01/10/26;2026-12-01;R$ 500,00;200,00;Ana;SP;São Paulo`,
  `"Mercado ""Boa Praça""; Filial";${B};1003;05/10/2026;05/12/2026;99,90;99,90;Bruno;MG;"Belo
Horizonte"`,
  `José da Silvã;${PF};1004;05/10/2026;05/11/2026;10,00;0,00;Bruno;RJ;Niterói`,
];

describe('ERP import: preview', () => {
  it('detects Windows-1252 and ; , reads accents and suggests the mapping', async () => {
    const tb = openTestBackend();
    try {
      const token = writeLatin1(tb, 'erp.csv', GOOD);
      const p = await tb.call('imports.preview', { fileToken: token });
      expect(p).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
      expect(p.headers).toEqual(HEADER.split(';'));
      expect(p.rows).toHaveLength(4);
      expect(p.rows[0]![0]).toBe('Padaria São João Ltda');
      expect(p.rows[2]![0]).toBe('Mercado "Boa Praça"; Filial');
      expect(p.rows[2]![9]).toBe('Belo\nHorizonte');
      expect(p.suggestedMapping).toEqual(MAPPING);
    } finally {
      tb.close();
    }
  });
});

describe('ERP import: run', () => {
  it('imports customers, títulos and the paid part as import payments, then a re-import changes nothing', async () => {
    const tb = openTestBackend();
    try {
      const token = writeLatin1(tb, 'erp.csv', GOOD);
      const schemaSql = `SELECT type, name, sql FROM sqlite_master ORDER BY name`;
      const schemaBefore = tb.raw().prepare(schemaSql).all();
      const r = await runImport(tb, token, 'valid_rows');
      expect(r).toMatchObject({
        committed: true,
        totalRows: 4,
        validRows: 4,
        rejectedRows: 0,
        customers: { new: 3, updated: 0, unchanged: 0 },
        titles: { new: 4, updated: 0, unchanged: 0 },
        paymentsCreated: 2,
        paymentsCents: 30_000 + 1_000,
        // No "Data pagamento" column: both payments are dated the import day, and the result says so.
        undatedPayments: 2,
        paymentsDatedOn: AS_OF,
        errorCount: 0,
      });
      const db = tb.raw();
      // The first import into an empty portfolio rebuilds the indexes it dropped, exactly as they were.
      expect(db.prepare(schemaSql).all()).toEqual(schemaBefore);
      const cust = db.prepare('SELECT legal_name, kind, city, uf FROM customers WHERE document = ?').get(B);
      expect(cust).toEqual({ legal_name: 'Mercado "Boa Praça"; Filial', kind: 'PJ', city: 'Belo Horizonte', uf: 'MG' });
      const inv = db.prepare(`SELECT amount_cents, paid_cents, status, issue_date, due_date FROM invoices WHERE document_number = '1002'`).get();
      expect(inv).toEqual({ amount_cents: 50_000, paid_cents: 30_000, status: 'partial', issue_date: '2026-10-01', due_date: '2026-12-01' });
      expect(db.prepare(`SELECT status FROM invoices WHERE document_number = '1004'`).pluck().get()).toBe('paid');
      const drift = db.prepare('SELECT COUNT(*) FROM invoices i WHERE paid_cents != (SELECT COALESCE(SUM(amount_cents), 0) FROM payments p WHERE p.invoice_id = i.id)').pluck().get();
      expect(drift).toBe(0);
      expect(db.prepare(`SELECT source, paid_on FROM payments`).all()).toEqual([
        { source: 'import', paid_on: AS_OF },
        { source: 'import', paid_on: AS_OF },
      ]);

      const again = await runImport(tb, token, 'valid_rows');
      expect(again).toMatchObject({
        committed: true,
        customers: { new: 0, updated: 0, unchanged: 3 },
        titles: { new: 0, updated: 0, unchanged: 4 },
        paymentsCreated: 0,
        disappearedCount: 0,
      });
      expect(db.prepare('SELECT COUNT(*) FROM payments').pluck().get()).toBe(2);
      expect(db.prepare('SELECT COUNT(*) FROM import_runs').pluck().get()).toBe(2);
      expect((await tb.call('imports.preview', { fileToken: token, source: 'ERP Teste' })).profile?.mapping).toEqual(MAPPING);
    } finally {
      tb.close();
    }
  });
});

describe('ERP import: a first import in bulk', () => {
  // 300 títulos: several write batches of the bulk writer (títulos and payments) and a remainder; a third
  // paid in full, a fifth in part, each on its own date, so first_paid_on / closed_on must come out as migration 0004's triggers
  // set them on the ordinary (not first) import path.
  const BULK_MAPPING: ColumnMapping = { ...MAPPING, externalId: 'ID', paidOn: 'Pago em' };
  const lines = [`${HEADER};ID;Pago em`];
  for (let i = 1; i <= 300; i++) {
    const balance = i % 3 === 0 ? '0,00' : i % 5 === 0 ? '40,00' : '100,00';
    const paidOn = balance === '100,00' ? '' : `${String(1 + (i % 24)).padStart(2, '0')}/11/2026`;
    lines.push(`Cliente ${i % 7};${maskCnpj(CNPJS[i % 7]!)};${i};01/10/2026;01/12/2026;100,00;${balance};;;;E-${i};${paidOn}`);
  }
  const TITLE_STATE = `SELECT i.external_id, i.document_number, i.status, i.paid_cents, i.first_paid_on, i.closed_on,
      (SELECT group_concat(p.paid_on || ':' || p.amount_cents) FROM payments p WHERE p.invoice_id = i.id) AS payments
    FROM invoices i WHERE i.external_id IS NOT NULL ORDER BY i.external_id`;

  it('writes títulos and payments as the ordinary path does, with the dates the payment triggers would set', async () => {
    const first = openTestBackend();
    const ordinary = openTestBackend();
    try {
      const schemaSql = `SELECT type, name, sql FROM sqlite_master ORDER BY name`;
      const schemaBefore = first.raw().prepare(schemaSql).all();
      const r = await runImport(first, writeLatin1(first, 'bulk.csv', lines), 'all_or_nothing', BULK_MAPPING);
      expect(r).toMatchObject({ committed: true, rejectedRows: 0, titles: { new: 300 }, paymentsCreated: 140, undatedPayments: 0 });
      const db = first.raw();
      expect(db.prepare(schemaSql).all()).toEqual(schemaBefore);
      const drift = db.prepare('SELECT COUNT(*) FROM invoices i WHERE paid_cents != (SELECT COALESCE(SUM(amount_cents), 0) FROM payments p WHERE p.invoice_id = i.id)').pluck().get();
      expect(drift).toBe(0);
      expect(db.prepare(`SELECT first_paid_on, closed_on, status FROM invoices WHERE external_id = 'E-3'`).get()).toEqual({ first_paid_on: '2026-11-04', closed_on: '2026-11-04', status: 'paid' });
      expect(db.prepare(`SELECT first_paid_on, closed_on, status FROM invoices WHERE external_id = 'E-5'`).get()).toEqual({ first_paid_on: '2026-11-06', closed_on: null, status: 'partial' });

      // The same file into a portfolio that already has a título takes the per-row path, triggers and all.
      const c = await ordinary.call('customers.create', validCustomer({ document: CNPJS[30]! }));
      await ordinary.call('invoices.create', validInvoice(c.id));
      await runImport(ordinary, writeLatin1(ordinary, 'bulk.csv', lines), 'all_or_nothing', BULK_MAPPING);
      expect(db.prepare(TITLE_STATE).all()).toEqual(ordinary.raw().prepare(TITLE_STATE).all());
    } finally {
      first.close();
      ordinary.close();
    }
  });
});

describe('ERP import: customers', () => {
  it('imports a customer file, with a contact, and matches customers created by hand', async () => {
    const tb = openTestBackend();
    try {
      const byHand = await tb.call('customers.create', validCustomer({ document: CNPJS[3]!, legalName: 'Cadastro Manual Ltda', segment: 'Mercearia' }));
      const token = writeLatin1(tb, 'clientes.csv', [
        'CNPJ;Razão Social;Segmento;E-mail;Telefone',
        `${maskCnpj(CNPJS[3]!)};Cadastro Manual Ltda;Atacarejo;;`,
        `${CNPJS[4]};Empório Novo;Empório;contas@emporionovo.com.br;(11) 3333-4444`,
      ]);
      const mapping: ColumnMapping = { document: 'CNPJ', legalName: 'Razão Social', segment: 'Segmento', email: 'E-mail', phone: 'Telefone' };
      const r = await runImport(tb, token, 'all_or_nothing', mapping);
      expect(r).toMatchObject({ committed: true, customers: { new: 1, updated: 1, unchanged: 0 }, titles: { new: 0 } });
      const db = tb.raw();
      expect(db.prepare('SELECT segment FROM customers WHERE id = ?').pluck().get(byHand.id)).toBe('Atacarejo');
      expect(db.prepare('SELECT c.name, c.email, c.phone FROM contacts c JOIN customers u ON u.id = c.customer_id WHERE u.document = ?').get(CNPJS[4])).toEqual({
        name: 'Empório Novo',
        email: 'contas@emporionovo.com.br',
        phone: '551133334444',
      });
      // Títulos for a customer created by hand, into a portfolio with no títulos yet.
      const titles = writeLatin1(tb, 'titulos.csv', [HEADER, `;${CNPJS[3]};9001;01/10/2026;01/12/2026;10,00;10,00;;;`]);
      expect(await runImport(tb, titles, 'valid_rows')).toMatchObject({ customers: { new: 0, unchanged: 1 }, titles: { new: 1 } });
      expect(db.prepare('SELECT customer_id FROM invoices').pluck().get()).toBe(byHand.id);
    } finally {
      tb.close();
    }
  });
});

describe('ERP import: errors', () => {
  it('lists every bad row by line, column and reason', async () => {
    const tb = openTestBackend();
    try {
      const token = writeLatin1(tb, 'bad.csv', [
        HEADER,
        `Boa;${maskCnpj(A)};2001;01/10/2026;01/11/2026;100,00;100,00;Ana;SP;Campinas`,
        `Ruim;11.222.333/0001-82;2002;01/10/2026;01/11/2026;100,00;100,00;Ana;SP;Campinas`,
        `Negativo;${B};2003;01/10/2026;01/11/2026;-5,00;0;Ana;SP;Campinas`,
        `Data;${B};2004;01/10/2026;31/02/2026;5,00;5,00;Ana;SP;Campinas`,
        '',
        `Boa;${maskCnpj(A)};2001;01/10/2026;01/11/2026;100,00;100,00;Ana;SP;Campinas`,
      ]);
      const dry = await runImport(tb, token, 'dry_run');
      expect(dry).toMatchObject({ committed: false, totalRows: 5, validRows: 1, rejectedRows: 4, titles: { new: 1 } });
      expect(dry.errors).toEqual([
        { line: 3, column: 'CNPJ/CPF', message: 'CNPJ inválido: dígito verificador não confere' },
        { line: 4, column: 'Valor', message: 'Valor negativo (-5,00)' },
        { line: 5, column: 'Vencimento', message: 'Data "31/02/2026" não existe' },
        { line: 7, column: 'Nº NF', message: 'Título repetido no arquivo (mesmo da linha 2)' },
      ]);
      const db = tb.raw();
      expect(db.prepare('SELECT COUNT(*) FROM invoices').pluck().get()).toBe(0);

      const all = await runImport(tb, token, 'all_or_nothing');
      expect(all).toMatchObject({ committed: false, runId: null, rejectedRows: 4 });
      expect(db.prepare('SELECT COUNT(*) FROM invoices').pluck().get()).toBe(0);
      expect(db.prepare('SELECT COUNT(*) FROM import_runs').pluck().get()).toBe(0);

      const valid = await runImport(tb, token, 'valid_rows');
      expect(valid).toMatchObject({ committed: true, titles: { new: 1 } });
      expect(db.prepare('SELECT document_number FROM invoices').pluck().all()).toEqual(['2001']);
    } finally {
      tb.close();
    }
  });

  it('refuses a mapping without the required columns', async () => {
    const tb = openTestBackend();
    try {
      const token = writeLatin1(tb, 'erp.csv', GOOD);
      const env = await tb.callRaw('imports.run', { jobId: 'job-mapping-1', fileToken: token, source: 'ERP', mode: 'valid_rows', mapping: { document: 'CNPJ/CPF', amount: 'Valor', dueDate: 'Nada' } });
      expect(expectError(env).message).toBe(
        'A coluna "Nada" (Vencimento) não existe neste arquivo. Escolha a coluna de Nº do documento.',
      );
    } finally {
      tb.close();
    }
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGING_PDF_MAX_LINES } from '../../electron/backend/services/reports.service';
import { createBankCalendar } from '../../shared/domain/bank-calendar';
import { updateDebt } from '../../shared/domain/interest';
import { buildPixCode, parsePixCode } from '../../shared/domain/pix';
import type { ReportFile } from '../../shared/ipc/reports.contract';
import { AS_OF, CNPJS, expectError, maskCnpj, minusDays, openTestBackend, removeAllTempDirs, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';
import { pdfText } from '../helpers/pdf-text';

const COMPANY = {
  legalName: 'Distribuidora Exemplo Ltda',
  tradeName: null,
  cnpj: '11.222.333/0001-81',
  address: { street: 'Rua das Flores', streetNumber: '120', complement: null, district: 'Centro', city: 'Campinas', uf: 'SP', postalCode: '13010-000' },
  phone: '(19) 3234-5678',
  email: 'cobranca@exemplo.com.br',
  pixKey: 'cobranca@exemplo.com.br',
  logo: null,
  defaultFineBp: 200,
  defaultMonthlyInterestBp: 100,
};
const OUTPUT_DIR = join('.test-output', 'reports');
const BOLETO_LINE = '00190500954014481606906809350314337370000000100';

let t: TestBackend;
let alfa: { id: number; document: string };
let beta: { id: number; document: string };
const ids: Record<string, number> = {};

/**
 * Alfa (Mercearia, Campinas/SP): NF-A1 R$ 10.000,00 due 45 days ago with R$ 2.000,00 paid; NF-A2 R$ 2.500,00 due in
 * 5 days; NF-A3 R$ 1.234,56 due 10 days ago, under dispute. Beta (Bares, Rio de Janeiro/RJ): NF-B1 R$ 500,00 due
 * 200 days ago; NF-B2 R$ 750,00 due 70 days ago. A third customer's título is paid in full (not in any report).
 */
beforeEach(async () => {
  t = openTestBackend();
  const a = await t.call('customers.create', validCustomer({ legalName: 'Mercearia Alfa Ltda', segment: 'Mercearia', document: CNPJS[0]! }));
  const b = await t.call(
    'customers.create',
    validCustomer({ legalName: 'Bar Beta Ltda', segment: 'Bares', document: CNPJS[1]!, address: { street: null, streetNumber: null, complement: null, district: null, city: 'Rio de Janeiro', uf: 'RJ', postalCode: null } }),
  );
  const c = await t.call('customers.create', validCustomer({ legalName: 'Cliente Quitado Ltda', document: CNPJS[2]! }));
  alfa = { id: a.id, document: a.document };
  beta = { id: b.id, document: b.document };
  const add = async (key: string, customerId: number, dueDate: string, amountCents: number, boletoLine: string | null = null) => {
    ids[key] = (await t.call('invoices.create', validInvoice(customerId, { documentNumber: key, dueDate, amountCents, boletoLine }))).id;
  };
  await add('NF-A1', a.id, minusDays(AS_OF, 45), 1_000_000, BOLETO_LINE);
  await add('NF-A2', a.id, minusDays(AS_OF, -5), 250_000);
  await add('NF-A3', a.id, minusDays(AS_OF, 10), 123_456);
  await add('NF-B1', b.id, minusDays(AS_OF, 200), 50_000);
  await add('NF-B2', b.id, minusDays(AS_OF, 70), 75_000);
  await add('NF-C1', c.id, minusDays(AS_OF, 20), 99_000);
  await t.call('payments.register', { invoiceId: ids['NF-A1']!, amountCents: 200_000, paidOn: minusDays(AS_OF, 5), method: 'pix' });
  await t.call('payments.register', { invoiceId: ids['NF-C1']!, amountCents: 99_000, paidOn: minusDays(AS_OF, 1), method: 'pix' });
  t.raw().prepare(`UPDATE invoices SET status = 'disputed' WHERE id = ?`).run(ids['NF-A3']);
});

afterEach(() => {
  t.close();
  removeAllTempDirs();
});

function pdfOf(file: ReportFile): Buffer {
  expect(file.mimeType).toBe('application/pdf');
  expect(file.encoding).toBe('base64');
  const pdf = Buffer.from(file.content, 'base64');
  // Kept for a look (pdftoppm -png -r 60 .test-output/reports/*.pdf).
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(join(OUTPUT_DIR, file.fileName), pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return pdf;
}

describe('aging report', () => {
  it('CSV lists each customer per bucket with the open balance (exact content)', async () => {
    const file = await t.call('reports.aging', { format: 'csv' });
    expect(file).toMatchObject({ fileName: `aging-${AS_OF}.csv`, mimeType: 'text/csv', encoding: 'utf8' });
    const a = maskCnpj(alfa.document);
    const b = maskCnpj(beta.document);
    expect(file.content).toBe(
      '\uFEFFFaixa;Cliente;CNPJ/CPF;Cidade;UF;Títulos;Maior atraso (dias);Valor em aberto (R$)\r\n' +
        `A vencer;Mercearia Alfa Ltda;${a};Campinas;SP;1;0;2500,00\r\n` +
        `1–15 dias;Mercearia Alfa Ltda;${a};Campinas;SP;1;10;1234,56\r\n` +
        `31–60 dias;Mercearia Alfa Ltda;${a};Campinas;SP;1;45;8000,00\r\n` +
        `61–90 dias;Bar Beta Ltda;${b};Rio de Janeiro;RJ;1;70;750,00\r\n` +
        `Mais de 180 dias;Bar Beta Ltda;${b};Rio de Janeiro;RJ;1;200;500,00\r\n`,
    );
    const bares = await t.call('reports.aging', { format: 'csv', segment: 'Bares' });
    expect(bares.content.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(bares.content).not.toContain('Alfa');
  });

  it('PDF shows bucket subtotals and a grand total equal to the dashboard', async () => {
    const text = pdfText(pdfOf(await t.call('reports.aging', { format: 'pdf' })));
    expect(text).toContain('Relatório de aging');
    // No company configured yet: the header says so instead of printing blanks.
    expect(text).toContain('Empresa não configurada');
    expect(text).toMatch(/Data-base: 25\/11\/2026\s+·\s+Segmento: Todos\s+·\s+UF: Todos\s+·\s+Vendedor: Todos/);
    expect(text).toMatch(/Subtotal 31–60 dias · 1 cliente\s+1\s+R\$ 8\.000,00/);
    expect(text).toMatch(/Subtotal Mais de 180 dias · 1 cliente\s+1\s+R\$ 500,00/);
    expect(text).toMatch(/Total geral · 2 clientes\s+5\s+R\$ 12\.984,56/);
    expect(text).toMatch(/Mercearia Alfa Ltda\s+\S+\s+Campinas\/SP\s+1\s+45 d\s+R\$ 8\.000,00/);
    expect(text).toContain('Página 1 de 1');

    const dashboard = await t.call('dashboard.summary', {});
    expect(dashboard.totals.openCents).toBe(1_298_456);
    expect(Object.fromEntries(dashboard.aging.map((b) => [b.key, b.amountCents]))).toMatchObject({ current: 250_000, d1_15: 123_456, d31_60: 800_000, d61_90: 75_000, d180_plus: 50_000 });
  });
  it('refuses a PDF too large to lay out (pointing to filters or the CSV), while the CSV still comes', async () => {
    const db = t.raw();
    const at = '2026-11-25T12:00:00.000Z';
    const customer = db.prepare(
      `INSERT INTO customers (legal_name, document, kind, search_text, sort_name, created_at, updated_at) VALUES (?, ?, 'PJ', ?, ?, ?, ?)`,
    );
    const invoice = db.prepare(
      `INSERT INTO invoices (customer_id, document_number, issue_date, due_date, amount_cents, payment_method, created_at, updated_at)
       VALUES (?, 'NF', '2026-10-01', '2026-11-01', 1000, 'boleto', ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < AGING_PDF_MAX_LINES; i++) {
        const id = Number(customer.run(`Cliente ${i}`, `X${String(i).padStart(13, '0')}`, `cliente ${i}`, `cliente ${i}`, at, at).lastInsertRowid);
        invoice.run(id, at, at);
      }
    })();
    const err = expectError(await t.callRaw('reports.aging', { format: 'pdf' }));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('O aging em PDF teria 15.005 linhas (máximo de 15.000)');
    expect(err.message).toContain('baixe o CSV');
    const csv = await t.call('reports.aging', { format: 'csv' });
    expect(csv.content.split('\r\n').filter(Boolean)).toHaveLength(15_006);
  });
});

describe('customer statement', () => {
  it('updates each título with multa and juros, totals them, and carries a Pix for the total and the creditor', async () => {
    await t.call('settings.updateCompany', COMPANY);
    const file = await t.call('reports.statement', { customerId: alfa.id });
    expect(file.fileName).toBe(`extrato-mercearia-alfa-ltda-${AS_OF}.pdf`);
    const text = pdfText(pdfOf(file));

    // NF-A1: R$ 8.000,00 open, 45 days: multa 2% = 160,00, juros 1% a.m. × 45/30 = 120,00 → 8.280,00. NF-A2 not due.
    const calendar = createBankCalendar('SP', 'Campinas');
    const expected = [
      { principalCents: 800_000, dueDate: minusDays(AS_OF, 45) },
      { principalCents: 250_000, dueDate: minusDays(AS_OF, -5) },
    ].reduce((s, d) => s + updateDebt({ ...d, asOf: AS_OF, finePercentBp: 200, monthlyInterestBp: 100, calendar }).totalCents, 0);
    expect(expected).toBe(1_078_000);
    expect(text).toMatch(/NF-A1 \(pago em parte\)\s+11\/10\/2026\s+45 d\s+R\$ 8\.000,00\s+R\$ 160,00\s+R\$ 120,00\s+R\$ 8\.280,00/);
    expect(text).toMatch(/NF-A2\s+30\/11\/2026\s+—\s+R\$ 2\.500,00\s+R\$ 0,00\s+R\$ 0,00\s+R\$ 2\.500,00/);
    expect(text).toMatch(/Total · 2 títulos\s+R\$ 10\.500,00\s+R\$ 160,00\s+R\$ 120,00\s+R\$ 10\.780,00/);
    expect(text).toMatch(/Total a pagar até 25\/11\/2026\s+R\$ 10\.780,00/);
    expect(text).toContain('Em contestação (não cobrados neste extrato): NF-A3 – R$ 1.234,56.');
    expect(text).toContain('Credor');
    expect(text).toContain('CNPJ 11.222.333/0001-81');
    expect(text).toContain('Rua das Flores, 120 – Centro – Campinas/SP – CEP 13010-000');
    expect(text).toContain(`CNPJ ${maskCnpj(alfa.document)}`);
    expect(text).toMatch(/NF-A1\s+11\/10\/2026\s+00190\.50095 40144\.816069 06809\.350314 3 37370000000100/);

    const code = buildPixCode({ key: COMPANY.pixKey, merchantName: COMPANY.legalName, merchantCity: 'Campinas', amountCents: 1_078_000, txid: `EXT${alfa.id}D20261125` });
    expect(parsePixCode(code)).toMatchObject({ amountCents: 1_078_000, txid: `EXT${alfa.id}D20261125` });
    expect(text.replace(/\s+/g, '')).toContain(code.replace(/\s+/g, ''));

    const log = t.raw().prepare(`SELECT details FROM activity_log WHERE action = 'report.statement_issued' AND customer_id = ?`).pluck().all(alfa.id) as string[];
    expect(log.map((d) => JSON.parse(d))).toEqual([{ asOf: AS_OF, totalCents: 1_078_000, invoiceIds: [ids['NF-A1'], ids['NF-A2']], pixTxid: `EXT${alfa.id}D20261125` }]);
  });

  it('refuses to issue a statement before the creditor is configured, and for an unknown customer', async () => {
    const err = expectError(await t.callRaw('reports.statement', { customerId: alfa.id }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('Configurações › Empresa');
    await t.call('settings.updateCompany', COMPANY);
    expect(expectError(await t.callRaw('reports.statement', { customerId: 9999 })).code).toBe('NOT_FOUND');
  });
});

describe('collection activity report', () => {
  beforeEach(() => {
    const insert = t.raw().prepare(`INSERT INTO activity_log (at, actor, action, customer_id, details) VALUES (?, ?, ?, ?, ?)`);
    const rows: [string, string, string, number, object][] = [
      ['2026-11-20T12:00:00.000Z', 'régua', 'dunning.message_sent', alfa.id, { channel: 'email', to: 'financeiro@alfa.com.br' }],
      // 23:59:59 on 25/11 in São Paulo: inside a period ending on 25/11.
      ['2026-11-26T02:59:59.000Z', 'régua', 'dunning.message_sent', beta.id, { channel: 'whatsapp', to: '5521987654321' }],
      ['2026-11-21T12:00:00.000Z', 'régua', 'dunning.message_failed', beta.id, { to: '5521987654321', error: 'recusado' }],
      ['2026-11-22T13:00:00.000Z', 'ana', 'dunning.task_done', alfa.id, { type: 'call', outcome: 'promise' }],
      ['2026-11-23T13:00:00.000Z', 'ana', 'dunning.task_done', alfa.id, { type: 'call', outcome: 'promise' }],
      ['2026-11-23T14:00:00.000Z', 'ana', 'dunning.task_done', beta.id, { type: 'call', outcome: 'not_reached' }],
      ['2026-11-23T15:00:00.000Z', 'ana', 'dunning.task_done', beta.id, { type: 'internal', outcome: 'done' }],
      // 23:59 on 31/10 in São Paulo: before a period starting on 01/11.
      ['2026-11-01T02:59:00.000Z', 'régua', 'dunning.message_sent', alfa.id, { channel: 'email', to: 'financeiro@alfa.com.br' }],
      ['2026-11-22T13:00:00.000Z', 'ana', 'note.added', alfa.id, { text: 'ligar amanhã' }],
    ];
    for (const [at, actor, action, customerId, details] of rows) insert.run(at, actor, action, customerId, JSON.stringify(details));
  });

  it('CSV counts contacts by clerk, channel and outcome in the period (exact content)', async () => {
    const file = await t.call('reports.activity', { format: 'csv', from: '2026-11-01', to: AS_OF });
    expect(file.fileName).toBe('atividade-cobranca-2026-11-01-a-2026-11-25.csv');
    expect(file.content).toBe(
      '\uFEFFResponsável;Canal;Resultado;Contatos;Clientes\r\n' +
        'ana;Telefone;Promessa de pagamento;2;1\r\n' +
        'ana;Telefone;Não atendeu;1;1\r\n' +
        'Régua automática;E-mail;Mensagem enviada;1;1\r\n' +
        'Régua automática;Mensagem;Envio falhou;1;1\r\n' +
        'Régua automática;WhatsApp;Mensagem enviada;1;1\r\n',
    );
  });

  it('PDF shows subtotals per clerk and the period total', async () => {
    const text = pdfText(pdfOf(await t.call('reports.activity', { format: 'pdf', from: '2026-11-01', to: AS_OF })));
    expect(text).toContain('Período: 01/11/2026 a 25/11/2026');
    expect(text).toMatch(/Subtotal ana\s+3\s+2/);
    expect(text).toMatch(/Subtotal Régua automática\s+3\s+2/);
    expect(text).toMatch(/Total do período\s+6\s+2/);
    expect(text).toMatch(/Promessa de pagamento\s+2\n/);
  });

  it('refuses a period that ends before it starts', async () => {
    const err = expectError(await t.callRaw('reports.activity', { format: 'pdf', from: AS_OF, to: '2026-11-01' }));
    expect(err.details?.fields).toEqual([{ path: 'to', message: 'A data final deve ser igual ou posterior à inicial' }]);
  });
});

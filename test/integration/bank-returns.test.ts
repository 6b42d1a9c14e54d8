import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../shared/ipc/contract';
import { buildCnab240, buildCnab400, type TitleMovement } from '../fixtures/cnab-writer';
import { AS_OF, expectError, minusDays, openTestBackend, removeAllTempDirs, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

let tb: TestBackend;
let customerId: number;

beforeEach(async () => {
  tb = openTestBackend();
  customerId = (await tb.call('customers.create', validCustomer({ legalName: 'Mercado Boa Praça Ltda' }))).id;
});
afterEach(() => {
  tb.close();
  removeAllTempDirs();
});

const PAID_ON = minusDays(AS_OF, 2);
const CREDITED_ON = minusDays(AS_OF, 1);

async function invoice(documentNumber: string, nossoNumero: string | null, extra: { externalId?: string; amountCents?: number } = {}): Promise<InvoiceRow> {
  return tb.call(
    'invoices.create',
    validInvoice(customerId, { documentNumber, nossoNumero, amountCents: extra.amountCents ?? 100_000, externalId: extra.externalId, dueDate: minusDays(AS_OF, 10) }),
  );
}

function payment(overrides: TitleMovement): TitleMovement {
  return { dueDate: minusDays(AS_OF, 10), nominalCents: 100_000, paidCents: 100_000, occurrenceDate: PAID_ON, creditDate: CREDITED_ON, ...overrides };
}

function register(name: string, text: string): string {
  return tb.backend.files.registerBytes(name, Buffer.from(text, 'latin1')).token;
}

function rawInvoice(id: number) {
  return tb.raw().prepare('SELECT paid_cents AS paidCents, status FROM invoices WHERE id = ?').get(id) as { paidCents: number; status: string };
}
function count(table: string): number {
  return tb.raw().prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

describe('bank return files (CNAB 240)', () => {
  async function scenario() {
    const full = await invoice('NF 100-1', '00000000101', { externalId: 'ERP-100' });
    const partial = await invoice('NF 101-1', '00000000102');
    const over = await invoice('NF 102-1', '00000000103');
    const paid = await invoice('NF 103-1', '00000000104');
    await tb.call('payments.register', { invoiceId: paid.id, amountCents: 100_000, paidOn: minusDays(AS_OF, 5), method: 'pix' });
    const byDocument = await invoice('NF 104-1', null);
    const rejectedOne = await invoice('NF 105-1', '00000000106');
    const text = buildCnab240({
      bank: '237',
      convenio: '4455667',
      sequence: 310,
      titles: [
        payment({ movementCode: '06', companyRef: 'ERP-100', nossoNumero: '99999999999', documentNumber: 'NF 100-1' }),
        payment({ movementCode: '06', nossoNumero: '102', paidCents: 40_000 }),
        payment({ movementCode: '06', nossoNumero: '00000000103', paidCents: 105_000, chargesCents: 3_000 }),
        payment({ movementCode: '06', nossoNumero: '00000000104' }),
        payment({ movementCode: '06', nossoNumero: '00000000777', documentNumber: 'NF 999' }),
        payment({ movementCode: '17', documentNumber: 'NF 104-1' }),
        { movementCode: '03', nossoNumero: '00000000106', nominalCents: 100_000, reasons: '0809' },
        { movementCode: '09', nossoNumero: '00000000102', nominalCents: 100_000 },
      ],
    });
    return { full, partial, over, paid, byDocument, rejectedOne, token: register('CB251100.RET', text) };
  }

  it('preview matches and plans every movement and writes nothing', async () => {
    const s = await scenario();
    const before = { payments: count('payments'), activity: count('activity_log') };
    const preview = await tb.call('bankReturns.preview', { fileToken: s.token });
    expect(preview.summary).toMatchObject({
      fileName: 'CB251100.RET',
      format: 'CNAB240',
      bankCode: '237',
      bankName: 'Bradesco',
      convenio: '4455667',
      sequence: 310,
      itemCount: 8,
      counts: { settled: 3, partial: 1, not_found: 1, already_paid: 1, rejected: 1, other: 1 },
      paidTotalCents: 100_000 + 40_000 + 105_000 + 100_000 + 100_000 + 100_000,
      appliedTotalCents: 100_000 + 40_000 + 100_000 + 100_000,
      chargesTotalCents: 5_000,
      paymentDates: { from: PAID_ON, to: PAID_ON },
    });
    expect(preview.alreadyImported).toBeNull();
    expect(preview.items.rows.map((r) => [r.line, r.result, r.matchedBy, r.invoiceId])).toEqual([
      [3, 'settled', 'company_ref', s.full.id],
      [5, 'partial', 'nosso_numero', s.partial.id],
      [7, 'settled', 'nosso_numero', s.over.id],
      [9, 'already_paid', 'nosso_numero', s.paid.id],
      [11, 'not_found', null, null],
      [13, 'settled', 'document_number', s.byDocument.id],
      [15, 'rejected', 'nosso_numero', s.rejectedOne.id],
      [17, 'other', 'nosso_numero', s.partial.id],
    ]);
    expect(preview.items.rows[0]).toMatchObject({ customerId, customerName: 'Mercado Boa Praça Ltda', invoiceDocumentNumber: 'NF 100-1' });
    const rejected = await tb.call('bankReturns.preview', { fileToken: s.token, result: 'rejected' });
    expect(rejected.items).toMatchObject({ total: 1, rows: [{ movementCode: '03', reasons: '0809', movementDescription: 'Entrada rejeitada', note: 'Motivos do banco: 08, 09.' }] });
    expect({ payments: count('payments'), activity: count('activity_log'), files: count('bank_return_files') }).toEqual({ ...before, files: 0 });
  });

  it('import settles in full or in part, counts overpayment as charges, never pays twice, and keeps every item', async () => {
    const s = await scenario();
    const file = await tb.call('bankReturns.import', { fileToken: s.token });
    expect(file).toMatchObject({ bankCode: '237', sequence: 310, importedBy: 'teste', counts: { settled: 3, partial: 1, not_found: 1, already_paid: 1, rejected: 1, other: 1 } });

    expect(rawInvoice(s.full.id)).toEqual({ paidCents: 100_000, status: 'paid' });
    expect(rawInvoice(s.partial.id)).toEqual({ paidCents: 40_000, status: 'partial' });
    expect(rawInvoice(s.over.id)).toEqual({ paidCents: 100_000, status: 'paid' });
    expect(rawInvoice(s.paid.id)).toEqual({ paidCents: 100_000, status: 'paid' });
    expect(rawInvoice(s.byDocument.id)).toEqual({ paidCents: 100_000, status: 'paid' });
    expect(rawInvoice(s.rejectedOne.id)).toEqual({ paidCents: 0, status: 'open' });
    // The reconciliation CSV carries the bank's reasons for the rejected entry in their own column.
    const csvRows = (await tb.call('bankReturns.exportCsv', { fileId: file.id })).content.slice(1).trimEnd().split('\r\n').map((r) => r.split(';'));
    const reasonsColumn = csvRows[0]!.indexOf('Motivos do banco');
    expect(csvRows.find((r) => r[0] === '15')![reasonsColumn]).toBe('08, 09');

    const [bankPayment] = await tb.call('payments.list', { invoiceId: s.over.id });
    expect(bankPayment).toMatchObject({ amountCents: 100_000, paidOn: PAID_ON, method: 'boleto', source: 'bank_file', reference: 'CB251100.RET linha 7' });
    expect(await tb.call('payments.list', { invoiceId: s.paid.id })).toHaveLength(1);

    const { items } = await tb.call('bankReturns.getFileItems', { fileId: file.id, result: 'settled' });
    expect(items.rows.map((r) => [r.line, r.appliedCents, r.chargesCents])).toEqual([
      [3, 100_000, 0],
      [7, 100_000, 5_000],
      [13, 100_000, 0],
    ]);
    const activity = await tb.call('activity.list', { customerId, limit: 10 });
    expect(activity.rows.find((a) => a.invoiceId === s.partial.id)).toMatchObject({
      action: 'payment.partial',
      details: { amountCents: 40_000, source: 'bank_file', bankReturnFileId: file.id, line: 5, remainingCents: 60_000 },
    });
    expect(tb.events.at(-1)).toEqual({ name: 'data.changed', payload: { tables: ['bank_return_files', 'bank_return_items', 'payments', 'invoices', 'activity_log'] } });
    const drift = tb
      .raw()
      .prepare(`SELECT i.id FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id GROUP BY i.id HAVING i.paid_cents <> COALESCE(SUM(p.amount_cents), 0)`)
      .all();
    expect(drift).toEqual([]);
  });

  it('the same file is refused a second time, by content and by bank + convênio + NSA', async () => {
    const s = await scenario();
    await tb.call('bankReturns.import', { fileToken: s.token });
    const payments = count('payments');

    const again = expectError(await tb.callRaw('bankReturns.import', { fileToken: register('copia.ret', buildCnab240({ bank: '237', convenio: '4455667', sequence: 310, titles: [] })) }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/^Este retorno já foi importado em 25\/11\/2026 \(arquivo "CB251100.RET"\): Bradesco, convênio 4455667, sequência 310\./);

    const sameBytes = expectError(await tb.callRaw('bankReturns.import', { fileToken: s.token }));
    expect(sameBytes.code).toBe('CONFLICT');
    expect((await tb.call('bankReturns.preview', { fileToken: s.token })).alreadyImported).toMatchObject({ fileName: 'CB251100.RET' });
    expect({ payments: count('payments'), files: count('bank_return_files') }).toEqual({ payments, files: 1 });

    const next = await tb.call('bankReturns.import', { fileToken: register('CB261100.RET', buildCnab240({ bank: '237', convenio: '4455667', sequence: 311, titles: [] })) });
    expect(next.sequence).toBe(311);
    expect((await tb.call('bankReturns.listFiles', {})).rows.map((f) => f.sequence)).toEqual([311, 310]);
  });

  it('one file is one transaction: a failure on any título leaves nothing written', async () => {
    const a = await invoice('NF 1', '00000000201');
    const b = await invoice('NF 2', '00000000202');
    // A database error on the second payment, as a disk or constraint failure would raise it.
    tb.raw().exec(`CREATE TRIGGER fail_second_payment BEFORE INSERT ON payments WHEN NEW.amount_cents = 4242 BEGIN SELECT RAISE(ABORT, 'falha simulada'); END`);
    const token = register('falha.ret', buildCnab240({ bank: '001', titles: [payment({ movementCode: '06', nossoNumero: '00000000201' }), payment({ movementCode: '06', nossoNumero: '00000000202', paidCents: 4242 })] }));
    const before = { payments: count('payments'), activity: count('activity_log'), files: count('bank_return_files'), items: count('bank_return_items') };
    const err = expectError(await tb.callRaw('bankReturns.import', { fileToken: token }));
    expect(err.code).toBe('INTERNAL');
    expect({ payments: count('payments'), activity: count('activity_log'), files: count('bank_return_files'), items: count('bank_return_items') }).toEqual(before);
    expect(rawInvoice(a.id)).toEqual({ paidCents: 0, status: 'open' });
    expect(rawInvoice(b.id)).toEqual({ paidCents: 0, status: 'open' });
    tb.raw().exec('DROP TRIGGER fail_second_payment');
    expect((await tb.call('bankReturns.import', { fileToken: token })).counts).toMatchObject({ settled: 1, partial: 1 });
  });

  it('a malformed file is refused with the line and the reason, and nothing is written', async () => {
    const lines = buildCnab240({ bank: '341', titles: [payment({ movementCode: '06', nossoNumero: '1' })] }).split('\r\n');
    lines[3] = `${lines[3]!}0`;
    const err = expectError(await tb.callRaw('bankReturns.preview', { fileToken: register('ruim.ret', lines.join('\r\n')) }));
    expect(err).toEqual({
      code: 'VALIDATION',
      message: 'Arquivo de retorno "ruim.ret" recusado. Linha 4: a linha tem 241 caracteres; num arquivo CNAB 240 todas têm 240.',
      details: { line: 4, reason: 'a linha tem 241 caracteres; num arquivo CNAB 240 todas têm 240.' },
    });
    expect(expectError(await tb.callRaw('bankReturns.import', { fileToken: 'desconhecido' })).code).toBe('NOT_FOUND');
    expect(count('bank_return_files')).toBe(0);
  });
});

describe('matching', () => {
  it('an Adimple id in "uso da empresa" counts only when the document agrees; equal nossos números are told apart by the boleto bank', async () => {
    const byId = await invoice('NF 400-1', null);
    const bradesco = await tb.call('invoices.create', validInvoice(customerId, { documentNumber: 'NF 401-1', nossoNumero: '00000000555', boletoLine: '23790000000000000000000000000000000000000000000' }));
    await tb.call('invoices.create', validInvoice(customerId, { documentNumber: 'NF 402-1', nossoNumero: '00000000555', boletoLine: '34190000000000000000000000000000000000000000000' }));
    const ambiguous = await invoice('NF 403-1', '777');
    await tb.call('invoices.create', validInvoice(customerId, { documentNumber: 'NF 404-1', nossoNumero: '777' }));
    const text = buildCnab240({
      bank: '237',
      titles: [
        payment({ movementCode: '06', companyRef: String(byId.id), documentNumber: 'NF 400-1' }),
        payment({ movementCode: '06', companyRef: String(byId.id), documentNumber: 'NF 999-9' }),
        payment({ movementCode: '06', nossoNumero: '00000000555' }),
        payment({ movementCode: '06', nossoNumero: '777' }),
      ],
    });
    const { items } = await tb.call('bankReturns.preview', { fileToken: register('match.ret', text) });
    expect(items.rows.map((r) => [r.result, r.matchedBy, r.invoiceId])).toEqual([
      ['settled', 'company_ref', byId.id],
      ['not_found', null, null],
      ['settled', 'nosso_numero', bradesco.id],
      ['not_found', null, null],
    ]);
    expect(ambiguous.status).toBe('open');
  });
});

describe('preview after the portfolio changed', () => {
  it('pages of one preview agree, and a payment recorded meanwhile is seen by the next preview and by the import', async () => {
    const inv = await invoice('NF 500-1', '00000000501');
    const titles = [payment({ movementCode: '06', nossoNumero: '00000000501' }), ...Array.from({ length: 4 }, (_, i) => payment({ movementCode: '06', nossoNumero: `9${i}` }))];
    const token = register('paginas.ret', buildCnab240({ bank: '237', titles }));
    const first = await tb.call('bankReturns.preview', { fileToken: token, limit: 2 });
    const second = await tb.call('bankReturns.preview', { fileToken: token, offset: 2, limit: 2 });
    expect([...first.items.rows, ...second.items.rows].map((r) => r.line)).toEqual([3, 5, 7, 9]);
    expect(first.items.rows[0]).toMatchObject({ result: 'settled', invoiceId: inv.id });

    await tb.call('payments.register', { invoiceId: inv.id, amountCents: 100_000, paidOn: minusDays(AS_OF, 3), method: 'pix' });
    expect((await tb.call('bankReturns.preview', { fileToken: token, limit: 1 })).items.rows[0]).toMatchObject({ result: 'already_paid' });
    const file = await tb.call('bankReturns.import', { fileToken: token });
    expect(file.counts).toMatchObject({ already_paid: 1, not_found: 4, settled: 0 });
    expect(await tb.call('payments.list', { invoiceId: inv.id })).toHaveLength(1);
  });
});

describe('bank return files (CNAB 400)', () => {
  it('Itaú and Bradesco files settle by their own codes; the reconciliation CSV lists every item', async () => {
    const itau = await invoice('NF 300-1', '00012345');
    const itauRejectedCode = await invoice('NF 301-1', '00012346');
    const bradesco = await invoice('NF 302-1', '00000054321', { amountCents: 50_000 });
    const itauFile = buildCnab400({
      bank: '341',
      convenio: '123400056789',
      sequence: 7,
      titles: [
        payment({ movementCode: '06', nossoNumero: '00012345', chargesCents: 1_250, paidCents: 101_250 }),
        payment({ movementCode: '17', nossoNumero: '00012346' }),
      ],
    });
    const itauImport = await tb.call('bankReturns.import', { fileToken: register('itau.ret', itauFile) });
    expect(itauImport.counts).toMatchObject({ settled: 1, rejected: 1 });
    expect(rawInvoice(itau.id)).toEqual({ paidCents: 100_000, status: 'paid' });
    expect(rawInvoice(itauRejectedCode.id)).toEqual({ paidCents: 0, status: 'open' });

    await tb.call('invoices.writeOff', { id: bradesco.id, reason: 'Baixado por engano' });
    const bradescoFile = buildCnab400({ bank: '237', sequence: 8, titles: [payment({ movementCode: '17', nossoNumero: '54321', nominalCents: 50_000, paidCents: 50_000 })] });
    const bradescoImport = await tb.call('bankReturns.import', { fileToken: register('bradesco.ret', bradescoFile) });
    const { items } = await tb.call('bankReturns.getFileItems', { fileId: bradescoImport.id });
    expect(items.rows[0]).toMatchObject({ movementCode: '17', movementKind: 'settlement_after_write_off', result: 'other', invoiceId: bradesco.id, appliedCents: 0 });
    expect(items.rows[0]!.note).toMatch(/^O título NF 302-1 está baixado: o pagamento de R\$\s500,00 não foi lançado; verifique\.$/);

    const csv = await tb.call('bankReturns.exportCsv', { fileId: itauImport.id });
    expect(csv.fileName).toBe('conciliacao-retorno-341-7.csv');
    const rows = csv.content.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.split(';').slice(0, 5)).toEqual(['Linha', 'Ocorrência', 'Descrição da ocorrência', 'Motivos do banco', 'Resultado']);
    expect(rows[1]!.split(';')).toEqual(
      expect.arrayContaining(['2', '06', 'Liquidação normal', 'Liquidado', '00012345', '1000,00', '1012,50', '12,50', 'Nosso número', 'Mercado Boa Praça Ltda']),
    );
    expect(rows[2]!.split(';').slice(0, 5)).toEqual(['3', '17', 'Alteração ou exclusão de dados rejeitada', '', 'Rejeitado']);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePixCode } from '../../shared/domain/pix';
import { installmentCountWords } from '../../electron/backend/reports/agreement.report';
import { AS_OF, minusDays, openTestBackend, removeAllTempDirs, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

let tb: TestBackend;

beforeEach(() => {
  tb = openTestBackend();
});
afterEach(() => {
  tb.close();
  removeAllTempDirs();
});

const COMPANY = {
  legalName: 'Distribuidora Aurora Ltda',
  cnpj: '11.222.333/0001-81',
  address: { street: 'Av. Brasil', streetNumber: '1000', district: 'Centro', city: 'Campinas', uf: 'SP', postalCode: '13010-100' },
  pixKey: 'financeiro@aurora.com.br',
  defaultFineBp: 200,
  defaultMonthlyInterestBp: 100,
};

/** An agreement after configuring `company` (null: Configurações › Empresa never filled in). */
async function agreementWithSixInstallments(company: (Omit<typeof COMPANY, 'pixKey'> & { pixKey: string | null }) | null = COMPANY) {
  if (company) await tb.call('settings.updateCompany', company);
  const customerId = (await tb.call('customers.create', validCustomer({ legalName: 'Mercadinho São Jorge Ltda' }))).id;
  await tb.call('contacts.create', { customerId, name: 'Jorge', whatsapp: '(19) 99876-5432', email: 'jorge@saojorge.com.br' });
  const inv = await tb.call('invoices.create', validInvoice(customerId, { documentNumber: 'NF 9001', amountCents: 1_000_000, dueDate: minusDays(AS_OF, 45) }));
  return tb.call('agreements.create', {
    customerId,
    invoiceIds: [inv.id],
    asOf: AS_OF,
    offer: { kind: 'installments', waiveInterest: true, downPaymentCents: 120_000, downPaymentDate: AS_OF, installmentCount: 6, interval: { unit: 'months' }, monthlyRateBp: 100, firstDueDate: '2026-12-25' },
  });
}

describe('agreement document and message', () => {
  it('the PDF names both parties, lists the título and the schedule, and carries one Pix block per installment with its txid', async () => {
    const a = await agreementWithSixInstallments();
    const doc = await tb.call('agreements.document', { id: a.id });
    expect(doc.fileName).toBe(`acordo-ACD-${a.id}.pdf`);
    const pdf = Buffer.from(doc.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = '.test-output/pdf';
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'acordo.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['TERMO DE ACORDO E CONFISSÃO DE DÍVIDA', '6 parcelas mensais', 'Distribuidora Aurora Ltda', '11.222.333/0001-81', 'Mercadinho São Jorge Ltda', 'NF 9001', 'R$ 10.350,00', 'Cláusula 3ª – Do inadimplemento', 'Testemunha 2']) {
      expect(text).toContain(expected);
    }
    for (const i of a.installments) {
      expect(text).toContain(i.documentNumber);
      expect(text).toContain(`txid ${i.pixTxid}`);
    }
  });

  it('the message lists the schedule with the next installment’s Pix (strictly parsed) and a wa.me link', async () => {
    const a = await agreementWithSixInstallments();
    const msg = await tb.call('agreements.message', { id: a.id });
    expect(msg.text).toContain('Olá, Jorge!');
    expect(msg.text).toContain(`• Entrada – 25/11/2026 – R$ 1.200,00`);
    expect(msg.text).toContain('CNPJ 11.222.333/0001-81');
    const pixLine = msg.text.split('\n').find((l) => l.startsWith('000201'))!;
    const pix = parsePixCode(pixLine);
    expect(pix).toMatchObject({ key: 'financeiro@aurora.com.br', amountCents: 120_000, txid: `ACDENT${a.id}` });
    expect(msg.whatsappUrl).toBe(`https://wa.me/5519998765432?text=${encodeURIComponent(msg.text)}`);
    expect(msg.mailtoUrl).toMatch(/^mailto:jorge@saojorge\.com\.br\?subject=Acordo%20ACD-/);

    // After the down payment is paid, the message moves on to installment 1.
    const down = a.installments[0]!;
    await tb.call('payments.register', { invoiceId: down.invoiceId, amountCents: down.amountCents, paidOn: AS_OF, method: 'pix' });
    const next = await tb.call('agreements.message', { id: a.id });
    expect(next.text).toContain('(paga)');
    expect(parsePixCode(next.text.split('\n').find((l) => l.startsWith('000201'))!).txid).toBe(`ACD${a.id}P1`);
  });

  it('without a Pix key the document still renders and says how to configure it', async () => {
    const a = await agreementWithSixInstallments({ ...COMPANY, pixKey: null });
    const doc = await tb.call('agreements.document', { id: a.id });
    const file = join(tb.dir, 'sem-pix.pdf');
    writeFileSync(file, Buffer.from(doc.base64, 'base64'));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Pix não configurado');
    expect((await tb.call('agreements.message', { id: a.id })).text).not.toContain('000201');
  });

  it('without the company configured, the termo and the message are refused with a pt-BR notice naming where to fill it in', async () => {
    const a = await agreementWithSixInstallments(null);
    for (const method of ['agreements.document', 'agreements.message'] as const) {
      const res = await tb.callRaw(method, { id: a.id });
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe('CONFLICT');
      expect(res.error.message).toMatch(/^Cadastre os dados da empresa em Configurações › Empresa antes de gerar (o termo de acordo|a mensagem ao cliente)/);
    }
  });

  it('says the installment count in proper pt-BR singular and plural', () => {
    expect(installmentCountWords(1, { unit: 'months' })).toBe('1 parcela mensal');
    expect(installmentCountWords(10, { unit: 'months' })).toBe('10 parcelas mensais');
    expect(installmentCountWords(3, { unit: 'days', days: 15 })).toBe('3 parcelas a cada 15 dias');
  });
});

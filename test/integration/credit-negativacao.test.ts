import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NegativacaoRecord } from '../../shared/ipc/credit.contract';
import { AS_OF, CNPJS, minusDays, openTestBackend, removeAllTempDirs, testClock, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

let tb: TestBackend;
let clock: ReturnType<typeof testClock>;
let customerId: number;

beforeEach(async () => {
  clock = testClock();
  tb = openTestBackend({ clock });
  customerId = (await tb.call('customers.create', validCustomer({ document: CNPJS[7]!, legalName: 'Devedora Comércio Ltda' }))).id;
});
afterEach(() => {
  tb.close();
  removeAllTempDirs();
});

async function overdueInvoice(daysOverdue: number, amountCents = 1_000_00, forCustomer = customerId) {
  return tb.call('invoices.create', validInvoice(forCustomer, { amountCents, dueDate: minusDays(AS_OF, daysOverdue), issueDate: minusDays(AS_OF, daysOverdue + 30) }));
}
const candidateIds = async () => (await tb.call('negativacao.candidates', {})).rows.map((r) => r.invoiceId);

describe('negativação candidates and gates', () => {
  it('only títulos 45+ days overdue, undisputed, of customers with a full address are candidates', async () => {
    const old = await overdueInvoice(60);
    const recent = await overdueInvoice(30);
    const disputed = await overdueInvoice(90);
    await tb.call('disputes.open', { invoiceId: disputed.id, reason: 'Mercadoria entregue com avaria' });
    const noAddress = (await tb.call('customers.create', validCustomer({ document: CNPJS[8]!, legalName: 'Sem Endereço Ltda', address: { street: null, streetNumber: null, complement: null, district: null, city: null, uf: null, postalCode: null } }))).id;
    await overdueInvoice(100, 5_000_00, noAddress);

    const c = await tb.call('negativacao.candidates', {});
    expect(c.rows.map((r) => r.invoiceId)).toEqual([old.id]);
    expect(c.rows[0]).toMatchObject({ daysOverdue: 60, openCents: 1_000_00, legalName: 'Devedora Comércio Ltda' });
    expect(c.rows[0]!.address).toBe('Rua das Flores, 100 · Centro · Campinas/SP · CEP 13010-000');
    // A lower minimum brings in the 30-day título, never the disputed one.
    expect((await tb.call('negativacao.candidates', { minDaysOverdue: 30 })).rows.map((r) => r.invoiceId).sort()).toEqual([old.id, recent.id].sort());
  });

  it('authorizing a disputed título is refused with the reason and nothing is written', async () => {
    const ok = await overdueInvoice(60);
    const disputed = await overdueInvoice(90);
    await tb.call('disputes.open', { invoiceId: disputed.id, reason: 'Cobrança em duplicidade' });
    const env = await tb.callRaw('negativacao.create', { invoiceIds: [ok.id, disputed.id] });
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('VALIDATION');
      expect(env.error.message).toContain('título contestado pelo cliente');
      expect(env.error.details?.fields).toEqual([{ path: 'invoiceIds.1', message: expect.stringContaining(disputed.documentNumber) }]);
    }
    expect(tb.raw().prepare('SELECT COUNT(*) FROM negativacoes').pluck().get()).toBe(0);
  });
});

describe('negativação status flow', () => {
  it('to send → sent → inscribed (protocol required) with who and when; the CSV lists what is to send', async () => {
    const inv = await overdueInvoice(60);
    const [rec] = await tb.call('negativacao.create', { invoiceIds: [inv.id] });
    expect(rec).toMatchObject({ status: 'to_send', authorizedBy: 'teste', amountCents: 1_000_00, nextStatuses: ['sent', 'removed'], recordLimitOn: '2031-09-26' });
    expect(await candidateIds()).toEqual([]);

    const csv = await tb.call('negativacao.exportCsv', {});
    const lines = csv.content.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('tipo;documento_devedor;nome_devedor;endereco;cep;numero_titulo;vencimento;valor;natureza;autorizado_por;autorizado_em');
    expect(lines[1]).toBe(`J;${rec!.document.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5')};Devedora Comércio Ltda;Rua das Flores, 100 · Centro · Campinas/SP · CEP 13010-000;13010000;${inv.documentNumber};26092026;1000,00;DM;teste;25112026`);

    const sent = await tb.call('negativacao.update', { id: rec!.id, status: 'sent', on: AS_OF, expectedUpdatedAt: rec!.updatedAt });
    expect(sent).toMatchObject({ status: 'sent', sentOn: AS_OF });
    const noProtocol = await tb.callRaw('negativacao.update', { id: rec!.id, status: 'inscribed', on: AS_OF, expectedUpdatedAt: sent.updatedAt });
    expect(noProtocol.ok).toBe(false);
    clock.advanceMs(60_000);
    const inscribed = await tb.call('negativacao.update', { id: rec!.id, status: 'inscribed', on: AS_OF, protocol: 'SER-2026-000123', expectedUpdatedAt: sent.updatedAt });
    expect(inscribed).toMatchObject({ status: 'inscribed', inscribedOn: AS_OF, protocol: 'SER-2026-000123', alert: null });
    const back = await tb.callRaw('negativacao.update', { id: rec!.id, status: 'sent', on: AS_OF, expectedUpdatedAt: inscribed.updatedAt });
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.error.message).toBe('Não é possível passar de "inscrito" para "enviado".');
    const act = (await tb.call('activity.list', { customerId, limit: 1 })).rows[0]!;
    expect(act).toMatchObject({ action: 'negativacao.inscribed', actor: 'teste', details: { protocol: 'SER-2026-000123' } });
  });

  it('full payment sets a removal alert 5 business days later, counting the 20 November holiday; late after it', async () => {
    const inv = await overdueInvoice(60);
    let [rec] = await tb.call('negativacao.create', { invoiceIds: [inv.id] });
    rec = await tb.call('negativacao.update', { id: rec!.id, status: 'sent', on: '2026-11-10', expectedUpdatedAt: rec!.updatedAt });
    clock.advanceMs(1000);
    rec = await tb.call('negativacao.update', { id: rec.id, status: 'inscribed', on: '2026-11-12', protocol: 'P-1', expectedUpdatedAt: rec.updatedAt });
    expect(await tb.call('negativacao.alerts', {})).toEqual([]);

    await tb.call('payments.register', { invoiceId: inv.id, amountCents: 1_000_00, paidOn: '2026-11-19', method: 'pix' });
    const [alert] = await tb.call('negativacao.alerts', {});
    expect(alert).toMatchObject({ id: rec.id, paidInFullOn: '2026-11-19', removalDueOn: '2026-11-27', alert: 'removal_due' });

    clock.set('2026-11-30T15:00:00.000Z');
    expect((await tb.call('negativacao.alerts', {}))[0]!.alert).toBe('removal_late');
    const requested: NegativacaoRecord = await tb.call('negativacao.update', { id: rec.id, status: 'removal_requested', on: '2026-11-30', expectedUpdatedAt: alert!.updatedAt });
    expect(requested).toMatchObject({ status: 'removal_requested', removalRequestedOn: '2026-11-30', paidInFullOn: '2026-11-19', removalDueOn: '2026-11-27', alert: null });
    expect(await tb.call('negativacao.alerts', {})).toEqual([]);
    const stored = tb.raw().prepare('SELECT paid_in_full_on, removal_due_on FROM negativacoes WHERE id = ?').get(rec.id);
    expect(stored).toEqual({ paid_in_full_on: '2026-11-19', removal_due_on: '2026-11-27' });
  });
});

describe('protest and collection agency', () => {
  it('use the same gates and flow, one live record per título and kind, and their own upload file', async () => {
    const inv = await overdueInvoice(60);
    await tb.call('negativacao.create', { invoiceIds: [inv.id] });
    expect((await tb.call('negativacao.candidates', { kind: 'protesto' })).rows.map((r) => r.invoiceId)).toEqual([inv.id]);
    const [protest] = await tb.call('negativacao.create', { kind: 'protesto', invoiceIds: [inv.id] });
    expect(protest).toMatchObject({ kind: 'protesto', status: 'to_send' });
    const again = await tb.callRaw('negativacao.create', { kind: 'protesto', invoiceIds: [inv.id] });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toContain('já enviado');
    expect((await tb.call('negativacao.list', { kind: 'protesto' })).map((r) => r.id)).toEqual([protest!.id]);
    expect((await tb.call('negativacao.exportCsv', { kind: 'protesto' })).fileName).toBe(`protesto-a-enviar-${AS_OF}.csv`);
    expect((await tb.call('negativacao.candidates', { kind: 'agencia' })).rows).toHaveLength(1);
  });
});

describe('pre-negativação letter', () => {
  it('needs the company data, then names debtor, address, título, the 10-day notice and the legal basis', async () => {
    const inv = await overdueInvoice(60);
    const [rec] = await tb.call('negativacao.create', { invoiceIds: [inv.id] });
    const refused = await tb.callRaw('negativacao.letterPdf', { id: rec!.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('Configurações › Empresa');

    await tb.call('settings.updateCompany', {
      legalName: 'Distribuidora Exemplo Ltda',
      tradeName: null,
      cnpj: '11.222.333/0001-81',
      address: { street: 'Rua das Flores', streetNumber: '120', complement: null, district: 'Centro', city: 'Campinas', uf: 'SP', postalCode: '13010-000' },
      phone: '(19) 3234-5678',
      email: 'cobranca@exemplo.com.br',
      pixKey: null,
      logo: null,
      defaultFineBp: 200,
      defaultMonthlyInterestBp: 100,
    });
    const pdf = await tb.call('negativacao.letterPdf', { id: rec!.id });
    const dir = join('.test-output', 'credit');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'aviso-negativacao.pdf');
    writeFileSync(path, Buffer.from(pdf.content, 'base64'));
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Devedora Comércio Ltda');
    expect(text).toContain('Rua das Flores, 100 · Centro · Campinas/SP · CEP 13010-000');
    expect(text).toContain(inv.documentNumber);
    expect(text).toContain('10 (dez) dias');
    expect(text).toContain('art. 43, § 2º, do Código de Defesa do Consumidor');
    expect(text).toContain('Súmula 359');
    expect(text).toContain('CNPJ 11.222.333/0001-81');
  });
});

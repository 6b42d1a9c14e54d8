import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_POLICY } from '../../shared/domain/credit';
import { AS_OF, CNPJS, minusDays, openTestBackend, removeAllTempDirs, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

let tb: TestBackend;
beforeEach(() => {
  tb = openTestBackend();
});
afterEach(() => {
  tb.close();
  removeAllTempDirs();
});

/** Numeric CNPJ check digits (mod 11), written independently of the app's validator. */
function withCheckDigits(twelve: string): string {
  const digit = (base: string) => {
    const weights = base.length === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const sum = [...base].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
    const r = sum % 11;
    return r < 2 ? '0' : String(11 - r);
  };
  const d1 = digit(twelve);
  return twelve + d1 + digit(twelve + d1);
}

async function customer(document: string, creditLimitCents: number, legalName: string) {
  return (await tb.call('customers.create', validCustomer({ document, creditLimitCents, legalName }))).id;
}

describe('branches of one company share exposure and limit', () => {
  it('the exposure ratio of a branch counts its sister branch’s open balance and both limits', async () => {
    const root = CNPJS[0]!.slice(0, 8);
    const matriz = await customer(withCheckDigits(`${root}0001`), 10_000_00, 'Rede Matriz Ltda');
    const filial = await customer(withCheckDigits(`${root}0002`), 10_000_00, 'Rede Filial Ltda');
    const other = await customer(CNPJS[1]!, 10_000_00, 'Outra Empresa Ltda');
    await tb.call('invoices.create', validInvoice(matriz, { amountCents: 5_000_00, dueDate: '2026-12-20', issueDate: '2026-11-01' }));
    await tb.call('invoices.create', validInvoice(filial, { amountCents: 20_000_00, dueDate: '2026-12-20', issueDate: '2026-11-01' }));
    await tb.call('invoices.create', validInvoice(other, { amountCents: 5_000_00, dueDate: '2026-12-20', issueDate: '2026-11-01' }));
    await tb.call('credit.recompute', {});
    const m = await tb.call('credit.customer', { customerId: matriz });
    expect(m.features).toMatchObject({ openCents: 5_000_00, exposureCents: 25_000_00, creditLimitCents: 20_000_00 });
    expect(m.reasons.find((r) => r.factor === 'exposure')!.pt).toBe('exposição de 125% do limite de crédito');
    // Over the shared limit: the matriz is blocked although its own balance is half its own limit.
    expect(m.verdict.blocked).toBe(true);
    const o = await tb.call('credit.customer', { customerId: other });
    expect(o.features).toMatchObject({ exposureCents: 5_000_00, creditLimitCents: 10_000_00 });
    expect(o.verdict.blocked).toBe(false);
    // The per-customer rescoring reads the branches too and agrees with the full recompute.
    expect((await tb.call('credit.scoreCustomer', { customerId: matriz })).features).toEqual(m.features);
  });
});

describe('policy, blocked list and review list', () => {
  it('a customer overdue past its class threshold is on the blocked list and in the CSV; policy edits change that', async () => {
    const late = await customer(CNPJS[2]!, 50_000_00, 'Atrasada Comércio Ltda');
    const fine = await customer(CNPJS[3]!, 50_000_00, 'Pontual Comércio Ltda');
    await tb.call('invoices.create', validInvoice(late, { amountCents: 1_000_00, dueDate: minusDays(AS_OF, 40), issueDate: minusDays(AS_OF, 70) }));
    await tb.call('invoices.create', validInvoice(fine, { amountCents: 1_000_00, dueDate: '2026-12-20', issueDate: '2026-11-01' }));
    await tb.call('credit.recompute', {});

    const blocked = await tb.call('credit.blockedList', {});
    expect(blocked.map((b) => b.customerId)).toEqual([late]);
    expect(blocked[0]).toMatchObject({ legalName: 'Atrasada Comércio Ltda', oldestOverdueDays: 40, overdueCents: 1_000_00 });
    expect(blocked[0]!.verdict.reasons.map((r) => r.pt).join(' ')).toContain('vencido há 40 dias');

    const csv = await tb.call('credit.blockedCsv', {});
    expect(csv.fileName).toBe(`bloqueados-somente-a-vista-${AS_OF}.csv`);
    expect(csv.rowCount).toBe(1);
    const lines = csv.content.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Cliente;CNPJ/CPF;Vendedor;Cidade;UF;Score;Classe;Situação;Vencido (R$);Dias do vencido mais antigo;Motivos');
    expect(lines[1]).toContain('Atrasada Comércio Ltda;');
    expect(lines[1]).toContain(';Bloqueado;1000,00;40;');

    const pdf = await tb.call('credit.blockedPdf', {});
    expect(pdf).toMatchObject({ fileName: `bloqueados-somente-a-vista-${AS_OF}.pdf`, mimeType: 'application/pdf', rowCount: 1 });
    const pdfPath = join(tb.dir, pdf.fileName);
    writeFileSync(pdfPath, Buffer.from(pdf.content, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Bloqueados / somente à vista');
    expect(text).toContain('Atrasada Comércio Ltda');
    expect(text).toMatch(/1 clientes sem venda a prazo em 25\/11\/2026: 1 bloqueados e 0 somente à vista/);

    // Relax every class to block only from 60 days: nobody is blocked any more.
    const relaxed = Object.fromEntries(Object.entries(DEFAULT_CREDIT_POLICY).map(([k, p]) => [k, { ...p, blockAfterDaysOverdue: 60 }])) as typeof DEFAULT_CREDIT_POLICY;
    await tb.call('credit.savePolicy', { policy: relaxed });
    expect((await tb.call('credit.policy', {})).A.blockAfterDaysOverdue).toBe(60);
    const after = await tb.call('credit.blockedList', {});
    expect(after.filter((b) => b.verdict.blocked)).toEqual([]);
  });

  it('the review list proposes lowering a limit above the class maximum, with the reason', async () => {
    const risky = await customer(CNPJS[4]!, 900_000_00, 'Limite Alto Ltda');
    await tb.call('invoices.create', validInvoice(risky, { amountCents: 30_000_00, dueDate: minusDays(AS_OF, 100), issueDate: minusDays(AS_OF, 130) }));
    await tb.call('credit.recompute', {});
    const risk = await tb.call('credit.customer', { customerId: risky });
    const review = await tb.call('credit.reviewList', {});
    const row = review.find((r) => r.customerId === risky)!;
    expect(row.review.action).toBe('lower');
    expect(row.review.suggestedLimitCents).toBe(DEFAULT_CREDIT_POLICY[risk.riskClass].maxLimitCents);
    expect(row.review.reasons[0]!.pt).toContain(`acima do máximo da classe ${risk.riskClass}`);
  });

  it('a policy with a negative limit is refused naming the field', async () => {
    const bad = { ...DEFAULT_CREDIT_POLICY, B: { ...DEFAULT_CREDIT_POLICY.B, maxLimitCents: -1 } };
    const env = await tb.callRaw('credit.savePolicy', { policy: bad });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toBe('Dados inválidos em policy.B.maxLimitCents: Limite máximo não pode ser negativo');
  });
});

describe('broken promises and agreements', () => {
  it('a promise found broken on or before the date counts against the score; a later one does not', async () => {
    const id = await customer(CNPJS[5]!, 50_000_00, 'Promete Ltda');
    await tb.call('invoices.create', validInvoice(id, { amountCents: 1_000_00, dueDate: minusDays(AS_OF, 20), issueDate: minusDays(AS_OF, 50) }));
    const before = await tb.call('credit.scoreCustomer', { customerId: id });
    const insert = tb.raw().prepare(
      `INSERT INTO promises (customer_id, promised_date, amount_cents, status, resolved_at, created_on, created_at, created_by, updated_at)
       VALUES (?, ?, 1000, 'broken', ?, ?, ?, 'teste', ?)`,
    );
    for (const day of [minusDays(AS_OF, 10), minusDays(AS_OF, 5)]) insert.run(id, day, `${day}T12:00:00Z`, minusDays(day, 5), `${day}T12:00:00Z`, `${day}T12:00:00Z`);
    insert.run(id, '2026-11-30', '2026-11-30T12:00:00Z', '2026-11-26', '2026-11-30T12:00:00Z', '2026-11-30T12:00:00Z');
    const after = await tb.call('credit.scoreCustomer', { customerId: id });
    expect(after.features.brokenPromises).toBe(2);
    expect(after.reasons.find((r) => r.factor === 'brokenPromises')!.pt).toBe('2 promessa(s) ou acordo(s) quebrado(s)');
    expect(after.score).toBeLessThan(before.score);
  });
});

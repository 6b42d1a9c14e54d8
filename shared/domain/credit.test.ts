import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_POLICY, reviewLimit, salesVerdict, suggestNewCustomerLimit, type SalesStanding } from './credit';

const good: SalesStanding = { riskClass: 'A', oldestOverdueDays: null, exposureCents: 10_000_00, creditLimitCents: 50_000_00, status: 'active' };

describe('salesVerdict', () => {
  it('a class A customer with nothing overdue may buy on credit', () => {
    expect(salesVerdict(good, DEFAULT_CREDIT_POLICY)).toEqual({ blocked: false, cashOnly: false, reasons: [] });
  });
  it('blocks from the class threshold of days overdue (inclusive), naming the days', () => {
    expect(salesVerdict({ ...good, oldestOverdueDays: 29 }, DEFAULT_CREDIT_POLICY).blocked).toBe(false);
    const v = salesVerdict({ ...good, oldestOverdueDays: 30 }, DEFAULT_CREDIT_POLICY);
    expect(v.blocked).toBe(true);
    expect(v.reasons[0]!.pt).toBe('título vencido há 30 dias (a classe A bloqueia a partir de 30)');
    expect(salesVerdict({ ...good, riskClass: 'D', oldestOverdueDays: 7 }, DEFAULT_CREDIT_POLICY).blocked).toBe(true);
  });
  it('blocks over the limit and when blocked by hand', () => {
    const over = salesVerdict({ ...good, exposureCents: 60_000_00 }, DEFAULT_CREDIT_POLICY);
    expect(over.blocked).toBe(true);
    expect(over.reasons[0]!.pt).toMatch(/^saldo em aberto de R\$\s60\.000,00 acima do limite de R\$\s50\.000,00$/);
    expect(salesVerdict({ ...good, status: 'blocked' }, DEFAULT_CREDIT_POLICY).reasons[0]!.pt).toBe('bloqueado manualmente no cadastro');
  });
  it('class E is cash only without being blocked', () => {
    const v = salesVerdict({ ...good, riskClass: 'E', creditLimitCents: 0, exposureCents: 0 }, DEFAULT_CREDIT_POLICY);
    expect(v).toMatchObject({ blocked: false, cashOnly: true });
    expect(v.reasons.map((r) => r.pt)).toEqual(['classe E: somente à vista']);
  });
});

describe('reviewLimit', () => {
  it('lowers a limit above the class maximum to that maximum', () => {
    const r = reviewLimit({ ...good, riskClass: 'D', score: 400, creditLimitCents: 50_000_00 }, DEFAULT_CREDIT_POLICY);
    expect(r).toMatchObject({ action: 'lower', suggestedLimitCents: 20_000_00 });
    expect(r.reasons[0]!.pt).toContain('acima do máximo da classe D');
  });
  it('raises a good customer using 80%+ with nothing overdue: 30% over use, in R$ 1.000 steps, within the class maximum', () => {
    const r = reviewLimit({ ...good, score: 900, exposureCents: 45_000_00 }, DEFAULT_CREDIT_POLICY);
    expect(r).toMatchObject({ action: 'raise', suggestedLimitCents: 59_000_00 }); // 45.000 × 1,3 = 58.500 → 59.000
    expect(r.reasons[0]!.pt).toBe('usa 90% do limite, classe A (score 900) e nada vencido');
    const capped = reviewLimit({ ...good, score: 900, creditLimitCents: 480_000_00, exposureCents: 470_000_00 }, DEFAULT_CREDIT_POLICY);
    expect(capped.suggestedLimitCents).toBe(500_000_00);
  });
  it('keeps when nothing calls for a change (overdue, low use, or class C)', () => {
    expect(reviewLimit({ ...good, score: 900 }, DEFAULT_CREDIT_POLICY).action).toBe('keep');
    expect(reviewLimit({ ...good, score: 900, exposureCents: 45_000_00, oldestOverdueDays: 3 }, DEFAULT_CREDIT_POLICY).action).toBe('keep');
    expect(reviewLimit({ ...good, riskClass: 'C', score: 550, exposureCents: 45_000_00 }, DEFAULT_CREDIT_POLICY).action).toBe('keep');
  });
});

describe('suggestNewCustomerLimit', () => {
  const complete = { cnpjCard: true, articles: true, addressProof: true, partnerIds: true, financialStatements: true };
  const goodRef = { company: 'Fornecedor Alfa', paysOnTime: true, highestCreditCents: 80_000_00 };

  it('a good bureau score, full documents and a good reference: the request within class B and the reference', () => {
    const s = suggestNewCustomerLimit({ requestedLimitCents: 60_000_00, bureauScore: 720, checklist: complete, references: [goodRef] }, DEFAULT_CREDIT_POLICY);
    expect(s).toMatchObject({ provisionalClass: 'B', suggestedLimitCents: 60_000_00 });
    expect(s.reasons.map((r) => r.pt)).toEqual(['score de bureau 720: classe provisória B']);
  });
  it('capped by the highest reference and rounded down to R$ 1.000', () => {
    const s = suggestNewCustomerLimit({ requestedLimitCents: 60_000_00, bureauScore: 720, checklist: complete, references: [{ ...goodRef, highestCreditCents: 25_500_00 }] }, DEFAULT_CREDIT_POLICY);
    expect(s.suggestedLimitCents).toBe(25_000_00);
    expect(s.reasons.at(-1)!.pt).toMatch(/^maior crédito nas referências: R\$\s25\.500,00$/);
  });
  it('a negative reference drops a class; without statements the cap applies', () => {
    const s = suggestNewCustomerLimit(
      { requestedLimitCents: 150_000_00, bureauScore: 720, checklist: { ...complete, financialStatements: false }, references: [{ ...goodRef, highestCreditCents: 200_000_00 }, { company: 'Beta', paysOnTime: false, highestCreditCents: 0 }] },
      DEFAULT_CREDIT_POLICY,
    );
    expect(s.provisionalClass).toBe('C');
    expect(s.suggestedLimitCents).toBe(50_000_00);
  });
  it('missing required documents → zero (cash only) naming them', () => {
    const s = suggestNewCustomerLimit({ requestedLimitCents: 10_000_00, bureauScore: 900, checklist: { cnpjCard: true }, references: [goodRef] }, DEFAULT_CREDIT_POLICY);
    expect(s.suggestedLimitCents).toBe(0);
    expect(s.reasons.at(-1)!.pt).toBe('documentos pendentes (contrato social, comprovante de endereço, documentos dos sócios): somente à vista até completar');
  });
});

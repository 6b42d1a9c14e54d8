import { describe, it, expect } from 'vitest';
import { MSG_FINE_COMPANY_ABOVE_10, MSG_FINE_PF_ABOVE_2, parseFactor, updateDebt, validateFine } from './interest';
import { createBankCalendar } from './bank-calendar';

const base = { principalCents: 1_000_000, finePercentBp: 200, monthlyInterestBp: 100 };

describe('updateDebt: DOMAIN.md worked examples', () => {
  it('R$ 10.000,00, 2%, 1% a.m., 45 days → 200,00 + 150,00 = 10.350,00', () => {
    expect(updateDebt({ ...base, dueDate: '2026-01-10', asOf: '2026-02-24' })).toEqual({
      daysLate: 45,
      effectiveDueDate: '2026-01-10',
      correctedPrincipalCents: 1_000_000,
      fineCents: 20_000,
      interestCents: 15_000,
      discountsCents: 0,
      totalCents: 1_035_000,
    });
  });
  it('with F = 1,0123 → Pc 10.123,00, multa 202,46, juros 151,85 (151,845 rounded up), total 10.477,31', () => {
    for (const correctionFactor of ['1.0123', '1,0123', { num: 10123n, den: 10000n }] as const) {
      const r = updateDebt({ ...base, dueDate: '2026-01-10', asOf: '2026-02-24', correctionFactor });
      expect(r.correctedPrincipalCents).toBe(1_012_300);
      expect(r.fineCents).toBe(20_246);
      expect(r.interestCents).toBe(15_185);
      expect(r.totalCents).toBe(1_047_731);
    }
  });
});

describe('updateDebt: days and rounding', () => {
  it('not yet due or due today: nothing added', () => {
    for (const asOf of ['2026-01-01', '2026-01-10']) {
      const r = updateDebt({ ...base, dueDate: '2026-01-10', asOf });
      expect(r).toMatchObject({ daysLate: 0, fineCents: 0, interestCents: 0, totalCents: 1_000_000 });
    }
  });
  it('one day late: full multa, one day of juros', () => {
    const r = updateDebt({ ...base, dueDate: '2026-01-10', asOf: '2026-01-11' });
    expect(r).toMatchObject({ daysLate: 1, fineCents: 20_000, interestCents: 333, totalCents: 1_020_333 });
  });
  it('rounds each part half-up separately', () => {
    // 123,45: multa 2,469 → 2,47; juros 123,45 × 1% / 30 × 45 = 1,85175 → 1,85
    const r = updateDebt({ principalCents: 12_345, finePercentBp: 200, monthlyInterestBp: 100, dueDate: '2026-01-10', asOf: '2026-02-24' });
    expect(r).toMatchObject({ fineCents: 247, interestCents: 185, totalCents: 12_777 });
    // 0,15 × 1% / 30 × 100 days = 0,005 → exactly half → 0,01
    const h = updateDebt({ principalCents: 15, finePercentBp: 0, monthlyInterestBp: 100, dueDate: '2026-01-01', asOf: '2026-04-11' });
    expect(h).toMatchObject({ daysLate: 100, interestCents: 1, totalCents: 16 });
    // 1.000,00 × 1% / 30 × 2 = 0,6667 → 0,67
    expect(updateDebt({ principalCents: 100_000, finePercentBp: 0, monthlyInterestBp: 100, dueDate: '2026-01-01', asOf: '2026-01-03' }).interestCents).toBe(67);
  });
  it('counts across a leap day', () => {
    const r = updateDebt({ ...base, dueDate: '2024-02-28', asOf: '2024-03-01' });
    expect(r.daysLate).toBe(2);
    expect(r.interestCents).toBe(667);
  });
  it('subtracts discounts', () => {
    const r = updateDebt({ ...base, dueDate: '2026-01-10', asOf: '2026-02-24', discountsCents: 15_000 });
    expect(r).toMatchObject({ discountsCents: 15_000, totalCents: 1_020_000 });
  });
  it('zero rates', () => {
    const r = updateDebt({ principalCents: 50_000, finePercentBp: 0, monthlyInterestBp: 0, dueDate: '2026-01-10', asOf: '2026-12-31' });
    expect(r).toMatchObject({ fineCents: 0, interestCents: 0, totalCents: 50_000 });
  });
});

describe('updateDebt: business-day due date', () => {
  const cal = createBankCalendar();
  it('a due date on Saturday before Carnival moves to Ash Wednesday: paid then, no charges', () => {
    const r = updateDebt({ ...base, dueDate: '2026-02-14', asOf: '2026-02-18', calendar: cal });
    expect(r).toMatchObject({ effectiveDueDate: '2026-02-18', daysLate: 0, fineCents: 0, interestCents: 0, totalCents: 1_000_000 });
  });
  it('once past the effective due date, days count from the original due date', () => {
    const r = updateDebt({ ...base, dueDate: '2026-02-14', asOf: '2026-02-19', calendar: cal });
    expect(r).toMatchObject({ daysLate: 5, fineCents: 20_000, interestCents: 1_667, totalCents: 1_021_667 });
  });
  it('without a calendar the weekend is not forgiven', () => {
    const r = updateDebt({ ...base, dueDate: '2026-02-14', asOf: '2026-02-18' });
    expect(r).toMatchObject({ effectiveDueDate: '2026-02-14', daysLate: 4 });
  });
  it('a due date on a business day is unchanged', () => {
    const r = updateDebt({ ...base, dueDate: '2026-02-13', asOf: '2026-02-18', calendar: cal });
    expect(r).toMatchObject({ effectiveDueDate: '2026-02-13', daysLate: 5 });
  });
});

describe('updateDebt: invalid input', () => {
  it('rejects bad amounts, rates and dates', () => {
    const ok = { ...base, dueDate: '2026-01-10', asOf: '2026-02-24' };
    expect(() => updateDebt({ ...ok, principalCents: 10.5 })).toThrow();
    expect(() => updateDebt({ ...ok, principalCents: -1 })).toThrow();
    expect(() => updateDebt({ ...ok, finePercentBp: 2.5 })).toThrow();
    expect(() => updateDebt({ ...ok, monthlyInterestBp: -100 })).toThrow();
    expect(() => updateDebt({ ...ok, discountsCents: -1 })).toThrow();
    expect(() => updateDebt({ ...ok, asOf: '2026-02-30' })).toThrow();
    expect(() => updateDebt({ ...ok, correctionFactor: 'abc' })).toThrow();
    expect(() => updateDebt({ ...ok, correctionFactor: '-1.01' })).toThrow();
    expect(() => updateDebt({ ...ok, principalCents: Number.MAX_SAFE_INTEGER, correctionFactor: '2' })).toThrow();
  });
});

describe('parseFactor', () => {
  it('parses exact decimals', () => {
    expect(parseFactor('1.0123')).toEqual({ num: 10123n, den: 10000n });
    expect(parseFactor(' 1,5 ')).toEqual({ num: 15n, den: 10n });
    expect(parseFactor('1')).toEqual({ num: 1n, den: 1n });
    expect(parseFactor('0.98765432109876543210')).toEqual({ num: 98765432109876543210n, den: 10n ** 20n });
  });
  it('rejects invalid factors', () => {
    for (const f of ['', '1.', '.5', '1.2.3', '0', '0.000', 'abc', '1e2']) expect(() => parseFactor(f)).toThrow();
    expect(() => parseFactor({ num: 1n, den: 0n })).toThrow();
    expect(() => parseFactor({ num: -1n, den: 1n })).toThrow();
  });
});

describe('validateFine', () => {
  it('PF: up to 2% ok, above blocked with the CDC message', () => {
    expect(validateFine({ kind: 'PF', finePercentBp: 200 })).toEqual({ ok: true, warning: null });
    expect(validateFine({ kind: 'PF', finePercentBp: 0 })).toEqual({ ok: true, warning: null });
    expect(validateFine({ kind: 'PF', finePercentBp: 201 })).toEqual({ ok: false, message: MSG_FINE_PF_ABOVE_2 });
    expect(MSG_FINE_PF_ABOVE_2).toBe('Multa acima de 2% é vedada para consumidor pessoa física (CDC art. 52 §1º)');
  });
  it('companies: allowed, warned above 10%', () => {
    for (const kind of ['PJ', 'EMPRESARIO_INDIVIDUAL'] as const) {
      expect(validateFine({ kind, finePercentBp: 500 })).toEqual({ ok: true, warning: null });
      expect(validateFine({ kind, finePercentBp: 1000 })).toEqual({ ok: true, warning: null });
      expect(validateFine({ kind, finePercentBp: 1001 })).toEqual({ ok: true, warning: MSG_FINE_COMPANY_ABOVE_10 });
    }
  });
  it('rejects invalid percentages', () => {
    expect(validateFine({ kind: 'PJ', finePercentBp: -1 }).ok).toBe(false);
    expect(validateFine({ kind: 'PJ', finePercentBp: 1.5 }).ok).toBe(false);
  });
});

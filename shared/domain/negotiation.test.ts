import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICIES,
  NegotiationInputError,
  checkPolicy,
  evaluateOffer,
  formatBasisPoints,
  priceSchedule,
  reinstateAfterBreach,
  updateDebtLines,
  type DebtTotals,
  type Offer,
} from './negotiation';

const CHARGES = { finePercentBp: 200, monthlyInterestBp: 100 };
const AS_OF = '2026-02-24';

/** mulberry32: a seeded rng so the property loops are the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const noDiscount = { waiveFine: false, waiveInterest: false, discountBp: 0 };

type InstallmentOffer = Extract<Offer, { kind: 'installments' }>;
function installments(overrides: Partial<InstallmentOffer> = {}): InstallmentOffer {
  return {
    kind: 'installments',
    ...noDiscount,
    downPaymentCents: 0,
    downPaymentDate: AS_OF,
    installmentCount: 6,
    interval: { unit: 'months' },
    monthlyRateBp: 0,
    firstDueDate: '2026-03-24',
    ...overrides,
  };
}

const debt = (totalCents: number, fineCents = 0, interestCents = 0): DebtTotals => ({
  principalCents: totalCents - fineCents - interestCents,
  correctionCents: 0,
  fineCents,
  interestCents,
  totalCents,
});

describe('updateDebtLines', () => {
  it('DOMAIN.md worked example: R$ 10.000,00, 45 days late → 200,00 + 150,00 = 10.350,00', () => {
    const r = updateDebtLines([{ invoiceId: 1, documentNumber: 'NF 1', dueDate: '2026-01-10', openCents: 1_000_000 }], CHARGES, AS_OF);
    expect(r.lines[0]).toEqual({
      invoiceId: 1,
      documentNumber: 'NF 1',
      dueDate: '2026-01-10',
      daysLate: 45,
      principalCents: 1_000_000,
      correctionCents: 0,
      fineCents: 20_000,
      interestCents: 15_000,
      totalCents: 1_035_000,
    });
  });

  it('with correção F = 1,0123 → correction 123,00, multa 202,46, juros 151,85, total 10.477,31', () => {
    const r = updateDebtLines([{ invoiceId: 1, documentNumber: 'NF 1', dueDate: '2026-01-10', openCents: 1_000_000, correctionFactor: '1,0123' }], CHARGES, AS_OF);
    expect(r.lines[0]).toMatchObject({ correctionCents: 12_300, fineCents: 20_246, interestCents: 15_185, totalCents: 1_047_731 });
  });

  it('with a bank calendar, a due date on a weekend paid on the next business day costs nothing', () => {
    const saturday = { invoiceId: 1, documentNumber: 'NF 1', dueDate: '2026-02-21', openCents: 100_000 };
    const calendar = { nextBusinessDay: (iso: string) => (iso === '2026-02-21' ? '2026-02-23' : iso) };
    expect(updateDebtLines([saturday], CHARGES, '2026-02-23', calendar).totals.totalCents).toBe(100_000);
    expect(updateDebtLines([saturday], CHARGES, '2026-02-23').lines[0]!.daysLate).toBe(2);
  });

  it('sums the lines; a título not yet due adds no charges', () => {
    const r = updateDebtLines(
      [
        { invoiceId: 1, documentNumber: 'A', dueDate: '2026-01-10', openCents: 1_000_000 },
        { invoiceId: 2, documentNumber: 'B', dueDate: '2026-03-10', openCents: 50_000 },
      ],
      CHARGES,
      AS_OF,
    );
    expect(r.lines[1]).toMatchObject({ daysLate: 0, fineCents: 0, interestCents: 0, totalCents: 50_000 });
    expect(r.totals).toEqual({ principalCents: 1_050_000, correctionCents: 0, fineCents: 20_000, interestCents: 15_000, totalCents: 1_085_000 });
  });
});

describe('evaluateOffer: pay at once', () => {
  const d = debt(1_035_000, 20_000, 15_000);
  it('waiving juros leaves principal + multa, one payment', () => {
    const r = evaluateOffer(d, { kind: 'cash', waiveFine: false, waiveInterest: true, discountBp: 0, dueDate: AS_OF }, AS_OF);
    expect(r).toMatchObject({ waivedInterestCents: 15_000, waivedFineCents: 0, discountCents: 15_000, negotiatedCents: 1_020_000, totalToPayCents: 1_020_000 });
    expect(r.schedule).toEqual([{ kind: 'cash', number: 1, of: 1, dueDate: AS_OF, amountCents: 1_020_000, principalCents: 1_020_000, interestCents: 0 }]);
    expect(r.discountBp).toBe(145); // 15 000 / 1 035 000 = 1,449…%
  });
  it('% off applies to what remains after the waivers, rounded half-up', () => {
    const r = evaluateOffer(d, { kind: 'cash', waiveFine: true, waiveInterest: true, discountBp: 333, dueDate: AS_OF }, AS_OF);
    // 1 000 000 × 3,33% = 33 300
    expect(r).toMatchObject({ percentDiscountCents: 33_300, discountCents: 68_300, negotiatedCents: 966_700 });
    const odd = evaluateOffer(debt(12_345), { kind: 'cash', ...noDiscount, discountBp: 1_250, dueDate: AS_OF }, AS_OF);
    expect(odd.percentDiscountCents).toBe(1_543); // 1 543,125 → 1 543
  });
  it('refuses a payment date before the as-of date and a discount that leaves nothing', () => {
    expect(() => evaluateOffer(d, { kind: 'cash', ...noDiscount, dueDate: '2026-02-23' }, AS_OF)).toThrow(NegotiationInputError);
    expect(() => evaluateOffer(d, { kind: 'cash', waiveFine: true, waiveInterest: true, discountBp: 10_000, dueDate: AS_OF }, AS_OF)).toThrow(/maior que zero/);
    expect(() => evaluateOffer(d, { kind: 'cash', ...noDiscount, discountBp: 10_001, dueDate: AS_OF }, AS_OF)).toThrow(/entre 0% e 100%/);
  });
});

describe('evaluateOffer: installments (Tabela Price)', () => {
  it('R$ 10.000,00 at 1% a.m. in 12 → payment 888,49 (textbook value), last absorbs the remainder', () => {
    const r = evaluateOffer(debt(1_000_000), installments({ installmentCount: 12, monthlyRateBp: 100 }), AS_OF);
    const amounts = r.schedule.map((s) => s.amountCents);
    expect(amounts.slice(0, 11)).toEqual(new Array(11).fill(88_849));
    expect(r.schedule[0]).toMatchObject({ interestCents: 10_000, principalCents: 78_849 });
    expect(r.schedule.reduce((s, e) => s + e.principalCents, 0)).toBe(1_000_000);
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(r.totalToPayCents);
    expect(r.totalToPayCents).toBe(1_000_000 + r.financingInterestCents);
    expect(Math.abs(amounts[11]! - 88_849)).toBeLessThanOrEqual(5);
  });

  it('no interest: an even split with the last installment absorbing the remainder', () => {
    const r = evaluateOffer(debt(100_000), installments({ installmentCount: 3 }), AS_OF);
    expect(r.schedule.map((s) => s.amountCents)).toEqual([33_333, 33_333, 33_334]);
    expect(r.financingInterestCents).toBe(0);
  });

  it('a down payment comes first; monthly due dates count from the first one and clamp to month ends', () => {
    const r = evaluateOffer(debt(100_000), installments({ downPaymentCents: 10_000, installmentCount: 4, firstDueDate: '2026-03-31' }), AS_OF);
    expect(r.schedule.map((s) => [s.kind, s.number, s.of, s.dueDate, s.amountCents])).toEqual([
      ['down', 1, 1, AS_OF, 10_000],
      ['installment', 1, 4, '2026-03-31', 22_500],
      ['installment', 2, 4, '2026-04-30', 22_500],
      ['installment', 3, 4, '2026-05-31', 22_500],
      ['installment', 4, 4, '2026-06-30', 22_500],
    ]);
  });

  it('a day interval uses the proportional period rate (monthly × days/30)', () => {
    // 15 days at 2% a.m. → 1% per period: the textbook 888,49 again for 12 × R$ 10.000,00.
    const r = evaluateOffer(debt(1_000_000), installments({ installmentCount: 12, monthlyRateBp: 200, interval: { unit: 'days', days: 15 }, firstDueDate: '2026-03-01' }), AS_OF);
    expect(r.schedule[0]!.amountCents).toBe(88_849);
    expect(r.schedule.map((s) => s.dueDate).slice(0, 3)).toEqual(['2026-03-01', '2026-03-16', '2026-03-31']);
  });

  it('refuses what a clerk must fix, naming the field', () => {
    const d = debt(100_000);
    const field = (o: Offer) => {
      try {
        evaluateOffer(d, o, AS_OF);
        return null;
      } catch (e) {
        return e instanceof NegotiationInputError ? e.field : String(e);
      }
    };
    expect(field(installments({ installmentCount: 0 }))).toBe('installmentCount');
    expect(field(installments({ installmentCount: 121 }))).toBe('installmentCount');
    expect(field(installments({ downPaymentCents: 100_000 }))).toBe('downPaymentCents');
    expect(field(installments({ downPaymentCents: -1 }))).toBe('downPaymentCents');
    expect(field(installments({ firstDueDate: '2026-02-01' }))).toBe('firstDueDate');
    expect(field(installments({ downPaymentCents: 1_000, firstDueDate: AS_OF }))).toBe('firstDueDate');
    expect(field(installments({ monthlyRateBp: 2_001 }))).toBe('monthlyRateBp');
    expect(field(installments({ interval: { unit: 'days', days: 0 } }))).toBe('interval');
    // R$ 100,00 in 120 installments would be R$ 0,83 each: below the R$ 1,00 floor.
    expect(field({ ...installments({ installmentCount: 120 }) })).toBe(null);
    expect((() => {
      try {
        return evaluateOffer(debt(10_000), installments({ installmentCount: 120 }), AS_OF);
      } catch (e) {
        return (e as NegotiationInputError).field;
      }
    })()).toBe('installmentCount');
  });

  it('property: for many random deals the schedule sums exactly and every amount is positive', () => {
    const r = rng(20261125);
    const failures: string[] = [];
    let checked = 0;
    for (let i = 0; i < 2_000; i++) {
      const total = r.int(1_000, 500_000_000);
      const fine = r.int(0, Math.floor(total / 20));
      const interest = r.int(0, Math.floor(total / 10));
      const d = debt(total, fine, interest);
      const count = r.int(1, 60);
      const monthlyRateBp = r.next() < 0.3 ? 0 : r.int(1, 500);
      const days = r.next() < 0.5 ? null : r.int(7, 45);
      const rate = (monthlyRateBp / 10_000) * (days === null ? 1 : days / 30);
      const offer = installments({
        waiveFine: r.next() < 0.5,
        waiveInterest: r.next() < 0.5,
        discountBp: r.int(0, 3_000),
        installmentCount: count,
        monthlyRateBp,
        interval: days === null ? { unit: 'months' } : { unit: 'days', days },
        firstDueDate: '2026-03-15',
      });
      let res;
      try {
        const negotiated = evaluateOffer(d, { kind: 'cash', waiveFine: offer.waiveFine, waiveInterest: offer.waiveInterest, discountBp: offer.discountBp, dueDate: AS_OF }, AS_OF).negotiatedCents;
        const down = r.next() < 0.5 ? 0 : r.int(0, Math.max(0, negotiated - count * 100 - 1));
        res = evaluateOffer(d, { ...offer, downPaymentCents: down }, AS_OF);
      } catch (e) {
        if (!(e instanceof NegotiationInputError)) throw e; // only too-small installments may be refused
        continue;
      }
      checked++;
      const inst = res.schedule.filter((e) => e.kind === 'installment');
      const first = inst[0]!.amountCents;
      // The last installment absorbs the rounding: at most one centavo per period, carried forward with
      // interest, i.e. ((1+r)^n − 1) / r centavos (n with no interest).
      const bound = rate === 0 ? count : Math.ceil(((1 + rate) ** count - 1) / rate);
      const broken = [
        res.schedule.reduce((s, e) => s + e.amountCents, 0) !== res.totalToPayCents && 'schedule ≠ total',
        res.schedule.reduce((s, e) => s + e.principalCents, 0) !== res.negotiatedCents && 'principal parts ≠ negotiated',
        res.negotiatedCents + res.discountCents !== total && 'negotiated + discount ≠ debt',
        res.schedule.some((e) => !Number.isSafeInteger(e.amountCents) || e.amountCents <= 0 || e.principalCents + e.interestCents !== e.amountCents) && 'bad entry',
        inst.slice(0, -1).some((e) => e.amountCents !== first) && 'unequal payments',
        Math.abs(inst.at(-1)!.amountCents - first) > bound && 'last beyond rounding bound',
      ].filter(Boolean);
      if (broken.length) failures.push(`#${i}: ${broken.join(', ')} ${JSON.stringify(offer)}`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(1_500);
  });
});

describe('priceSchedule', () => {
  it('one installment is the balance plus one period of interest', () => {
    expect(priceSchedule(100_000, 1, { num: 100n, den: 10_000n })).toEqual([{ amountCents: 101_000, principalCents: 100_000, interestCents: 1_000 }]);
  });
});

describe('checkPolicy', () => {
  const d = debt(1_035_000, 20_000, 15_000);
  const clerk = DEFAULT_POLICIES.clerk;
  it('within the clerk limits: no approval', () => {
    const offer = installments({ waiveInterest: true, downPaymentCents: 110_000, installmentCount: 6 });
    expect(checkPolicy(evaluateOffer(d, offer, AS_OF), offer, clerk)).toEqual({ needsApproval: false, reasons: [] });
  });
  it('beyond each limit: approval with one reason per limit', () => {
    const offer = installments({ waiveInterest: true, waiveFine: true, discountBp: 1_000, downPaymentCents: 0, installmentCount: 10 });
    const check = checkPolicy(evaluateOffer(d, offer, AS_OF), offer, clerk);
    expect(check.needsApproval).toBe(true);
    expect(check.reasons).toEqual(['Desconto de 13,04% acima do limite de 10%', '10 parcelas acima do limite de 6', 'Entrada de 0% abaixo do mínimo de 10%']);
    expect(checkPolicy(evaluateOffer(d, offer, AS_OF), offer, DEFAULT_POLICIES.supervisor).needsApproval).toBe(false);
  });
  it('a cash offer has no installment limits', () => {
    const offer: Offer = { kind: 'cash', ...noDiscount, dueDate: AS_OF };
    expect(checkPolicy(evaluateOffer(d, offer, AS_OF), offer, clerk).needsApproval).toBe(false);
  });
  it('formats basis points the pt-BR way', () => {
    expect([formatBasisPoints(1_000), formatBasisPoints(1_050), formatBasisPoints(1_304), formatBasisPoints(5)]).toEqual(['10%', '10,5%', '13,04%', '0,05%']);
  });
});

describe('reinstateAfterBreach', () => {
  const originals = [
    { invoiceId: 2, dueDate: '2026-02-10', principalCents: 50_000 },
    { invoiceId: 1, dueDate: '2026-01-10', principalCents: 30_000 },
    { invoiceId: 3, dueDate: '2026-02-10', principalCents: 20_000 },
  ];
  it('what was paid abates the oldest principal first; the rest keeps its balance', () => {
    expect(reinstateAfterBreach(originals, 45_000)).toEqual([
      { invoiceId: 1, remainingCents: 0 },
      { invoiceId: 2, remainingCents: 35_000 },
      { invoiceId: 3, remainingCents: 20_000 },
    ]);
  });
  it('nothing paid: every original comes back whole; paid beyond the principal: nothing comes back', () => {
    expect(reinstateAfterBreach(originals, 0).map((r) => r.remainingCents)).toEqual([30_000, 50_000, 20_000]);
    expect(reinstateAfterBreach(originals, 150_000).map((r) => r.remainingCents)).toEqual([0, 0, 0]);
  });
});

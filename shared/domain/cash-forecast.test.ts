import { describe, expect, it } from 'vitest';
import { expectedPaymentDate, expectedReceiptCents, forecastWeeks, NEUTRAL_BEHAVIOUR, type PaymentBehaviour } from './cash-forecast';

const AS_OF = '2026-11-25';

describe('expected payment', () => {
  it('shifts the due date by the rounded average delay, never before the as-of date', () => {
    expect(expectedPaymentDate('2026-12-01', { averageDelayDays: 9.6, defaultShare: 0 }, AS_OF)).toBe('2026-12-11');
    expect(expectedPaymentDate('2026-11-10', { averageDelayDays: 5, defaultShare: 0 }, AS_OF)).toBe(AS_OF);
    expect(expectedPaymentDate('2026-12-10', { averageDelayDays: -3, defaultShare: 0 }, AS_OF)).toBe('2026-12-07');
  });

  it('leaves out a título more than 90 days past its expected date', () => {
    expect(expectedPaymentDate('2026-08-27', NEUTRAL_BEHAVIOUR, AS_OF)).toBe(AS_OF); // 90 days late: kept
    expect(expectedPaymentDate('2026-08-26', NEUTRAL_BEHAVIOUR, AS_OF)).toBeNull();
  });

  it('discounts the open balance by the default share, half-up to the centavo', () => {
    expect(expectedReceiptCents(100_000, { averageDelayDays: 0, defaultShare: 0.1 })).toBe(90_000);
    expect(expectedReceiptCents(333, { averageDelayDays: 0, defaultShare: 0.5 })).toBe(167);
    expect(expectedReceiptCents(100, { averageDelayDays: 0, defaultShare: 1.5 })).toBe(0);
  });
});

describe('forecastWeeks', () => {
  it('places receipts and obligations in weeks starting on the as-of date and flags uncovered weeks', () => {
    const late: PaymentBehaviour = { averageDelayDays: 7, defaultShare: 0.2 };
    const behaviours = new Map<number, PaymentBehaviour>([[2, late]]);
    const weeks = forecastWeeks(
      AS_OF,
      [
        { customerId: 1, dueDate: '2026-11-25', openCents: 50_000 }, // week 1
        { customerId: 1, dueDate: '2026-12-01', openCents: 10_000 }, // day 6: still week 1
        { customerId: 2, dueDate: '2026-11-26', openCents: 100_000 }, // +7 → 12-03: week 2, ×0,8
        { customerId: 1, dueDate: '2027-01-20', openCents: 99_999 }, // day 56: beyond 8 weeks
      ],
      (id) => behaviours.get(id) ?? NEUTRAL_BEHAVIOUR,
      [
        { dueDate: '2026-11-20', amountCents: 7_000 }, // before the as-of date: already paid, left out
        { dueDate: '2026-11-25', amountCents: 30_000 }, // week 1
        { dueDate: '2026-12-05', amountCents: 90_000 }, // week 2
        { dueDate: '2027-01-19', amountCents: 5_000 }, // day 55: week 8
      ],
    );
    expect(weeks).toHaveLength(8);
    expect(weeks[0]).toEqual({ start: '2026-11-25', end: '2026-12-01', scheduledCents: 60_000, expectedCents: 60_000, obligationsCents: 30_000, netCents: 30_000, shortfall: false });
    expect(weeks[1]).toMatchObject({ start: '2026-12-02', scheduledCents: 100_000, expectedCents: 80_000, obligationsCents: 90_000, netCents: -10_000, shortfall: true });
    expect(weeks[7]).toMatchObject({ end: '2027-01-19', expectedCents: 0, obligationsCents: 5_000, shortfall: true });
    expect(weeks.slice(2, 7).every((w) => w.expectedCents === 0 && !w.shortfall)).toBe(true);
  });
});

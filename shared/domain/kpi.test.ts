import { describe, expect, it } from 'vitest';
import {
  collectionEffectivenessIndex,
  daysSalesOutstanding,
  delinquencyRatio,
  KPI_DEFINITIONS,
  monthEnd,
  previousMonthEnd,
  realisedPmr,
  recoveryRate,
  rollRate,
  trendDates,
} from './kpi';

describe('KPI formulas (hand-computed)', () => {
  it('inadimplência: R$ 300,00 overdue of R$ 1.200,00 open is 25 %; 1 of 3 títulos is 1/3', () => {
    expect(delinquencyRatio(30_000, 120_000)).toBe(0.25);
    expect(delinquencyRatio(1, 3)).toBeCloseTo(1 / 3, 12);
    expect(delinquencyRatio(0, 0)).toBeNull();
  });

  it('DSO: R$ 45.000 open against R$ 90.000 sold in 90 days is 45 days', () => {
    expect(daysSalesOutstanding(4_500_000, 9_000_000)).toBe(45);
    expect(daysSalesOutstanding(4_500_000, 9_000_000, 30)).toBe(15);
    expect(daysSalesOutstanding(100, 0)).toBeNull();
  });

  it('realised PMR: R$ 100 paid after 30 days and R$ 300 after 50 days → (3000 + 15000) / 400 = 45 days', () => {
    expect(realisedPmr(10_000 * 30 + 30_000 * 50, 40_000)).toBe(45);
    expect(realisedPmr(0, 0)).toBeNull();
  });

  it('CEI: opening 1.000, sales 500, closing 600 of which 400 current → (1500−600)/(1500−400) = 81,8 %', () => {
    const cei = collectionEffectivenessIndex({ openingArCents: 100_000, creditSalesCents: 50_000, closingArCents: 60_000, closingCurrentArCents: 40_000 });
    expect(cei).toBeCloseTo((90_000 / 110_000) * 100, 10);
    expect(collectionEffectivenessIndex({ openingArCents: 0, creditSalesCents: 0, closingArCents: 0, closingCurrentArCents: 0 })).toBeNull();
  });

  it('recovery and roll rates are plain shares with null on an empty base', () => {
    expect(recoveryRate(25_000, 100_000)).toBe(0.25);
    expect(rollRate(75_000, 100_000)).toBe(0.75);
    expect(recoveryRate(0, 0)).toBeNull();
  });
});

describe('KPI periods', () => {
  it('previous month-end and month-end handle leap years', () => {
    expect(previousMonthEnd('2026-11-25')).toBe('2026-10-31');
    expect(previousMonthEnd('2024-03-01')).toBe('2024-02-29');
    expect(monthEnd('2026-02-10')).toBe('2026-02-28');
  });

  it('trend dates are the 12 finished month-ends, oldest first', () => {
    const d = trendDates('2026-11-25');
    expect(d).toHaveLength(12);
    expect(d[0]).toBe('2025-11-30');
    expect(d[3]).toBe('2026-02-28');
    expect(d[11]).toBe('2026-10-31');
  });
});

describe('KPI definitions', () => {
  it('every KPI has a label and a definition in both languages', () => {
    for (const def of Object.values(KPI_DEFINITIONS)) {
      expect(def.label['pt-BR'].length).toBeGreaterThan(2);
      expect(def.label.en.length).toBeGreaterThan(2);
      expect(def.definition['pt-BR'].length).toBeGreaterThan(20);
      expect(def.definition.en.length).toBeGreaterThan(20);
    }
  });
});

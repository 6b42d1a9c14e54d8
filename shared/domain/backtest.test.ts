import { describe, expect, it } from 'vitest';
import { auc, decileTable, ks, type ScoredOutcome } from './backtest';

const rows = (pairs: [number, boolean][]): ScoredOutcome[] => pairs.map(([score, bad]) => ({ score, bad }));

describe('auc', () => {
  it('is 1 when every bad scores below every good, 0 when reversed, 0.5 when all tie', () => {
    expect(auc(rows([[100, true], [200, true], [700, false], [900, false]]))).toBe(1);
    expect(auc(rows([[100, false], [200, false], [700, true], [900, true]]))).toBe(0);
    expect(auc(rows([[500, true], [500, false], [500, false]]))).toBe(0.5);
  });
  it('counts pairs: 3 of 4 good-above-bad pairs → 0.75', () => {
    // goods 300, 800; bads 200, 500: pairs (300>200 ✓, 300>500 ✗, 800>200 ✓, 800>500 ✓)
    expect(auc(rows([[200, true], [300, false], [500, true], [800, false]]))).toBe(0.75);
  });
  it('is null without one side', () => {
    expect(auc(rows([[1, false]]))).toBeNull();
    expect(auc([])).toBeNull();
  });
});

describe('ks', () => {
  it('is 1 for perfect separation and the max cumulative gap otherwise', () => {
    expect(ks(rows([[100, true], [200, true], [700, false], [900, false]]))).toBe(1);
    // walk: 200 bad (0.5,0) → 300 good (0.5,0.5) → 500 bad (1,0.5) → 800 good (1,1): max gap 0.5
    expect(ks(rows([[200, true], [300, false], [500, true], [800, false]]))).toBe(0.5);
  });
  it('is null without one side', () => {
    expect(ks(rows([[1, true]]))).toBeNull();
  });
});

describe('decileTable', () => {
  it('splits 20 rows into 10 groups of 2 from the lowest score, with bad rates and cumulative share', () => {
    const data = rows(Array.from({ length: 20 }, (_, i) => [i * 10, i < 4] as [number, boolean]));
    const t = decileTable(data);
    expect(t).toHaveLength(10);
    expect(t[0]).toEqual({ decile: 1, minScore: 0, maxScore: 10, count: 2, bads: 2, badRate: 1, cumulativeBadShare: 0.5 });
    expect(t[1]).toMatchObject({ bads: 2, cumulativeBadShare: 1 });
    expect(t[9]).toMatchObject({ decile: 10, minScore: 180, maxScore: 190, bads: 0, badRate: 0 });
    expect(t.reduce((s, r) => s + r.count, 0)).toBe(20);
  });
  it('fewer rows than ten → one group per row', () => {
    expect(decileTable(rows([[1, true], [2, false], [3, false]]))).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_WEIGHTS, NEUTRAL_SCORE, behaviourOf, classDistribution, classOf, scorePoints, scoreRisk, type RiskFeatures, type RiskWeights } from './risk';

const punctual: RiskFeatures = {
  maturedCount: 40,
  lateCount: 1,
  avgDaysLate: 0.1,
  maxDaysLate: 2,
  recentAvgDaysLate: 0,
  earlierAvgDaysLate: 0.2,
  openCents: 500_000,
  overdueCents: 0,
  exposureCents: 500_000,
  creditLimitCents: 2_000_000,
  tenureDays: 1500,
  brokenPromises: 0,
  brokenAgreements: 0,
  openDisputes: 0,
  bureauScore: null,
};

const defaulter: RiskFeatures = {
  maturedCount: 30,
  lateCount: 22,
  avgDaysLate: 70,
  maxDaysLate: 260,
  recentAvgDaysLate: 150,
  earlierAvgDaysLate: 8,
  openCents: 4_000_000,
  overdueCents: 3_900_000,
  exposureCents: 4_000_000,
  creditLimitCents: 2_000_000,
  tenureDays: 400,
  brokenPromises: 2,
  brokenAgreements: 1,
  openDisputes: 0,
  bureauScore: 210,
};

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('scoreRisk', () => {
  it('a punctual long-standing customer scores high, class A, pays on time', () => {
    const r = scoreRisk(punctual);
    expect(r.score).toBeGreaterThanOrEqual(900);
    expect(r.riskClass).toBe('A');
    expect(r.behaviour).toBe('on_time');
  });

  it('a defaulter scores low, class E, always late; the biggest reasons are negative and in pt-BR and en', () => {
    const r = scoreRisk(defaulter);
    expect(r.score).toBeLessThan(200);
    expect(r.riskClass).toBe('E');
    expect(r.behaviour).toBe('always_late');
    expect(r.reasons[0]!.points).toBeLessThan(0);
    expect(r.reasons.map((x) => x.factor)).toContain('bureau');
    const overdue = r.reasons.find((x) => x.factor === 'overdueShare')!;
    expect(overdue.pt).toBe('98% do saldo em aberto está vencido');
    expect(overdue.en).toBe('98% of the open balance is overdue');
    const trend = r.reasons.find((x) => x.factor === 'trend')!;
    expect(trend.pt).toContain('piores');
    expect(trend.points).toBeLessThan(0);
  });

  it('says the tenure in proper singular and plural, and "less than a month" for a new customer', () => {
    const tenure = (tenureDays: number) => {
      const r = scoreRisk({ ...punctual, tenureDays }).reasons.find((x) => x.factor === 'tenure')!;
      return [r.pt, r.en];
    };
    expect(tenure(0)).toEqual(['cliente há menos de 1 mês', 'customer for less than a month']);
    expect(tenure(29)).toEqual(['cliente há menos de 1 mês', 'customer for less than a month']);
    expect(tenure(45)).toEqual(['cliente há 1 mês', 'customer for 1 month']);
    expect(tenure(200)).toEqual(['cliente há 6 meses', 'customer for 6 months']);
    expect(tenure(400)).toEqual(['cliente há 1 ano', 'customer for 1 year']);
    expect(tenure(1500)).toEqual(['cliente há 4 anos', 'customer for 4 years']);
  });

  it('counts títulos still open past due as late, and says so', () => {
    const r = scoreRisk({ ...defaulter, maturedCount: 1, lateCount: 1 }).reasons.find((x) => x.factor === 'lateShare')!;
    expect(r.pt).toBe('100% dos títulos vencidos pagos com atraso ou ainda em aberto (1 de 1)');
    expect(r.en).toBe('100% of due títulos paid late or still unpaid (1 of 1)');
  });

  it('reasons add up to the score exactly and are sorted by |points|', () => {
    for (const f of [punctual, defaulter, { ...punctual, bureauScore: 600, openDisputes: 1, tenureDays: 90 }]) {
      const r = scoreRisk(f);
      expect(NEUTRAL_SCORE + sum(r.reasons.map((x) => x.points))).toBe(r.score);
      const abs = r.reasons.map((x) => Math.abs(x.points));
      expect(abs).toEqual([...abs].sort((a, b) => b - a));
    }
  });

  it('stays within 0–1000 at the extremes', () => {
    const worst = scoreRisk({ ...defaulter, lateCount: 30, avgDaysLate: 999, maxDaysLate: 999, overdueCents: 4_000_000, tenureDays: 0, brokenPromises: 9, openDisputes: 9, bureauScore: 0, recentAvgDaysLate: 999, earlierAvgDaysLate: 0 });
    expect(worst.score).toBe(0);
    const best = scoreRisk({ ...punctual, lateCount: 0, avgDaysLate: 0, maxDaysLate: 0, exposureCents: 0, bureauScore: 1000, recentAvgDaysLate: 0, earlierAvgDaysLate: 30 });
    expect(best.score).toBe(1000);
  });

  it('a factor with no information is left out: no bureau reason, no trend without two periods', () => {
    const r = scoreRisk({ ...punctual, earlierAvgDaysLate: null });
    expect(r.reasons.map((x) => x.factor)).not.toContain('bureau');
    expect(r.reasons.map((x) => x.factor)).not.toContain('trend');
  });

  it('a new customer without history gets neither the history bonus nor a penalty', () => {
    const r = scoreRisk({ ...punctual, maturedCount: 0, lateCount: 0, avgDaysLate: 0, maxDaysLate: 0, recentAvgDaysLate: null, earlierAvgDaysLate: null, openCents: 0, exposureCents: 0, creditLimitCents: 0, tenureDays: 0 });
    expect(r.behaviour).toBe('no_history');
    expect(r.reasons.map((x) => x.factor).sort()).toEqual(['brokenPromises', 'disputes', 'tenure']);
  });

  it('weights change the score: a heavier bureau weight pulls a bad bureau score down', () => {
    const heavy: RiskWeights = { ...DEFAULT_RISK_WEIGHTS, factors: { ...DEFAULT_RISK_WEIGHTS.factors, bureau: 2000 } };
    const f = { ...punctual, bureauScore: 100 };
    expect(scoreRisk(f, heavy).score).toBeLessThan(scoreRisk(f).score - 200);
  });

  it('scorePoints gives the same score, class and points as scoreRisk, without the words', () => {
    for (const f of [punctual, defaulter]) {
      const full = scoreRisk(f);
      const bare = scorePoints(f);
      expect(bare).toEqual({ score: full.score, riskClass: full.riskClass, behaviour: full.behaviour, points: full.reasons.map(({ factor, points, value }) => ({ factor, points, value })) });
    }
  });

  it('a zero weight drops the factor from the reasons', () => {
    const w: RiskWeights = { ...DEFAULT_RISK_WEIGHTS, factors: { ...DEFAULT_RISK_WEIGHTS.factors, tenure: 0 } };
    expect(scoreRisk(punctual, w).reasons.map((x) => x.factor)).not.toContain('tenure');
  });
});

describe('classOf / behaviourOf / classDistribution', () => {
  it('class floors are inclusive', () => {
    expect([1000, 800, 799, 650, 649, 500, 499, 350, 349, 0].map((s) => classOf(s))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'E', 'E']);
  });
  it('behaviour by share of late títulos', () => {
    expect(behaviourOf({ maturedCount: 10, lateCount: 1 })).toBe('on_time');
    expect(behaviourOf({ maturedCount: 10, lateCount: 3 })).toBe('sometimes_late');
    expect(behaviourOf({ maturedCount: 10, lateCount: 6 })).toBe('always_late');
    expect(behaviourOf({ maturedCount: 0, lateCount: 0 })).toBe('no_history');
  });
  it('counts classes', () => {
    expect(classDistribution(['A', 'C', 'A', 'E'])).toEqual({ A: 2, B: 0, C: 1, D: 0, E: 1 });
  });
});

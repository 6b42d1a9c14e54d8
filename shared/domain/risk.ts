// Explainable credit risk score (0–1000, class A–E) from a customer's own payment history.
//
// Each factor maps its raw value to a "goodness" g in [0, 1] (1 = best) and carries a weight. The score is
// the weighted mean of g scaled to 1000, written as a neutral base of 500 plus one signed contribution per
// factor, so the reasons shown to the clerk add up to the score exactly. A factor with no information
// (no bureau score, no limit, no history for the trend) is left out and the others share its weight.

export type RiskFactorKey =
  | 'lateShare'
  | 'avgDaysLate'
  | 'maxDaysLate'
  | 'trend'
  | 'overdueShare'
  | 'exposure'
  | 'tenure'
  | 'brokenPromises'
  | 'disputes'
  | 'bureau';

export const RISK_FACTOR_KEYS: readonly RiskFactorKey[] = [
  'lateShare',
  'avgDaysLate',
  'maxDaysLate',
  'trend',
  'overdueShare',
  'exposure',
  'tenure',
  'brokenPromises',
  'disputes',
  'bureau',
];

export type RiskClass = 'A' | 'B' | 'C' | 'D' | 'E';
export const RISK_CLASSES: readonly RiskClass[] = ['A', 'B', 'C', 'D', 'E'];

/** How the customer usually pays, for the tone of pre-due messages. */
export type BehaviourClass = 'on_time' | 'sometimes_late' | 'always_late' | 'no_history';

/** What the score is computed from, as of one date. Amounts in centavos, durations in days. */
export interface RiskFeatures {
  /** Títulos already due (paid, closed or still open past due). */
  maturedCount: number;
  /** Of those, paid after the due date or still unpaid past it. */
  lateCount: number;
  /** Value-weighted mean days late over matured títulos (on time counts as 0). */
  avgDaysLate: number;
  maxDaysLate: number;
  /** Value-weighted mean days late of títulos due in the last 6 months; null when none. */
  recentAvgDaysLate: number | null;
  /** The same before the last 6 months; null when none. */
  earlierAvgDaysLate: number | null;
  openCents: number;
  overdueCents: number;
  /** Open balance of the whole company (all branches of the CNPJ root). */
  exposureCents: number;
  /** Credit limit of the whole company; 0 = none set. */
  creditLimitCents: number;
  /** Days since the customer was registered. */
  tenureDays: number;
  brokenPromises: number;
  brokenAgreements: number;
  openDisputes: number;
  /** External bureau score 0–1000, when the team entered one. */
  bureauScore: number | null;
}

/** Points each factor can move (their sum is the scale; only ratios matter) and the curve breakpoints. */
export interface RiskWeights {
  factors: Record<RiskFactorKey, number>;
  /** Mean days late at which that factor is worst. */
  avgDaysLateWorst: number;
  maxDaysLateWorst: number;
  /** Change in mean days late (recent − earlier) that counts as fully worse / fully better. */
  trendSpanDays: number;
  /** Exposure/limit ratio up to which the factor is best, and from which it is worst. */
  exposureComfortRatio: number;
  exposureWorstRatio: number;
  /** Tenure that earns the full factor. */
  tenureFullDays: number;
  /** Broken promises + agreements (and open disputes) at which that factor is worst. */
  brokenPromisesWorst: number;
  disputesWorst: number;
  /** Lowest score of classes A, B, C, D (E is below D's). */
  classFloors: { A: number; B: number; C: number; D: number };
  /** Behaviour: share of late títulos up to which a customer "pays on time", and from which "always late". */
  behaviourOnTimeMaxLateShare: number;
  behaviourAlwaysLateMinLateShare: number;
}

export const DEFAULT_RISK_WEIGHTS: RiskWeights = {
  factors: {
    lateShare: 200,
    avgDaysLate: 180,
    maxDaysLate: 100,
    trend: 80,
    overdueShare: 180,
    exposure: 80,
    tenure: 60,
    brokenPromises: 60,
    disputes: 20,
    bureau: 120,
  },
  avgDaysLateWorst: 30,
  maxDaysLateWorst: 120,
  trendSpanDays: 15,
  exposureComfortRatio: 0.8,
  exposureWorstRatio: 1.5,
  tenureFullDays: 730,
  brokenPromisesWorst: 3,
  disputesWorst: 3,
  classFloors: { A: 800, B: 650, C: 500, D: 350 },
  behaviourOnTimeMaxLateShare: 0.1,
  behaviourAlwaysLateMinLateShare: 0.6,
};

export interface RiskReason {
  factor: RiskFactorKey;
  /** Signed points this factor added to (or took from) the neutral 500. */
  points: number;
  /** The raw value shown beside the reason (share 0–1, days, ratio, count or score). */
  value: number;
  pt: string;
  en: string;
}

export interface RiskScore {
  score: number;
  riskClass: RiskClass;
  behaviour: BehaviourClass;
  /** Every factor that counted, largest |points| first. score = 500 + Σ points. */
  reasons: RiskReason[];
}

export const NEUTRAL_SCORE = 500;
const MAX_SCORE = 1000;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

interface FactorReading {
  key: RiskFactorKey;
  goodness: number;
  value: number;
  /** Built only for the reasons shown: rescoring 50k customers for a preview needs none. */
  words(): { pt: string; en: string };
}

/** Goodness of each factor that has information (the rest are absent); words only when asked for. */
function readFactors(f: RiskFeatures, w: RiskWeights): FactorReading[] {
  const out: FactorReading[] = [];
  if (f.maturedCount > 0) {
    const share = f.lateCount / f.maturedCount;
    out.push({
      key: 'lateShare',
      goodness: 1 - share,
      value: share,
      words: () => ({
        pt: `${pct(share)} dos títulos pagos com atraso (${f.lateCount} de ${f.maturedCount})`,
        en: `${pct(share)} of títulos paid late (${f.lateCount} of ${f.maturedCount})`,
      }),
    });
    out.push({
      key: 'avgDaysLate',
      goodness: 1 - clamp01(f.avgDaysLate / w.avgDaysLateWorst),
      value: f.avgDaysLate,
      words: () => ({
        pt: `atraso médio ponderado pelo valor de ${f.avgDaysLate.toFixed(1).replace('.', ',')} dias`,
        en: `value-weighted average delay of ${f.avgDaysLate.toFixed(1)} days`,
      }),
    });
    out.push({
      key: 'maxDaysLate',
      goodness: 1 - clamp01(f.maxDaysLate / w.maxDaysLateWorst),
      value: f.maxDaysLate,
      words: () => ({
        pt: `maior atraso de ${f.maxDaysLate} dias`,
        en: `longest delay of ${f.maxDaysLate} days`,
      }),
    });
  }
  if (f.recentAvgDaysLate !== null && f.earlierAvgDaysLate !== null) {
    const delta = f.recentAvgDaysLate - f.earlierAvgDaysLate;
    const abs = Math.abs(delta).toFixed(1);
    out.push({
      key: 'trend',
      goodness: clamp01(0.5 - delta / (2 * w.trendSpanDays)),
      value: delta,
      words: () => ({
        pt:
          delta > 0.5
            ? `atrasos piores nos últimos 6 meses (+${abs.replace('.', ',')} dias em média)`
            : delta < -0.5
              ? `atrasos menores nos últimos 6 meses (−${abs.replace('.', ',')} dias em média)`
              : 'atrasos estáveis nos últimos 6 meses',
        en:
          delta > 0.5
            ? `delays worse in the last 6 months (+${abs} days on average)`
            : delta < -0.5
              ? `delays shorter in the last 6 months (−${abs} days on average)`
              : 'delays steady in the last 6 months',
      }),
    });
  }
  if (f.openCents > 0 || f.maturedCount > 0) {
    const share = f.openCents > 0 ? f.overdueCents / f.openCents : 0;
    out.push({
      key: 'overdueShare',
      goodness: 1 - clamp01(share),
      value: share,
      words: () => ({
        pt: f.openCents > 0 ? `${pct(share)} do saldo em aberto está vencido` : 'nada em aberto',
        en: f.openCents > 0 ? `${pct(share)} of the open balance is overdue` : 'nothing open',
      }),
    });
  }
  if (f.creditLimitCents > 0 || f.exposureCents > 0) {
    const ratio = f.creditLimitCents > 0 ? f.exposureCents / f.creditLimitCents : Number.POSITIVE_INFINITY;
    const span = w.exposureWorstRatio - w.exposureComfortRatio;
    out.push({
      key: 'exposure',
      goodness: 1 - clamp01((ratio - w.exposureComfortRatio) / span),
      value: Number.isFinite(ratio) ? ratio : -1,
      words: () => ({
        pt: Number.isFinite(ratio) ? `exposição de ${pct(ratio)} do limite de crédito` : 'saldo em aberto sem limite de crédito',
        en: Number.isFinite(ratio) ? `exposure at ${pct(ratio)} of the credit limit` : 'open balance with no credit limit',
      }),
    });
  }
  {
    const years = f.tenureDays / 365;
    out.push({
      key: 'tenure',
      goodness: clamp01(f.tenureDays / w.tenureFullDays),
      value: f.tenureDays,
      words: () => ({
        pt: years >= 1 ? `cliente há ${Math.floor(years)} ano(s)` : `cliente há ${Math.max(0, Math.floor(f.tenureDays / 30))} mês(es)`,
        en: years >= 1 ? `customer for ${Math.floor(years)} year(s)` : `customer for ${Math.max(0, Math.floor(f.tenureDays / 30))} month(s)`,
      }),
    });
  }
  {
    const broken = f.brokenPromises + f.brokenAgreements;
    out.push({
      key: 'brokenPromises',
      goodness: 1 - clamp01(broken / w.brokenPromisesWorst),
      value: broken,
      words: () => ({
        pt: broken === 0 ? 'nenhuma promessa ou acordo quebrado' : `${broken} promessa(s) ou acordo(s) quebrado(s)`,
        en: broken === 0 ? 'no broken promises or agreements' : `${broken} broken promise(s) or agreement(s)`,
      }),
    });
  }
  out.push({
    key: 'disputes',
    goodness: 1 - clamp01(f.openDisputes / w.disputesWorst),
    value: f.openDisputes,
    words: () => ({
      pt: f.openDisputes === 0 ? 'nenhum título contestado' : `${f.openDisputes} título(s) contestado(s)`,
      en: f.openDisputes === 0 ? 'no disputed títulos' : `${f.openDisputes} disputed título(s)`,
    }),
  });
  if (f.bureauScore !== null) {
    out.push({
      key: 'bureau',
      goodness: clamp01(f.bureauScore / MAX_SCORE),
      value: f.bureauScore,
      words: () => ({
        pt: `score de bureau ${f.bureauScore}`,
        en: `bureau score ${f.bureauScore}`,
      }),
    });
  }
  return out;
}

/**
 * Integer points per factor that sum exactly to the rounded total: each exact share is floored and the
 * leftover units go to the largest remainders (largest-remainder apportionment).
 */
function apportion(exact: number[]): number[] {
  const total = Math.round(exact.reduce((a, b) => a + b, 0));
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const out = [...floors];
  for (let k = 0; left > 0 && k < order.length; k++, left--) out[order[k]!.i]! += 1;
  return out;
}

export function classOf(score: number, w: RiskWeights = DEFAULT_RISK_WEIGHTS): RiskClass {
  const f = w.classFloors;
  return score >= f.A ? 'A' : score >= f.B ? 'B' : score >= f.C ? 'C' : score >= f.D ? 'D' : 'E';
}

export function behaviourOf(f: Pick<RiskFeatures, 'maturedCount' | 'lateCount'>, w: RiskWeights = DEFAULT_RISK_WEIGHTS): BehaviourClass {
  if (f.maturedCount === 0) return 'no_history';
  const share = f.lateCount / f.maturedCount;
  if (share <= w.behaviourOnTimeMaxLateShare) return 'on_time';
  if (share >= w.behaviourAlwaysLateMinLateShare) return 'always_late';
  return 'sometimes_late';
}

export interface RiskPoints {
  score: number;
  riskClass: RiskClass;
  behaviour: BehaviourClass;
  /** Every factor that counted, largest |points| first, without words. score = 500 + Σ points. */
  points: { factor: RiskFactorKey; points: number; value: number }[];
}

interface ScoredReadings extends RiskPoints {
  words: Map<RiskFactorKey, () => { pt: string; en: string }>;
}

function scoreReadings(features: RiskFeatures, weights: RiskWeights): ScoredReadings {
  const readings = readFactors(features, weights).filter((r) => weights.factors[r.key] > 0);
  const totalWeight = readings.reduce((s, r) => s + weights.factors[r.key], 0);
  const exact = readings.map((r) => (totalWeight > 0 ? (MAX_SCORE * weights.factors[r.key] * (r.goodness - 0.5)) / totalWeight : 0));
  // Apportion on the shifted scale (all ≥ 0) so rounding never pushes the score out of 0–1000.
  const half = readings.map((r) => (totalWeight > 0 ? (MAX_SCORE * weights.factors[r.key] * 0.5) / totalWeight : 0));
  const shifted = apportion(exact.map((x, i) => x + half[i]!));
  const halfInt = apportion(half);
  const pointsOf = shifted.map((s, i) => s - halfInt[i]!);
  const score = NEUTRAL_SCORE + pointsOf.reduce((a, b) => a + b, 0);
  const points = readings
    .map((r, i) => ({ factor: r.key, points: pointsOf[i]!, value: r.value }))
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || RISK_FACTOR_KEYS.indexOf(a.factor) - RISK_FACTOR_KEYS.indexOf(b.factor));
  return {
    score,
    riskClass: classOf(score, weights),
    behaviour: behaviourOf(features, weights),
    points,
    words: new Map(readings.map((r) => [r.key, r.words])),
  };
}

/** The score, class and points without the words: for rescoring the whole portfolio (previews, back-tests). */
export function scorePoints(features: RiskFeatures, weights: RiskWeights = DEFAULT_RISK_WEIGHTS): RiskPoints {
  const { words: _words, ...rest } = scoreReadings(features, weights);
  return rest;
}

/** The score with its reasons in the clerk's words (pt-BR and en). */
export function scoreRisk(features: RiskFeatures, weights: RiskWeights = DEFAULT_RISK_WEIGHTS): RiskScore {
  const { score, riskClass, behaviour, points, words } = scoreReadings(features, weights);
  return { score, riskClass, behaviour, reasons: points.map((p) => ({ ...p, ...words.get(p.factor)!() })) };
}

/** Counts per class, A to E. */
export function classDistribution(classes: Iterable<RiskClass>): Record<RiskClass, number> {
  const out: Record<RiskClass, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
  for (const c of classes) out[c] += 1;
  return out;
}

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

const FACTOR_ORDER = Object.fromEntries(RISK_FACTOR_KEYS.map((k, i) => [k, i])) as Record<RiskFactorKey, number>;

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
}

/** Goodness of each factor that has information (the rest are absent). */
function readFactors(f: RiskFeatures, w: RiskWeights): FactorReading[] {
  const out: FactorReading[] = [];
  if (f.maturedCount > 0) {
    const share = f.lateCount / f.maturedCount;
    out.push({ key: 'lateShare', goodness: 1 - share, value: share });
    out.push({ key: 'avgDaysLate', goodness: 1 - clamp01(f.avgDaysLate / w.avgDaysLateWorst), value: f.avgDaysLate });
    out.push({ key: 'maxDaysLate', goodness: 1 - clamp01(f.maxDaysLate / w.maxDaysLateWorst), value: f.maxDaysLate });
  }
  if (f.recentAvgDaysLate !== null && f.earlierAvgDaysLate !== null) {
    const delta = f.recentAvgDaysLate - f.earlierAvgDaysLate;
    out.push({ key: 'trend', goodness: clamp01(0.5 - delta / (2 * w.trendSpanDays)), value: delta });
  }
  if (f.openCents > 0 || f.maturedCount > 0) {
    const share = f.openCents > 0 ? f.overdueCents / f.openCents : 0;
    out.push({ key: 'overdueShare', goodness: 1 - clamp01(share), value: share });
  }
  if (f.creditLimitCents > 0 || f.exposureCents > 0) {
    const ratio = f.creditLimitCents > 0 ? f.exposureCents / f.creditLimitCents : Number.POSITIVE_INFINITY;
    const span = w.exposureWorstRatio - w.exposureComfortRatio;
    // value −1 stands for "open balance with no limit" (an infinite ratio is not JSON).
    out.push({ key: 'exposure', goodness: 1 - clamp01((ratio - w.exposureComfortRatio) / span), value: Number.isFinite(ratio) ? ratio : -1 });
  }
  out.push({ key: 'tenure', goodness: clamp01(f.tenureDays / w.tenureFullDays), value: f.tenureDays });
  const broken = f.brokenPromises + f.brokenAgreements;
  out.push({ key: 'brokenPromises', goodness: 1 - clamp01(broken / w.brokenPromisesWorst), value: broken });
  out.push({ key: 'disputes', goodness: 1 - clamp01(f.openDisputes / w.disputesWorst), value: f.openDisputes });
  if (f.bureauScore !== null) out.push({ key: 'bureau', goodness: clamp01(f.bureauScore / MAX_SCORE), value: f.bureauScore });
  return out;
}

/** A factor's reading in the clerk's words; built only for the reasons shown (rescoring 50k customers needs none). */
function factorWords(key: RiskFactorKey, value: number, f: RiskFeatures): { pt: string; en: string } {
  switch (key) {
    case 'lateShare':
      return {
        // Late counts títulos paid late and those still open past their due date.
        pt: `${pct(value)} dos títulos vencidos pagos com atraso ou ainda em aberto (${f.lateCount} de ${f.maturedCount})`,
        en: `${pct(value)} of due títulos paid late or still unpaid (${f.lateCount} of ${f.maturedCount})`,
      };
    case 'avgDaysLate':
      return {
        pt: `atraso médio ponderado pelo valor de ${value.toFixed(1).replace('.', ',')} dias`,
        en: `value-weighted average delay of ${value.toFixed(1)} days`,
      };
    case 'maxDaysLate':
      return { pt: `maior atraso de ${value} dias`, en: `longest delay of ${value} days` };
    case 'trend': {
      const abs = Math.abs(value).toFixed(1);
      if (value > 0.5) return { pt: `atrasos piores nos últimos 6 meses (+${abs.replace('.', ',')} dias em média)`, en: `delays worse in the last 6 months (+${abs} days on average)` };
      if (value < -0.5) return { pt: `atrasos menores nos últimos 6 meses (−${abs.replace('.', ',')} dias em média)`, en: `delays shorter in the last 6 months (−${abs} days on average)` };
      return { pt: 'atrasos estáveis nos últimos 6 meses', en: 'delays steady in the last 6 months' };
    }
    case 'overdueShare':
      return f.openCents > 0
        ? { pt: `${pct(value)} do saldo em aberto está vencido`, en: `${pct(value)} of the open balance is overdue` }
        : { pt: 'nada em aberto', en: 'nothing open' };
    case 'exposure':
      return value >= 0
        ? { pt: `exposição de ${pct(value)} do limite de crédito`, en: `exposure at ${pct(value)} of the credit limit` }
        : { pt: 'saldo em aberto sem limite de crédito', en: 'open balance with no credit limit' };
    case 'tenure': {
      const years = Math.floor(value / 365);
      const months = Math.max(0, Math.floor(value / 30));
      if (years >= 1) return years === 1 ? { pt: 'cliente há 1 ano', en: 'customer for 1 year' } : { pt: `cliente há ${years} anos`, en: `customer for ${years} years` };
      if (months === 0) return { pt: 'cliente há menos de 1 mês', en: 'customer for less than a month' };
      return months === 1 ? { pt: 'cliente há 1 mês', en: 'customer for 1 month' } : { pt: `cliente há ${months} meses`, en: `customer for ${months} months` };
    }
    case 'brokenPromises':
      return value === 0
        ? { pt: 'nenhuma promessa ou acordo quebrado', en: 'no broken promises or agreements' }
        : { pt: `${value} promessa(s) ou acordo(s) quebrado(s)`, en: `${value} broken promise(s) or agreement(s)` };
    case 'disputes':
      return value === 0
        ? { pt: 'nenhum título contestado', en: 'no disputed títulos' }
        : { pt: `${value} título(s) contestado(s)`, en: `${value} disputed título(s)` };
    case 'bureau':
      return { pt: `score de bureau ${value}`, en: `bureau score ${value}` };
  }
}

/**
 * Integer points per factor that sum exactly to the rounded total: each exact share is floored and the
 * leftover units go to the largest remainders (largest-remainder apportionment).
 */
function apportion(exact: readonly number[]): number[] {
  const out = exact.map(Math.floor);
  const remainders = exact.map((x, i) => x - out[i]!);
  let left = Math.round(exact.reduce((a, b) => a + b, 0)) - out.reduce((a, b) => a + b, 0);
  // At most one unit per factor, largest remainder first (lowest index on ties); a handful of factors, so a scan.
  for (; left > 0; left--) {
    let best = -1;
    for (let i = 0; i < remainders.length; i++) if (remainders[i]! >= 0 && (best < 0 || remainders[i]! > remainders[best]!)) best = i;
    if (best < 0) break;
    out[best]! += 1;
    remainders[best] = -1;
  }
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

/** The score, class and points without the words: for rescoring the whole portfolio (previews, back-tests). */
export function scorePoints(features: RiskFeatures, weights: RiskWeights = DEFAULT_RISK_WEIGHTS): RiskPoints {
  const readings = readFactors(features, weights).filter((r) => weights.factors[r.key] > 0);
  const totalWeight = readings.reduce((s, r) => s + weights.factors[r.key], 0);
  // Each factor's share of the scale, and its contribution on the shifted scale (0 … share) where all are ≥ 0,
  // so rounding never pushes the score out of 0–1000.
  const half = readings.map((r) => (totalWeight > 0 ? (MAX_SCORE * weights.factors[r.key] * 0.5) / totalWeight : 0));
  const shifted = apportion(readings.map((r, i) => 2 * half[i]! * r.goodness));
  const halfInt = apportion(half);
  let score = NEUTRAL_SCORE;
  const points = readings.map((r, i) => {
    const p = shifted[i]! - halfInt[i]!;
    score += p;
    return { factor: r.key, points: p, value: r.value };
  });
  points.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || FACTOR_ORDER[a.factor] - FACTOR_ORDER[b.factor]);
  return { score, riskClass: classOf(score, weights), behaviour: behaviourOf(features, weights), points };
}

/** The score with its reasons in the clerk's words (pt-BR and en). */
export function scoreRisk(features: RiskFeatures, weights: RiskWeights = DEFAULT_RISK_WEIGHTS): RiskScore {
  const { score, riskClass, behaviour, points } = scorePoints(features, weights);
  return { score, riskClass, behaviour, reasons: points.map((p) => ({ ...p, ...factorWords(p.factor, p.value, features) })) };
}

/** Counts per class, A to E. */
export function classDistribution(classes: Iterable<RiskClass>): Record<RiskClass, number> {
  const out: Record<RiskClass, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
  for (const c of classes) out[c] += 1;
  return out;
}

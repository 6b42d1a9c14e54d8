// Measures of how well a score separates "bad" outcomes (went 90+ days late) from "good" ones.
// Convention: a higher score means lower risk, so a good score gives the bads the LOWER scores.

export interface ScoredOutcome {
  score: number;
  bad: boolean;
}

/**
 * Area under the ROC curve: the probability that a random good scores above a random bad (ties count
 * half). 0.5 = no separation, 1 = perfect. Null when there are no goods or no bads.
 */
export function auc(rows: readonly ScoredOutcome[]): number | null {
  const sorted = [...rows].sort((a, b) => a.score - b.score);
  const bads = sorted.filter((r) => r.bad).length;
  const goods = sorted.length - bads;
  if (bads === 0 || goods === 0) return null;
  // Mann–Whitney U over ranks of the goods, average ranks for ties.
  let rankSumGoods = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (!sorted[k]!.bad) rankSumGoods += avgRank;
    i = j;
  }
  return (rankSumGoods - (goods * (goods + 1)) / 2) / (goods * bads);
}

/**
 * Kolmogorov–Smirnov statistic: the largest gap between the cumulative share of bads and of goods when
 * walking up the score (0 = no separation, 1 = perfect). Null when a side is empty.
 */
export function ks(rows: readonly ScoredOutcome[]): number | null {
  const sorted = [...rows].sort((a, b) => a.score - b.score);
  const bads = sorted.filter((r) => r.bad).length;
  const goods = sorted.length - bads;
  if (bads === 0 || goods === 0) return null;
  let cumBad = 0;
  let cumGood = 0;
  let best = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) {
      if (sorted[j]!.bad) cumBad++;
      else cumGood++;
      j++;
    }
    best = Math.max(best, Math.abs(cumBad / bads - cumGood / goods));
    i = j;
  }
  return best;
}

export interface DecileRow {
  /** 1 = lowest scores (riskiest). */
  decile: number;
  minScore: number;
  maxScore: number;
  count: number;
  bads: number;
  badRate: number;
  /** Share of all bads found in this decile and the ones below it. */
  cumulativeBadShare: number;
}

/** Ten groups of (nearly) equal size from the lowest score up; fewer when there are fewer than 10 rows. */
export function decileTable(rows: readonly ScoredOutcome[]): DecileRow[] {
  const sorted = [...rows].sort((a, b) => a.score - b.score);
  const totalBads = sorted.filter((r) => r.bad).length;
  const groups = Math.min(10, sorted.length);
  const out: DecileRow[] = [];
  let cumBads = 0;
  for (let d = 0; d < groups; d++) {
    const slice = sorted.slice(Math.floor((d * sorted.length) / groups), Math.floor(((d + 1) * sorted.length) / groups));
    const bads = slice.filter((r) => r.bad).length;
    cumBads += bads;
    out.push({
      decile: d + 1,
      minScore: slice[0]!.score,
      maxScore: slice[slice.length - 1]!.score,
      count: slice.length,
      bads,
      badRate: bads / slice.length,
      cumulativeBadShare: totalBads > 0 ? cumBads / totalBads : 0,
    });
  }
  return out;
}

// Summaries of PSA draws: the acceptability curve and frontier, expected loss, EVPI.
import type { DrawMatrix } from './evppi.js';
import { netBenefit } from './net-benefit.js';

export interface WtpPoint {
  readonly willingnessToPay: number;
  /** Per strategy: share of draws in which it has the highest net monetary benefit (CEAC). */
  readonly probabilityCostEffective: readonly number[];
  /** Per strategy: mean net monetary benefit over draws. */
  readonly expectedNetBenefit: readonly number[];
  /** Per strategy: mean over draws of (best NMB in the draw − this strategy's NMB). */
  readonly expectedLoss: readonly number[];
  /** Index of the strategy with the highest expected NMB (the acceptability frontier, CEAF). */
  readonly optimal: number;
  /** Expected value of perfect information per patient: the optimal strategy's expected loss. */
  readonly evpiPerPatient: number;
}

/** Evenly spaced thresholds from 0 to `max` inclusive. */
export function wtpGrid(max: number, points: number): number[] {
  return Array.from({ length: points }, (_, i) => (max * i) / (points - 1));
}

/**
 * The grid extended past the largest frontier ICER, so the acceptability frontier's last
 * switch is on the chart: points at ×1.25 steps beyond the grid's end until 1.25 × that
 * ICER is covered (at most `cap`). Returns the grid unchanged when it already covers it.
 */
export function wtpGridBeyond(grid: readonly number[], largestIcer: number | null, cap: number): number[] {
  const end = grid[grid.length - 1] ?? 0;
  if (largestIcer === null || !Number.isFinite(largestIcer) || largestIcer < end || end <= 0) return [...grid];
  const target = Math.min(cap, 1.25 * largestIcer);
  const out = [...grid];
  for (let next = end * 1.25; (out[out.length - 1] as number) < target; next *= 1.25) out.push(Math.min(cap, next));
  return out;
}

/**
 * Each draw's NMB per strategy at each threshold. A tie within a draw goes to the first
 * listed strategy, so the CEAC sums to exactly 1 over strategies.
 */
export function acceptability(costs: DrawMatrix, effects: DrawMatrix, thresholds: readonly number[]): WtpPoint[] {
  const n = costs.length;
  if (n === 0) throw new RangeError('PSA summary: needs at least one draw');
  const strategies = costs[0]?.length ?? 0;
  return thresholds.map((wtp) => {
    const wins = new Array<number>(strategies).fill(0);
    const sums = new Array<number>(strategies).fill(0);
    let sumOfBest = 0;
    for (let i = 0; i < n; i++) {
      const c = costs[i] as readonly number[];
      const e = effects[i] as readonly number[];
      let best = 0;
      for (let s = 1; s < strategies; s++) {
        if (netBenefit(wtp, e[s] as number, c[s] as number) > netBenefit(wtp, e[best] as number, c[best] as number))
          best = s;
      }
      wins[best] = (wins[best] as number) + 1;
      for (let s = 0; s < strategies; s++)
        sums[s] = (sums[s] as number) + netBenefit(wtp, e[s] as number, c[s] as number);
      sumOfBest += netBenefit(wtp, e[best] as number, c[best] as number);
    }
    const expectedNetBenefit = sums.map((s) => s / n);
    const expectedLoss = expectedNetBenefit.map((v) => sumOfBest / n - v);
    let optimal = 0;
    expectedNetBenefit.forEach((v, s) => {
      if (v > (expectedNetBenefit[optimal] as number)) optimal = s;
    });
    return {
      willingnessToPay: wtp,
      probabilityCostEffective: wins.map((w) => w / n),
      expectedNetBenefit,
      expectedLoss,
      optimal,
      evpiPerPatient: Math.max(0, expectedLoss[optimal] as number),
    };
  });
}

/**
 * Patients who would benefit from the decision over its lifetime: `annualPatients` each
 * year for `years` years, discounted at `discountRate` (the first year undiscounted).
 */
export function effectivePopulation(annualPatients: number, years: number, discountRate: number): number {
  let total = 0;
  for (let t = 0; t < years; t++) total += annualPatients / (1 + discountRate) ** t;
  return total;
}

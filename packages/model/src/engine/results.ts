// Turns merged accumulators into plain results: means with Monte Carlo standard errors,
// counter totals, and survival / cumulative-incidence curves on the time grid.
import type { BlockAccumulator } from './accumulators.js';

export interface Estimate {
  readonly mean: number;
  /** Monte Carlo standard error of the mean: sample SD / √n. */
  readonly mcse: number;
}

export interface RewardEstimate {
  readonly discounted: Estimate;
  readonly undiscounted: Estimate;
}

export interface CurveResult {
  /** End of each grid interval, in years since entry. */
  readonly timesYears: readonly number[];
  /** Individuals at risk at the start of each interval. */
  readonly atRisk: readonly number[];
  /** Probability of no event of any cause by the end of each interval (Kaplan–Meier). */
  readonly eventFree: readonly number[];
  /** Cumulative incidence of each cause (Aalen–Johansen), by the end of each interval. */
  readonly cumulativeIncidence: Readonly<Record<string, readonly number[]>>;
}

export interface StrategyResult {
  readonly id: string;
  readonly label: string;
  readonly rewards: Readonly<Record<string, RewardEstimate>>;
  /** Totals over all individuals and, per individual, the mean. */
  readonly counters: Readonly<Record<string, { readonly total: number; readonly perIndividual: number }>>;
  readonly curves: Readonly<Record<string, CurveResult>>;
}

export interface SimulationResults {
  readonly individuals: number;
  readonly horizonYears: number;
  readonly strategies: readonly StrategyResult[];
}

export function estimate(sum: number, sumOfSquares: number, n: number): Estimate {
  if (n === 0) return { mean: Number.NaN, mcse: Number.NaN };
  const mean = sum / n;
  if (n === 1) return { mean, mcse: Number.NaN };
  const variance = Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
  return { mean, mcse: Math.sqrt(variance / n) };
}

export function summarize(acc: BlockAccumulator): SimulationResults {
  const { layout } = acc;
  const n = acc.count;
  const strategies = layout.strategyIds.map((id, s): StrategyResult => {
    const rewards: Record<string, RewardEstimate> = {};
    layout.channels.forEach((channel, c) => {
      const slot = acc.rewardSlot(s, c);
      const total = (k: number) => acc.rewardSums.total(slot + k);
      rewards[channel] = {
        discounted: estimate(total(0), total(1), n),
        undiscounted: estimate(total(2), total(3), n),
      };
    });
    const counters: Record<string, { total: number; perIndividual: number }> = {};
    layout.counters.forEach((name, k) => {
      const total = acc.counterTotals[s * layout.counters.length + k] as number;
      counters[name] = { total, perIndividual: n === 0 ? Number.NaN : total / n };
    });
    const curves: Record<string, CurveResult> = {};
    layout.curves.forEach((curve, c) => {
      const events = acc.curveEvents[c] as Float64Array;
      const bins = layout.curveBins;
      const causeEvents = curve.causes.map((_, k) =>
        events.subarray((s * curve.causes.length + k) * bins, (s * curve.causes.length + k + 1) * bins),
      );
      curves[curve.name] = competingRisksCurve(
        n,
        curve.causes,
        causeEvents,
        layout.curveStepYears,
        layout.horizonYears,
      );
    });
    return { id, label: layout.strategyLabels[s] ?? id, rewards, counters, curves };
  });
  return { individuals: n, horizonYears: layout.horizonYears, strategies };
}

/** Kaplan–Meier and Aalen–Johansen estimates from grouped event counts (censoring only at the horizon). */
function competingRisksCurve(
  n: number,
  causes: readonly string[],
  eventsByCause: readonly Float64Array[],
  stepYears: number,
  horizonYears: number,
): CurveResult {
  const bins = eventsByCause[0]?.length ?? 0;
  const timesYears: number[] = [];
  const atRisk: number[] = [];
  const eventFree: number[] = [];
  const incidence = causes.map(() => [] as number[]);
  const cumulative = causes.map(() => 0);
  let survivors = n;
  let survival = 1;
  for (let j = 0; j < bins; j++) {
    timesYears.push(Math.min((j + 1) * stepYears, horizonYears));
    atRisk.push(survivors);
    let allEvents = 0;
    causes.forEach((_, k) => {
      const d = eventsByCause[k]?.[j] ?? 0;
      allEvents += d;
      if (survivors > 0) cumulative[k] = (cumulative[k] as number) + (survival * d) / survivors;
      incidence[k]?.push(cumulative[k] as number);
    });
    if (survivors > 0) survival *= 1 - allEvents / survivors;
    survivors -= allEvents;
    eventFree.push(survival);
  }
  const cumulativeIncidence: Record<string, number[]> = {};
  causes.forEach((cause, k) => {
    cumulativeIncidence[cause] = incidence[k] ?? [];
  });
  return { timesYears, atRisk, eventFree, cumulativeIncidence };
}

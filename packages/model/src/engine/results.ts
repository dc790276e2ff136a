// Turns merged accumulators into plain results: means with Monte Carlo standard errors,
// counter totals, and survival / cumulative-incidence curves on the time grid.
import { type BlockAccumulator, pairSlot } from './accumulators.js';

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
  /** Individuals followed on this curve (everyone, or those whose origin was marked). */
  readonly individuals: number;
  /** End of each grid interval, in years since entry (or since the marked origin). */
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

/**
 * Exact paired first and second moments of every individual's discounted totals x, with
 * k = strategy × channels + channel over the paired channels only (K = strategies × paired
 * channels). From these, any linear contrast between strategies (Δcost, ΔQALY, net benefit)
 * has its exact paired variance.
 */
export interface PairedMoments {
  /** The paired channels (a model's unpaired channels are not here). */
  readonly channels: readonly string[];
  readonly strategyIds: readonly string[];
  readonly individuals: number;
  /** Σ x_k over individuals, length K */
  readonly sums: readonly number[];
  /** Σ x_k·x_l, K×K symmetric row-major */
  readonly crossSums: readonly number[];
}

export interface SimulationResults {
  readonly individuals: number;
  readonly horizonYears: number;
  readonly strategies: readonly StrategyResult[];
  readonly paired: PairedMoments;
}

/** Value of a step curve's series at `years` (the last grid point at or before it, else `initial`). */
export function curveValueAt(
  curve: CurveResult | undefined,
  series: (c: CurveResult) => readonly number[] | undefined,
  years: number,
  initial: number,
): number {
  if (curve === undefined) return Number.NaN;
  const values = series(curve) ?? [];
  let value = initial;
  for (let i = 0; i < curve.timesYears.length && (curve.timesYears[i] as number) <= years + 1e-9; i++) {
    value = values[i] ?? value;
  }
  return value;
}

export function estimate(sum: number, sumOfSquares: number, n: number): Estimate {
  if (n === 0) return { mean: Number.NaN, mcse: Number.NaN };
  const mean = sum / n;
  if (n === 1) return { mean, mcse: Number.NaN };
  const variance = Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
  return { mean, mcse: Math.sqrt(variance / n) };
}

export function summarize(acc: BlockAccumulator): SimulationResults {
  const { layout, offsets } = acc;
  const n = acc.count;
  const strategies = layout.strategyIds.map((id, s): StrategyResult => {
    const rewards: Record<string, RewardEstimate> = {};
    layout.channels.forEach((channel, c) => {
      const slot = offsets.reward(s, c);
      const total = (k: number) => acc.sums.total(slot + k);
      rewards[channel] = {
        discounted: estimate(total(0), total(1), n),
        undiscounted: estimate(total(2), total(3), n),
      };
    });
    const counters: Record<string, { total: number; perIndividual: number }> = {};
    layout.counters.forEach((name, k) => {
      const total = acc.sums.total(offsets.counter(s, k));
      counters[name] = { total, perIndividual: n === 0 ? Number.NaN : total / n };
    });
    const curves: Record<string, CurveResult> = {};
    layout.curves.forEach((curve, c) => {
      const bins = layout.curveBins;
      const events = (offsets.curveEvents[c] as number) + s * curve.causes.length * bins;
      const causeEvents = curve.causes.map((_, k) => acc.counts.subarray(events + k * bins, events + (k + 1) * bins));
      const censoredAt = (offsets.curveCensored[c] as number) + s * bins;
      const censored = acc.counts.subarray(censoredAt, censoredAt + bins);
      const entered = acc.counts[(offsets.curveEntered[c] as number) + s] as number;
      curves[curve.name] = competingRisksCurve(entered, curve.causes, causeEvents, censored, layout.curveStepYears);
    });
    return { id, label: layout.strategyLabels[s] ?? id, rewards, counters, curves };
  });
  return { individuals: n, horizonYears: layout.horizonYears, strategies, paired: pairedMoments(acc) };
}

function pairedMoments(acc: BlockAccumulator): PairedMoments {
  const { layout, offsets } = acc;
  const size = offsets.paired;
  const perStrategy = offsets.pairedChannelIndex.length;
  // x_k's sum is the discounted-sum slot the per-strategy estimates already keep.
  const sums = Array.from({ length: size }, (_, k) =>
    acc.sums.total(offsets.reward(Math.floor(k / perStrategy), offsets.pairedChannelIndex[k % perStrategy] as number)),
  );
  const crossSums = new Array<number>(size * size);
  for (let k = 0; k < size; k++) {
    for (let l = k; l < size; l++) {
      const value = acc.sums.total(offsets.pairedBase + pairSlot(k, l, size));
      crossSums[k * size + l] = value;
      crossSums[l * size + k] = value;
    }
  }
  return {
    channels: [...layout.pairedChannels],
    strategyIds: [...layout.strategyIds],
    individuals: acc.count,
    sums,
    crossSums,
  };
}

/**
 * Kaplan–Meier and Aalen–Johansen estimates from grouped counts. Censorings inside an
 * interval count as at risk for half of it (the actuarial convention); censorings at the
 * horizon close the last interval and need no adjustment.
 */
function competingRisksCurve(
  entered: number,
  causes: readonly string[],
  eventsByCause: readonly Float64Array[],
  censored: Float64Array,
  stepYears: number,
): CurveResult {
  const bins = censored.length;
  const timesYears: number[] = [];
  const atRisk: number[] = [];
  const eventFree: number[] = [];
  const incidence = causes.map(() => [] as number[]);
  const cumulative = causes.map(() => 0);
  let remaining = entered;
  let survival = 1;
  for (let j = 0; j < bins; j++) {
    timesYears.push((j + 1) * stepYears);
    atRisk.push(remaining);
    const censoredHere = censored[j] as number;
    const exposed = remaining - censoredHere / 2;
    let allEvents = 0;
    causes.forEach((_, k) => {
      const d = eventsByCause[k]?.[j] ?? 0;
      allEvents += d;
      if (exposed > 0) cumulative[k] = (cumulative[k] as number) + (survival * d) / exposed;
      incidence[k]?.push(cumulative[k] as number);
    });
    if (exposed > 0) survival *= 1 - allEvents / exposed;
    remaining -= allEvents + censoredHere;
    eventFree.push(survival);
  }
  const cumulativeIncidence: Record<string, number[]> = {};
  causes.forEach((cause, k) => {
    cumulativeIncidence[cause] = incidence[k] ?? [];
  });
  return { individuals: entered, timesYears, atRisk, eventFree, cumulativeIncidence };
}

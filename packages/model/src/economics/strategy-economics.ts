// The economic view of a run: discounted costs, QALYs and life-years per strategy, and the
// incremental analysis at the scenario's threshold.
import type { PairedMoments, StrategyResult } from '../engine/results.js';
import { CURRENCY } from './economic-settings.js';
import { type IncrementalAnalysis, incrementalAnalysis } from './incremental-analysis.js';
import { type PairedPrecision, pairedPrecision } from './paired-precision.js';

/** Discounted means per patient for one strategy. */
export interface StrategyEconomics {
  readonly id: string;
  readonly label: string;
  readonly cost: number;
  readonly qalys: number;
  readonly lifeYears: number;
}

export interface RunEconomics {
  readonly currency: string;
  readonly willingnessToPay: number;
  readonly strategies: readonly StrategyEconomics[];
  readonly incremental: IncrementalAnalysis;
  /** Paired Monte Carlo errors of the comparisons (absent for summaries that have no paired moments, e.g. PSA means). */
  readonly precision?: PairedPrecision;
}

function discountedMean(strategy: StrategyResult, reward: string): number {
  const value = strategy.rewards[reward]?.discounted.mean;
  if (value === undefined) throw new RangeError(`strategy '${strategy.id}' has no '${reward}' reward`);
  return value;
}

export function strategyEconomics(strategies: readonly StrategyResult[]): StrategyEconomics[] {
  return strategies.map((s) => ({
    id: s.id,
    label: s.label,
    cost: discountedMean(s, 'costs'),
    qalys: discountedMean(s, 'qalys'),
    lifeYears: discountedMean(s, 'lifeYears'),
  }));
}

/**
 * The run's economics; with the run's paired moments, also the paired precision of every
 * comparison (against `reference`, default the cheapest frontier strategy).
 */
export function runEconomics(
  strategies: readonly StrategyResult[],
  willingnessToPay: number,
  paired?: PairedMoments,
  reference?: string,
): RunEconomics {
  const economics = strategyEconomics(strategies);
  const incremental = incrementalAnalysis(
    economics.map((s) => ({ id: s.id, cost: s.cost, effect: s.qalys })),
    willingnessToPay,
  );
  return {
    currency: CURRENCY,
    willingnessToPay,
    strategies: economics,
    incremental,
    ...(paired === undefined ? {} : { precision: pairedPrecision(paired, incremental, reference) }),
  };
}

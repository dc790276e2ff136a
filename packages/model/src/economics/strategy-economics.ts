// The economic view of a run: discounted costs, QALYs and life-years per strategy, and the
// incremental analysis at the scenario's threshold.
import type { StrategyResult } from '../engine/results.js';
import { CURRENCY } from './economic-settings.js';
import { type IncrementalAnalysis, incrementalAnalysis } from './incremental-analysis.js';

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

export function runEconomics(strategies: readonly StrategyResult[], willingnessToPay: number): RunEconomics {
  const economics = strategyEconomics(strategies);
  return {
    currency: CURRENCY,
    willingnessToPay,
    strategies: economics,
    incremental: incrementalAnalysis(
      economics.map((s) => ({ id: s.id, cost: s.cost, effect: s.qalys })),
      willingnessToPay,
    ),
  };
}

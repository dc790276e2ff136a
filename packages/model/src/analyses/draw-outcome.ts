// What one PSA draw (or one DSA evaluation) keeps of a run: each strategy's mean costs,
// QALYs and life-years, the inner-loop Monte Carlo noise of those means (their paired
// covariance), which the EVPI's noise correction needs, and the quantities the DSA re-prices.
import { meanCovariance } from '../economics/paired-precision.js';
import { type StrategyEconomics, strategyEconomics } from '../economics/strategy-economics.js';
import { type StrategyQuantities, strategyQuantities } from '../economics/valuation.js';
import type { BlockAccumulator } from '../engine/accumulators.js';
import { summarize } from '../engine/results.js';
import { requireWholeRun } from '../scenario/run-report.js';
import type { Scenario } from '../scenario/scenario.js';

/** Channels of the inner covariance, in order (each over all strategies). */
export const INNER_COVARIANCE_CHANNELS = ['costs', 'qalys'] as const;

export interface DrawOutcome {
  readonly strategies: readonly StrategyEconomics[];
  /**
   * Covariance of the draw's mean costs (strategies 0..S−1) then mean QALYs (0..S−1): the
   * upper triangle of the 2S×2S matrix, row by row.
   */
  readonly innerCovariance: readonly number[];
  /** Every reward channel's discounted mean per strategy: what valuation after simulation prices. */
  readonly quantities?: readonly StrategyQuantities[];
}

/** Entries of the inner covariance for `strategies` strategies. */
export function innerCovarianceLength(strategies: number): number {
  const size = INNER_COVARIANCE_CHANNELS.length * strategies;
  return (size * (size + 1)) / 2;
}

/**
 * Entry (k, l) of the inner covariance of `strategies` strategies: k, l < S index mean costs,
 * S + s the mean QALYs of strategy s.
 */
export function innerCovarianceAt(covariance: readonly number[], strategies: number, k: number, l: number): number {
  const [i, j] = k <= l ? [k, l] : [l, k];
  const m = INNER_COVARIANCE_CHANNELS.length * strategies;
  return covariance[i * m - (i * (i - 1)) / 2 + (j - i)] as number;
}

export function drawOutcome(scenario: Scenario, merged: BlockAccumulator): DrawOutcome {
  requireWholeRun(scenario, merged);
  const results = summarize(merged);
  return {
    strategies: strategyEconomics(results.strategies),
    innerCovariance: meanCovariance(results.paired, INNER_COVARIANCE_CHANNELS),
    quantities: strategyQuantities(results.strategies),
  };
}

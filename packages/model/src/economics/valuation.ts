// Valuation after simulation: a model accumulates quantities (discounted counts of scans,
// operations and courses, discounted years in each cost or utility class) on unpaired reward
// channels, and prices them here. A run's costs and QALYs are the sum of price × quantity mean
// over its quantities (the simulation adds both together, so this holds to rounding), and
// the same quantities give the costs and QALYs at any other prices or utilities without a new
// simulation: exact, since a price does not change what happens to a patient.
import type { StrategyResult } from '../engine/results.js';
import type { StrategyEconomics } from './strategy-economics.js';

/** The outcome channels a price adds to. */
export type PricedChannel = 'costs' | 'qalys';

/** One quantity's price (its sign included: a QALY loss is negative). */
export interface PriceTerm {
  /** The quantity channel. */
  readonly quantity: string;
  readonly priced: PricedChannel;
  readonly price: number;
}

/** One strategy's quantities: the discounted mean per individual of each reward channel. */
export interface StrategyQuantities {
  readonly id: string;
  readonly means: Readonly<Record<string, number>>;
}

export function strategyQuantities(strategies: readonly StrategyResult[]): StrategyQuantities[] {
  return strategies.map((s) => ({
    id: s.id,
    means: Object.fromEntries(Object.entries(s.rewards).map(([channel, e]) => [channel, e.discounted.mean])),
  }));
}

function quantityMean(strategy: StrategyQuantities, quantity: string): number {
  const mean = strategy.means[quantity];
  if (mean === undefined) {
    throw new RangeError(`valuation: strategy '${strategy.id}' has no quantity '${quantity}'`);
  }
  return mean;
}

/** Each strategy's costs and QALYs: Σ price × quantity mean over the terms. */
export function valueQuantities(
  quantities: readonly StrategyQuantities[],
  terms: readonly PriceTerm[],
): { readonly id: string; readonly costs: number; readonly qalys: number }[] {
  return quantities.map((s) => {
    const value = { costs: 0, qalys: 0 };
    for (const t of terms) value[t.priced] += t.price * quantityMean(s, t.quantity);
    return { id: s.id, ...value };
  });
}

/**
 * The economics of a run priced at new terms instead of the run's own: each strategy's costs
 * and QALYs plus Σ (new − old price) × quantity mean. Priced as a change, an unchanged term adds
 * exactly nothing, so the run's own prices give back its own numbers bit for bit.
 */
export function reprice(
  economics: readonly StrategyEconomics[],
  quantities: readonly StrategyQuantities[],
  runTerms: readonly PriceTerm[],
  newTerms: readonly PriceTerm[],
): StrategyEconomics[] {
  const change = newTerms.map((t): PriceTerm => {
    const old = runTerms.find((r) => r.quantity === t.quantity && r.priced === t.priced);
    if (old === undefined) throw new RangeError(`valuation: the run has no price for '${t.quantity}'`);
    return { ...t, price: t.price - old.price };
  });
  return economics.map((s) => {
    const q = quantities.find((x) => x.id === s.id);
    if (q === undefined) throw new RangeError(`valuation: no quantities for strategy '${s.id}'`);
    let cost = s.cost;
    let qalys = s.qalys;
    for (const t of change) {
      if (t.price === 0) continue;
      const amount = t.price * quantityMean(q, t.quantity);
      if (t.priced === 'costs') cost += amount;
      else qalys += amount;
    }
    return { ...s, cost, qalys };
  });
}

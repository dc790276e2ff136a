// Streaming, mergeable accumulators for one block of individuals.
//
// Reward channels keep exact sums and sums of squares per strategy (mean and MCSE);
// curves keep event and censoring counts on a time grid (Kaplan–Meier and cumulative
// incidence); counters keep totals. Counts are integers held exactly in doubles and
// reward sums are exact (see exact-sum.ts), so merging blocks gives bitwise-identical
// results for any blocking. Paired second moments (Σ x_k·x_l over individuals, where x is
// one individual's discounted totals of every channel under every strategy) are exact too:
// common random numbers make strategies' outcomes correlated, and only these cross sums
// give the Monte Carlo error of a difference between strategies. Blocks must be merged in index order, which also proves
// that none is missing.
import { ExactSums } from './exact-sum.js';

/** Names and sizes that fix where each number lives; derived from the model once. */
export interface AccumulatorLayout {
  readonly strategyIds: readonly string[];
  readonly strategyLabels: readonly string[];
  readonly channels: readonly string[];
  readonly counters: readonly string[];
  readonly curves: readonly CurveLayout[];
  readonly curveStepYears: number;
  readonly curveBins: number;
  readonly horizonYears: number;
}

export interface CurveLayout {
  readonly name: string;
  /** Model causes first, then the terminal states as competing causes. */
  readonly causes: readonly string[];
  readonly origin: 'entry' | 'marked';
}

export interface TraceRecord {
  readonly index: number;
  readonly strategyId: string;
  readonly time: number;
  readonly kind: 'state' | 'event' | 'end';
  readonly detail: string;
}

/** Slots per strategy and channel: discounted sum, its square, undiscounted sum, its square. */
export const REWARD_SLOTS = 4;

/** Index of the pair (k, l), k ≤ l, in the upper triangle of a K×K matrix stored row by row. */
export function pairSlot(k: number, l: number, size: number): number {
  return k * size - (k * (k - 1)) / 2 + (l - k);
}

export class BlockAccumulator {
  readonly rewardSums: ExactSums;
  /** Exact Σ x_k·x_l for k ≤ l (see pairSlot); k = strategy × channels + channel, discounted. */
  readonly pairedCrossSums: ExactSums;
  /** The current individual's discounted totals, strategy by strategy (see endIndividual). */
  private readonly pairedTotals: Float64Array;
  private pairedStrategiesAdded = 0;
  /** Exact, like the rewards: counters may add fractional amounts (e.g. lesion sizes). */
  readonly counterTotals: ExactSums;
  /** Per curve: events indexed [strategy][cause][bin]. */
  readonly curveEvents: Float64Array[];
  /** Per curve: censorings before the horizon, indexed [strategy][bin]. */
  readonly curveCensored: Float64Array[];
  /** Per curve and strategy: individuals still under observation at the horizon. */
  readonly curveCensoredAtHorizon: Float64Array[];
  /** Per curve and strategy: individuals who joined the curve. */
  readonly curveEntered: Float64Array[];
  readonly traces: TraceRecord[] = [];

  constructor(
    readonly layout: AccumulatorLayout,
    readonly firstIndex: number,
    public count: number,
  ) {
    const strategies = layout.strategyIds.length;
    this.rewardSums = new ExactSums(strategies * layout.channels.length * REWARD_SLOTS);
    const paired = strategies * layout.channels.length;
    this.pairedCrossSums = new ExactSums((paired * (paired + 1)) / 2);
    this.pairedTotals = new Float64Array(paired);
    this.counterTotals = new ExactSums(strategies * layout.counters.length);
    this.curveEvents = layout.curves.map((c) => new Float64Array(strategies * c.causes.length * layout.curveBins));
    this.curveCensored = layout.curves.map(() => new Float64Array(strategies * layout.curveBins));
    this.curveCensoredAtHorizon = layout.curves.map(() => new Float64Array(strategies));
    this.curveEntered = layout.curves.map(() => new Float64Array(strategies));
  }

  rewardSlot(strategy: number, channel: number): number {
    return (strategy * this.layout.channels.length + channel) * REWARD_SLOTS;
  }

  /** Adds one individual's totals for one strategy (then endIndividual once all strategies are in). */
  addRewards(strategy: number, discounted: Float64Array, undiscounted: Float64Array): void {
    const channels = this.layout.channels.length;
    if (strategy !== this.pairedStrategiesAdded) {
      throw new RangeError(
        `accumulators: strategy ${strategy} added out of order; expected strategy ${this.pairedStrategiesAdded} of this individual`,
      );
    }
    this.pairedStrategiesAdded++;
    for (let c = 0; c < channels; c++) {
      this.pairedTotals[strategy * channels + c] = discounted[c] as number;
      const slot = this.rewardSlot(strategy, c);
      const d = discounted[c] as number;
      const u = undiscounted[c] as number;
      this.rewardSums.add(slot, d);
      this.rewardSums.add(slot + 1, d * d);
      this.rewardSums.add(slot + 2, u);
      this.rewardSums.add(slot + 3, u * u);
    }
  }

  /** Closes the current individual: adds its paired cross products (zero products are skipped). */
  endIndividual(): void {
    const x = this.pairedTotals;
    const size = x.length;
    if (this.pairedStrategiesAdded !== this.layout.strategyIds.length) {
      throw new RangeError(
        `accumulators: an individual ended after ${this.pairedStrategiesAdded} of ${this.layout.strategyIds.length} strategies`,
      );
    }
    let slot = 0;
    for (let k = 0; k < size; k++) {
      const xk = x[k] as number;
      if (xk === 0) {
        slot += size - k;
        continue;
      }
      for (let l = k; l < size; l++, slot++) {
        const product = xk * (x[l] as number);
        if (product !== 0) this.pairedCrossSums.add(slot, product);
      }
    }
    this.pairedStrategiesAdded = 0;
  }

  /** Adds one history's counter totals (exactly; zero totals are skipped). */
  addCounters(strategy: number, totals: Float64Array): void {
    const base = strategy * this.layout.counters.length;
    for (let k = 0; k < totals.length; k++) {
      const total = totals[k] as number;
      if (total !== 0) this.counterTotals.add(base + k, total);
    }
  }

  /** Appends the next block (the one starting where this ends). */
  merge(next: BlockAccumulator): void {
    if (next.firstIndex !== this.firstIndex + this.count) {
      throw new RangeError(
        `accumulators: blocks must be merged in index order; expected a block starting at ${this.firstIndex + this.count}, got ${next.firstIndex}`,
      );
    }
    if (!sameLayout(this.layout, next.layout)) {
      throw new RangeError('accumulators: cannot merge blocks from different models or strategies');
    }
    this.rewardSums.merge(next.rewardSums);
    this.pairedCrossSums.merge(next.pairedCrossSums);
    this.counterTotals.merge(next.counterTotals);
    this.curveEvents.forEach((a, i) => {
      addInto(a, next.curveEvents[i] as Float64Array);
    });
    this.curveCensored.forEach((a, i) => {
      addInto(a, next.curveCensored[i] as Float64Array);
    });
    this.curveCensoredAtHorizon.forEach((a, i) => {
      addInto(a, next.curveCensoredAtHorizon[i] as Float64Array);
    });
    this.curveEntered.forEach((a, i) => {
      addInto(a, next.curveEntered[i] as Float64Array);
    });
    for (const t of next.traces) this.traces.push(t);
    this.count += next.count;
  }
}

/** Element-wise target += source (counts are integers, exact in doubles). */
export function addInto(target: Float64Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] as number) + (source[i] as number);
}

function sameLayout(a: AccumulatorLayout, b: AccumulatorLayout): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

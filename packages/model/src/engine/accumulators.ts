// Streaming, mergeable accumulators for one block of individuals, in two flat buffers.
//
// Exact sums (one ExactSums, see exact-sum.ts) hold, per strategy and channel, the discounted
// sum, its square, the undiscounted sum and its square (mean and MCSE); per strategy, every
// counter's total; and the paired second moments Σ x_k·x_l over individuals, where x is one
// individual's discounted totals of every paired channel under every strategy (k = strategy ×
// paired channels + paired channel). Common random numbers make strategies' outcomes
// correlated, and only these cross sums give the Monte Carlo error of a difference between
// strategies. Unpaired channels (quantities priced after the simulation) have only the
// per-strategy sums, so they do not grow the K(K+1)/2 cross sums.
// Counts (one Float64Array) hold every curve's events and censorings on its time grid
// (Kaplan–Meier and cumulative incidence); they are integers, exact in doubles.
// AccumulatorOffsets says where each number lives. Because every sum is exact, merging blocks
// gives bitwise-identical results for any blocking; blocks must be merged in index order,
// which also proves that none is missing. One routine (mergeData) merges a block from this
// thread or from a worker alike.
import { ExactSums } from './exact-sum.js';

/** Names and sizes that fix where each number lives; derived from the model once. */
export interface AccumulatorLayout {
  readonly strategyIds: readonly string[];
  readonly strategyLabels: readonly string[];
  readonly channels: readonly string[];
  /** The channels in the paired vector, in channel order (the others are unpaired). */
  readonly pairedChannels: readonly string[];
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

/** Where each number of a layout lives in the two buffers. */
export class AccumulatorOffsets {
  readonly strategies: number;
  readonly channels: number;
  /** K = strategies × paired channels: the length of one individual's paired vector. */
  readonly paired: number;
  /** Per channel, its place among a strategy's paired channels, or −1 if unpaired. */
  readonly pairedPosition: Int32Array;
  /** Per place among a strategy's paired channels, the channel's index. */
  readonly pairedChannelIndex: Int32Array;
  readonly counterBase: number;
  readonly pairedBase: number;
  readonly exactSlots: number;
  /** Per curve, in counts: events [strategy][cause][bin], censored [strategy][bin], at horizon [strategy], entered [strategy]. */
  readonly curveEvents: Int32Array;
  readonly curveCensored: Int32Array;
  readonly curveAtHorizon: Int32Array;
  readonly curveEntered: Int32Array;
  readonly countSlots: number;

  constructor(readonly layout: AccumulatorLayout) {
    const strategies = layout.strategyIds.length;
    this.strategies = strategies;
    this.channels = layout.channels.length;
    this.pairedChannelIndex = Int32Array.from(layout.pairedChannels, (name) => {
      const c = layout.channels.indexOf(name);
      if (c < 0) throw new RangeError(`accumulators: paired channel '${name}' is not a channel`);
      return c;
    });
    if (this.pairedChannelIndex.some((c, i) => i > 0 && c <= (this.pairedChannelIndex[i - 1] as number))) {
      throw new RangeError('accumulators: paired channels must be distinct and in channel order');
    }
    this.pairedPosition = new Int32Array(this.channels).fill(-1);
    this.pairedChannelIndex.forEach((c, i) => {
      this.pairedPosition[c] = i;
    });
    this.paired = strategies * this.pairedChannelIndex.length;
    this.counterBase = strategies * this.channels * REWARD_SLOTS;
    this.pairedBase = this.counterBase + strategies * layout.counters.length;
    this.exactSlots = this.pairedBase + (this.paired * (this.paired + 1)) / 2;
    const curves = layout.curves.length;
    this.curveEvents = new Int32Array(curves);
    this.curveCensored = new Int32Array(curves);
    this.curveAtHorizon = new Int32Array(curves);
    this.curveEntered = new Int32Array(curves);
    let at = 0;
    layout.curves.forEach((curve, c) => {
      this.curveEvents[c] = at;
      at += strategies * curve.causes.length * layout.curveBins;
      this.curveCensored[c] = at;
      at += strategies * layout.curveBins;
      this.curveAtHorizon[c] = at;
      at += strategies;
      this.curveEntered[c] = at;
      at += strategies;
    });
    this.countSlots = at;
  }

  reward(strategy: number, channel: number): number {
    return (strategy * this.channels + channel) * REWARD_SLOTS;
  }

  counter(strategy: number, counter: number): number {
    return this.counterBase + strategy * this.layout.counters.length + counter;
  }
}

/** A block's numbers as plain data: what crosses the worker boundary, and what mergeData reads. */
export interface BlockData {
  readonly firstIndex: number;
  readonly count: number;
  /** The exact sums in ExactSums' flat form (see ExactSums.toArray). */
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  readonly traces: readonly TraceRecord[];
}

export class BlockAccumulator {
  readonly offsets: AccumulatorOffsets;
  readonly sums: ExactSums;
  readonly counts: Float64Array;
  readonly traces: TraceRecord[] = [];
  /** The current individual's discounted totals, strategy by strategy (see endIndividual). */
  private readonly pairedTotals: Float64Array;
  private pairedStrategiesAdded = 0;

  constructor(
    readonly layout: AccumulatorLayout,
    /** Changes only through reset. */
    public firstIndex: number,
    public count: number,
    offsets?: AccumulatorOffsets,
  ) {
    this.offsets = offsets ?? new AccumulatorOffsets(layout);
    this.sums = new ExactSums(this.offsets.exactSlots);
    this.counts = new Float64Array(this.offsets.countSlots);
    this.pairedTotals = new Float64Array(this.offsets.paired);
  }

  /** Adds one individual's totals for one strategy (then endIndividual once all strategies are in). */
  addRewards(strategy: number, discounted: Float64Array, undiscounted: Float64Array): void {
    if (strategy !== this.pairedStrategiesAdded) {
      throw new RangeError(
        `accumulators: strategy ${strategy} added out of order; expected strategy ${this.pairedStrategiesAdded} of this individual`,
      );
    }
    this.pairedStrategiesAdded++;
    const channels = this.offsets.channels;
    const position = this.offsets.pairedPosition;
    const pairedBase = strategy * this.offsets.pairedChannelIndex.length;
    const sums = this.sums;
    for (let c = 0; c < channels; c++) {
      const slot = (strategy * channels + c) * REWARD_SLOTS;
      const d = discounted[c] as number;
      const u = undiscounted[c] as number;
      const p = position[c] as number;
      if (p >= 0) this.pairedTotals[pairedBase + p] = d;
      if (d === 0 && u === 0) continue; // adds nothing (many quantities are zero for most histories)
      sums.add(slot, d);
      sums.add(slot + 1, d * d);
      sums.add(slot + 2, u);
      sums.add(slot + 3, u * u);
    }
  }

  /** Closes the current individual: adds its paired cross products (zero products are skipped). */
  endIndividual(): void {
    if (this.pairedStrategiesAdded !== this.offsets.strategies) {
      throw new RangeError(
        `accumulators: an individual ended after ${this.pairedStrategiesAdded} of ${this.offsets.strategies} strategies`,
      );
    }
    const x = this.pairedTotals;
    const size = x.length;
    const sums = this.sums;
    let slot = this.offsets.pairedBase;
    for (let k = 0; k < size; k++) {
      const xk = x[k] as number;
      if (xk === 0) {
        slot += size - k;
        continue;
      }
      for (let l = k; l < size; l++, slot++) {
        const product = xk * (x[l] as number);
        if (product !== 0) sums.add(slot, product);
      }
    }
    this.pairedStrategiesAdded = 0;
  }

  /** Adds one history's counter totals (exactly; zero totals are skipped). */
  addCounters(strategy: number, totals: Float64Array): void {
    const base = this.offsets.counter(strategy, 0);
    for (let k = 0; k < totals.length; k++) {
      const total = totals[k] as number;
      if (total !== 0) this.sums.add(base + k, total);
    }
  }

  /** The block as plain data (fresh buffers, safe to transfer). */
  data(): BlockData {
    return {
      firstIndex: this.firstIndex,
      count: this.count,
      sums: this.sums.toArray(),
      counts: this.counts.slice(),
      traces: this.traces,
    };
  }

  /** Appends the next block (the one starting where this ends) from this thread. */
  merge(next: BlockAccumulator): void {
    if (!sameLayout(this.layout, next.layout)) {
      throw new RangeError('accumulators: cannot merge blocks from different models or strategies');
    }
    this.mergeData(next.data());
  }

  /**
   * Appends the next block's data (the one starting where this ends). Every size is checked
   * before anything is added, so a bad block leaves this one untouched.
   */
  mergeData(block: BlockData): void {
    if (block.firstIndex !== this.firstIndex + this.count) {
      throw new RangeError(
        `accumulators: blocks must be merged in index order; expected a block starting at ${this.firstIndex + this.count}, got ${block.firstIndex}`,
      );
    }
    if (block.sums?.[0] !== this.sums.slots) {
      throw new RangeError(`accumulators: the block has ${block.sums?.[0]} exact sums, expected ${this.sums.slots}`);
    }
    if (block.counts?.length !== this.counts.length) {
      throw new RangeError(
        `accumulators: the block has ${block.counts?.length} counts, expected ${this.counts.length}`,
      );
    }
    this.sums.mergeArray(block.sums);
    const counts = this.counts;
    const source = block.counts;
    for (let i = 0; i < counts.length; i++) counts[i] = (counts[i] as number) + (source[i] as number);
    for (const t of block.traces) this.traces.push(t);
    this.count += block.count;
  }

  /**
   * Empties this accumulator for a new block, keeping its buffers, so a worker running block
   * after block allocates none (freed typed arrays are reclaimed only by full garbage
   * collections; see block-transfer.ts).
   */
  reset(firstIndex: number, count: number): void {
    this.firstIndex = firstIndex;
    this.count = count;
    this.sums.clear();
    this.counts.fill(0);
    this.traces.length = 0;
    this.pairedStrategiesAdded = 0;
  }
}

function sameLayout(a: AccumulatorLayout, b: AccumulatorLayout): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

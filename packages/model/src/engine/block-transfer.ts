// Moves a block's accumulators between threads as transferable typed arrays.
//
// Only typed arrays and a few numbers cross the boundary (plus the capped traces), so a
// block's results are cheap to post from a worker and cannot drag object graphs along.
import { type AccumulatorLayout, addInto, BlockAccumulator, type TraceRecord } from './accumulators.js';

export interface TransferableBlock {
  readonly firstIndex: number;
  readonly count: number;
  readonly rewardSums: Float64Array;
  readonly pairedCrossSums: Float64Array;
  readonly counterTotals: Float64Array;
  readonly curveEvents: readonly Float64Array[];
  readonly curveCensored: readonly Float64Array[];
  readonly curveCensoredAtHorizon: readonly Float64Array[];
  readonly curveEntered: readonly Float64Array[];
  readonly traces: readonly TraceRecord[];
}

/** The block's data and the buffers to transfer (not copy) with it. */
export function toTransferable(acc: BlockAccumulator): { block: TransferableBlock; buffers: ArrayBuffer[] } {
  const block: TransferableBlock = {
    firstIndex: acc.firstIndex,
    count: acc.count,
    rewardSums: acc.rewardSums.toArray(),
    pairedCrossSums: acc.pairedCrossSums.toArray(),
    counterTotals: acc.counterTotals.toArray(),
    curveEvents: acc.curveEvents,
    curveCensored: acc.curveCensored,
    curveCensoredAtHorizon: acc.curveCensoredAtHorizon,
    curveEntered: acc.curveEntered,
    traces: acc.traces,
  };
  const arrays = [
    block.rewardSums,
    block.pairedCrossSums,
    block.counterTotals,
    ...block.curveEvents,
    ...block.curveCensored,
    ...block.curveCensoredAtHorizon,
    ...block.curveEntered,
  ];
  return { block, buffers: arrays.map((a) => a.buffer as ArrayBuffer) };
}

function requireSize(source: Float64Array | undefined, expected: number, what: string): Float64Array {
  if (source === undefined || source.length !== expected) {
    throw new RangeError(`block transfer: ${what} has ${source?.length ?? 0} values, expected ${expected}`);
  }
  return source;
}

/**
 * Appends a transferred block to `into` (which must end where the block starts), without
 * building an intermediate accumulator. Every size is checked against the layout before
 * anything is added, so a bad block leaves `into` untouched.
 */
export function mergeTransferable(into: BlockAccumulator, block: TransferableBlock): void {
  if (block.firstIndex !== into.firstIndex + into.count) {
    throw new RangeError(
      `accumulators: blocks must be merged in index order; expected a block starting at ${into.firstIndex + into.count}, got ${block.firstIndex}`,
    );
  }
  if (block.rewardSums[0] !== into.rewardSums.slots) {
    throw new RangeError(`block transfer: ${block.rewardSums[0]} reward slots, expected ${into.rewardSums.slots}`);
  }
  if (block.pairedCrossSums?.[0] !== into.pairedCrossSums.slots) {
    throw new RangeError(
      `block transfer: pairedCrossSums has ${block.pairedCrossSums?.[0]} slots, expected ${into.pairedCrossSums.slots}`,
    );
  }
  if (block.counterTotals[0] !== into.counterTotals.slots) {
    throw new RangeError(
      `block transfer: counterTotals has ${block.counterTotals[0]} slots, expected ${into.counterTotals.slots}`,
    );
  }
  const events = into.curveEvents.map((t, i) => requireSize(block.curveEvents[i], t.length, `curveEvents[${i}]`));
  const censored = into.curveCensored.map((t, i) =>
    requireSize(block.curveCensored[i], t.length, `curveCensored[${i}]`),
  );
  const atHorizon = into.curveCensoredAtHorizon.map((t, i) =>
    requireSize(block.curveCensoredAtHorizon[i], t.length, `curveCensoredAtHorizon[${i}]`),
  );
  const entered = into.curveEntered.map((t, i) => requireSize(block.curveEntered[i], t.length, `curveEntered[${i}]`));
  into.rewardSums.mergeArray(block.rewardSums);
  into.pairedCrossSums.mergeArray(block.pairedCrossSums);
  into.counterTotals.mergeArray(block.counterTotals);
  into.curveEvents.forEach((target, i) => {
    addInto(target, events[i] as Float64Array);
  });
  into.curveCensored.forEach((target, i) => {
    addInto(target, censored[i] as Float64Array);
  });
  into.curveCensoredAtHorizon.forEach((target, i) => {
    addInto(target, atHorizon[i] as Float64Array);
  });
  into.curveEntered.forEach((target, i) => {
    addInto(target, entered[i] as Float64Array);
  });
  for (const t of block.traces) into.traces.push(t);
  into.count += block.count;
}

/** Rebuilds an accumulator from transferred data. */
export function fromTransferable(layout: AccumulatorLayout, block: TransferableBlock): BlockAccumulator {
  const acc = new BlockAccumulator(layout, block.firstIndex, 0);
  mergeTransferable(acc, block);
  return acc;
}

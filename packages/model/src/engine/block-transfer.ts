// Moves a block's accumulators between threads as transferable typed arrays.
//
// Only typed arrays and a few numbers cross the boundary (plus the capped traces), so a
// block's results are cheap to post from a worker and cannot drag object graphs along.
import { type AccumulatorLayout, BlockAccumulator, type TraceRecord } from './accumulators.js';
import { ExactSums } from './exact-sum.js';

export interface TransferableBlock {
  readonly firstIndex: number;
  readonly count: number;
  readonly rewardSums: Float64Array;
  readonly counterTotals: Float64Array;
  readonly curveEvents: readonly Float64Array[];
  readonly curveCensoredAtHorizon: readonly Float64Array[];
  readonly traces: readonly TraceRecord[];
}

/** The block's data and the buffers to transfer (not copy) with it. */
export function toTransferable(acc: BlockAccumulator): { block: TransferableBlock; buffers: ArrayBuffer[] } {
  const block: TransferableBlock = {
    firstIndex: acc.firstIndex,
    count: acc.count,
    rewardSums: acc.rewardSums.toArray(),
    counterTotals: acc.counterTotals,
    curveEvents: acc.curveEvents,
    curveCensoredAtHorizon: acc.curveCensoredAtHorizon,
    traces: acc.traces,
  };
  const arrays = [block.rewardSums, block.counterTotals, ...block.curveEvents, ...block.curveCensoredAtHorizon];
  return { block, buffers: arrays.map((a) => a.buffer as ArrayBuffer) };
}

function copyInto(target: Float64Array, source: Float64Array | undefined, what: string): void {
  if (source === undefined || source.length !== target.length) {
    throw new RangeError(`block transfer: ${what} has ${source?.length ?? 0} values, expected ${target.length}`);
  }
  target.set(source);
}

/** Rebuilds an accumulator from transferred data, checking every size against the layout. */
export function fromTransferable(layout: AccumulatorLayout, block: TransferableBlock): BlockAccumulator {
  const acc = new BlockAccumulator(layout, block.firstIndex, block.count);
  const sums = ExactSums.fromArray(block.rewardSums);
  if (sums.slots !== acc.rewardSums.slots) {
    throw new RangeError(`block transfer: ${sums.slots} reward slots, expected ${acc.rewardSums.slots}`);
  }
  acc.rewardSums.merge(sums);
  copyInto(acc.counterTotals, block.counterTotals, 'counterTotals');
  acc.curveEvents.forEach((target, i) => {
    copyInto(target, block.curveEvents[i], `curveEvents[${i}]`);
  });
  acc.curveCensoredAtHorizon.forEach((target, i) => {
    copyInto(target, block.curveCensoredAtHorizon[i], `curveCensoredAtHorizon[${i}]`);
  });
  for (const t of block.traces) acc.traces.push(t);
  return acc;
}

// Moves a block's accumulators between threads as transferable typed arrays.
//
// Only two typed arrays and a few numbers cross the boundary (plus the capped traces), so a
// block's results are cheap to post from a worker and cannot drag object graphs along. The
// receiving side merges them with the same routine as blocks run on its own thread.
import { type AccumulatorLayout, BlockAccumulator, type BlockData } from './accumulators.js';

export type TransferableBlock = BlockData;

/** The block's data and the buffers to transfer (not copy) with it. */
export function toTransferable(acc: BlockAccumulator): { block: TransferableBlock; buffers: ArrayBuffer[] } {
  const block = acc.data();
  return { block, buffers: [block.sums.buffer as ArrayBuffer, block.counts.buffer as ArrayBuffer] };
}

/** Appends a transferred block to `into` (which must end where the block starts); see mergeData. */
export function mergeTransferable(into: BlockAccumulator, block: TransferableBlock): void {
  into.mergeData(block);
}

/** Rebuilds an accumulator from transferred data. */
export function fromTransferable(layout: AccumulatorLayout, block: TransferableBlock): BlockAccumulator {
  const acc = new BlockAccumulator(layout, block.firstIndex, 0);
  acc.mergeData(block);
  return acc;
}

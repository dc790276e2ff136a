// Moves a block's accumulators between threads in one transferable buffer, and reuses it.
//
// A block's counts and exact sums (in ExactSums' flat form) travel as two views of one
// ArrayBuffer, which is transferred, not copied, so a block's results are cheap to post and
// cannot drag object graphs along. The receiving side merges them with the same routine
// (mergeData) as blocks run on its own thread, and then hands the buffer back to be filled
// with a later block (see `spare`). That matters for memory: a typed array's buffer lives
// outside the JS heap, and V8 reclaims such buffers only in a full garbage collection, which
// it starts once about 64 MB of them have piled up, in every thread. With a new ~0.7 MB
// buffer per block (the default model's counts) this was most of the peak resident memory
// above the baseline.
import { type AccumulatorLayout, BlockAccumulator, type BlockData } from './accumulators.js';

export type TransferableBlock = BlockData;

/**
 * The block's data and the buffer to transfer (not copy) with it. A buffer is taken from
 * `spare` (buffers of blocks already merged) when one is large enough; otherwise a new one
 * is made, with room for the flat exact sums to grow in later blocks.
 */
export function toTransferable(
  acc: BlockAccumulator,
  spare: ArrayBuffer[] = [],
): { block: TransferableBlock; buffers: ArrayBuffer[] } {
  const parts = acc.sums.toParts();
  const countSlots = acc.counts.length;
  const needed = (countSlots + parts.length) * Float64Array.BYTES_PER_ELEMENT;
  const fits = spare.findIndex((b) => b.byteLength >= needed);
  const buffer =
    fits >= 0
      ? (spare.splice(fits, 1)[0] as ArrayBuffer)
      : new ArrayBuffer((countSlots + 2 * parts.length) * Float64Array.BYTES_PER_ELEMENT);
  const counts = new Float64Array(buffer, 0, countSlots);
  counts.set(acc.counts);
  const sums = new Float64Array(buffer, countSlots * Float64Array.BYTES_PER_ELEMENT, parts.length);
  sums.set(parts);
  const block: TransferableBlock = {
    firstIndex: acc.firstIndex,
    count: acc.count,
    sums,
    counts,
    traces: acc.traces.slice(), // the accumulator may be reset and reused before the block is posted
  };
  return { block, buffers: [buffer] };
}

/** The buffer a transferred block came in, free to be reused once the block is merged. */
export function bufferOf(block: TransferableBlock): ArrayBuffer {
  return block.counts.buffer as ArrayBuffer;
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

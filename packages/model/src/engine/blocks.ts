// Splitting a cohort into fixed-size blocks and running them serially.
//
// Block boundaries are fixed by the block size alone, never by the number of workers;
// because every individual's random numbers come from its own coordinates and sums are
// exact, any block size gives bitwise-identical merged results.
import type { BlockAccumulator } from './accumulators.js';
import type { SimulationRunner } from './simulator.js';

export interface BlockRange {
  readonly firstIndex: number;
  readonly count: number;
}

export function blocksOf(individuals: number, blockSize: number): BlockRange[] {
  if (!Number.isInteger(individuals) || individuals < 1) {
    throw new RangeError(`individuals must be a whole number ≥ 1, got ${individuals}`);
  }
  if (!Number.isInteger(blockSize) || blockSize < 1) {
    throw new RangeError(`blockSize must be a whole number ≥ 1, got ${blockSize}`);
  }
  const blocks: BlockRange[] = [];
  for (let first = 0; first < individuals; first += blockSize) {
    blocks.push({ firstIndex: first, count: Math.min(blockSize, individuals - first) });
  }
  return blocks;
}

export interface SerialRunOptions {
  readonly seed: number;
  readonly draw?: number;
  readonly individuals: number;
  readonly blockSize?: number;
  readonly traceIndividuals?: number;
  /** Called after each block with the number of individuals done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_BLOCK_SIZE = 2_000;

/** Runs every block on this thread and merges them in index order. */
export function runSerial(runner: SimulationRunner, options: SerialRunOptions): BlockAccumulator {
  let merged: BlockAccumulator | undefined;
  let spare: BlockAccumulator | undefined; // every block after the first runs into the same one
  for (const block of blocksOf(options.individuals, options.blockSize ?? DEFAULT_BLOCK_SIZE)) {
    const result = runner.run(
      {
        seed: options.seed,
        draw: options.draw ?? 0,
        firstIndex: block.firstIndex,
        count: block.count,
        traceIndividuals: options.traceIndividuals ?? 0,
      },
      spare,
    );
    if (merged === undefined) merged = result;
    else {
      merged.merge(result);
      spare = result;
    }
    options.onProgress?.(merged.count, options.individuals);
  }
  if (merged === undefined) throw new RangeError('runSerial: no individuals to run');
  return merged;
}

// A pool of block workers: deterministic, cancellable, with one retry per block.
//
// Blocks are handed out in index order to whichever worker is free, and merged strictly
// in index order as they become contiguous, so the result is bitwise identical for any
// number of workers and only out-of-order blocks wait in memory. A block whose worker
// throws or dies is retried once on a fresh worker; a second failure fails the whole
// run with a message naming the block. Nothing partial is ever returned.
import {
  type BlockAccumulator,
  type BlockRange,
  fromTransferable,
  parseScenario,
  runnerFor,
  type Scenario,
  scenarioBlocks,
} from '@sarcsim/model';
import type { BlockWorkerApi } from './block-worker-api.js';

/** A started worker: its API, a promise that rejects if it dies, and a way to stop it. */
export interface WorkerHandle {
  readonly api: Pick<BlockWorkerApi, 'runBlock'>;
  readonly died: Promise<never>;
  terminate(): void;
}

export type WorkerFactory = () => WorkerHandle;

export interface RunProgress {
  readonly blocksDone: number;
  readonly blocksTotal: number;
  readonly individualsDone: number;
  readonly individualsTotal: number;
  readonly individualsPerSecond: number;
  /** Seconds left at the current rate (NaN before the first block). */
  readonly etaSeconds: number;
}

export interface PoolRunOptions {
  readonly onProgress?: (progress: RunProgress) => void;
  readonly signal?: AbortSignal;
  readonly traceIndividuals?: number;
  readonly draw?: number;
  /** Minimum milliseconds between progress reports (the last one is always sent). */
  readonly progressIntervalMs?: number;
}

export class RunCancelledError extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'RunCancelledError';
  }
}

export class BlockFailedError extends Error {
  constructor(
    readonly block: BlockRange,
    readonly causes: readonly unknown[],
  ) {
    const last = causes[causes.length - 1];
    super(
      `block of individuals ${block.firstIndex}–${block.firstIndex + block.count - 1} failed ${causes.length} times; the run was stopped with no partial results (last error: ${last instanceof Error ? last.message : String(last)})`,
    );
    this.name = 'BlockFailedError';
  }
}

const MAX_ATTEMPTS = 2;

export class WorkerPool {
  private readonly idle: WorkerHandle[] = [];
  private readonly live = new Set<WorkerHandle>();
  private running = false;

  constructor(
    private readonly factory: WorkerFactory,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`workers: got ${size}, must be a whole number ≥ 1`);
  }

  /** Runs every block of the scenario and returns the merged accumulator. */
  async run(scenarioInput: unknown, options: PoolRunOptions = {}): Promise<BlockAccumulator> {
    if (this.running) throw new Error('worker pool: a run is already in progress');
    this.running = true;
    try {
      return await this.runBlocks(parseScenario(scenarioInput), options);
    } finally {
      this.running = false;
    }
  }

  /** Stops every worker; the pool starts fresh ones if used again. */
  terminate(): void {
    for (const worker of this.live) worker.terminate();
    this.live.clear();
    this.idle.length = 0;
  }

  private async runBlocks(scenario: Scenario, options: PoolRunOptions): Promise<BlockAccumulator> {
    const { signal } = options;
    if (signal?.aborted) throw new RunCancelledError();
    const layout = runnerFor(scenario).layout;
    const blocks = scenarioBlocks(scenario);
    const pending = blocks.map((_, i) => i);
    const failures = blocks.map((): unknown[] => []);
    const finished = new Map<number, BlockAccumulator>();
    let merged: BlockAccumulator | undefined;
    let nextToMerge = 0;
    let failure: unknown;
    const started = performance.now();
    let lastReport = -Infinity;
    const interval = options.progressIntervalMs ?? 100;

    const report = (force: boolean) => {
      const now = performance.now();
      if (!force && now - lastReport < interval) return;
      lastReport = now;
      const done = merged?.count ?? 0;
      const perSecond = done / Math.max((now - started) / 1000, 1e-9);
      options.onProgress?.({
        blocksDone: nextToMerge,
        blocksTotal: blocks.length,
        individualsDone: done,
        individualsTotal: scenario.patients,
        individualsPerSecond: perSecond,
        etaSeconds: done === 0 ? Number.NaN : (scenario.patients - done) / perSecond,
      });
    };

    const abort = () => this.terminate();
    signal?.addEventListener('abort', abort, { once: true });

    const lane = async (): Promise<void> => {
      while (pending.length > 0 && failure === undefined && !signal?.aborted) {
        const index = pending.shift() as number;
        const block = blocks[index] as BlockRange;
        const worker = this.acquire();
        try {
          const result = await Promise.race([
            worker.api.runBlock(scenario, {
              firstIndex: block.firstIndex,
              count: block.count,
              draw: options.draw ?? 0,
              traceIndividuals: options.traceIndividuals ?? 0,
            }),
            worker.died,
          ]);
          this.release(worker);
          finished.set(index, fromTransferable(layout, result));
          while (finished.has(nextToMerge)) {
            const next = finished.get(nextToMerge) as BlockAccumulator;
            finished.delete(nextToMerge);
            if (merged === undefined) merged = next;
            else merged.merge(next);
            nextToMerge += 1;
          }
          report(nextToMerge === blocks.length);
        } catch (error) {
          this.discard(worker);
          if (signal?.aborted) return;
          const attempts = failures[index] as unknown[];
          attempts.push(error);
          if (attempts.length >= MAX_ATTEMPTS) failure = new BlockFailedError(block, attempts);
          else pending.unshift(index);
        }
      }
    };

    try {
      await Promise.all(Array.from({ length: Math.min(this.size, blocks.length) }, lane));
    } finally {
      signal?.removeEventListener('abort', abort);
    }
    if (signal?.aborted) throw new RunCancelledError();
    if (failure !== undefined) throw failure;
    if (merged === undefined || nextToMerge !== blocks.length) {
      throw new Error(`worker pool: only ${nextToMerge} of ${blocks.length} blocks finished`);
    }
    return merged;
  }

  private acquire(): WorkerHandle {
    const worker = this.idle.pop() ?? this.factory();
    this.live.add(worker);
    return worker;
  }

  private release(worker: WorkerHandle): void {
    if (this.live.has(worker)) this.idle.push(worker);
  }

  private discard(worker: WorkerHandle): void {
    worker.terminate();
    this.live.delete(worker);
  }
}

// A pool of block workers: deterministic, cancellable, with one retry per block.
//
// Blocks are handed out in index order, two at a time per worker so a worker never idles
// while the main thread turns a result around, and merged strictly in index order as they
// become contiguous. The result is therefore bitwise identical for any number of workers,
// and only out-of-order blocks wait in memory. Each merged block's buffer goes back to a
// worker with a later block, to be filled again (see block-transfer.ts in the engine). A block whose worker throws is retried once
// on a fresh worker; when a worker dies, the block it was running is charged and the one
// queued behind it is re-queued free. A second failure of the same block fails the whole
// run with a message naming the block. Nothing partial is ever returned.
import {
  type AccumulatorLayout,
  type BlockAccumulator,
  type BlockRange,
  blocksOf,
  bufferOf,
  DEFAULT_BLOCK_SIZE,
  fromTransferable,
  mergeTransferable,
  type TransferableBlock,
} from '@sarcsim/model/engine';
import { parseScenario, runnerFor, scenarioBlocks } from '@sarcsim/model/scenario';
import * as Comlink from 'comlink';
import type { BlockWorkerApi } from '../runtime/block-worker-api.js';
import { loadModelRunner, type ModelModuleSpec } from '../runtime/model-module.js';
import { RUNTIME_CALIBRATION } from '../runtime/runtime-calibration.js';

/** A started worker: its API, a promise that rejects (with WorkerDiedError) if it dies, and a way to stop it. */
export interface WorkerHandle {
  readonly api: BlockWorkerApi;
  readonly died: Promise<never>;
  terminate(): void;
}

export type WorkerFactory = () => WorkerHandle;

export class WorkerDiedError extends Error {
  constructor(detail: string) {
    super(`worker stopped (${detail})`);
    this.name = 'WorkerDiedError';
  }
}

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
  /**
   * Whether a scenario run keeps the sarcoma model's quantity channels (default true); only
   * valuation after simulation reads them, and leaving them out changes no other number.
   */
  readonly quantities?: boolean;
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

/** Work for the pool: the blocks of one simulation, run by workers and merged in index order. */
export interface PoolJob {
  readonly layout: AccumulatorLayout;
  readonly blocks: readonly BlockRange[];
  readonly individuals: number;
  /** `spare`: buffers of merged blocks, marked for transfer, to pass on to the worker. */
  runBlock(api: BlockWorkerApi, block: BlockRange, spare: readonly ArrayBuffer[]): Promise<TransferableBlock>;
}

/** What to run of a user's model module: which individuals and random numbers. */
export interface ModelRunOptions extends PoolRunOptions {
  readonly seed: number;
  readonly individuals: number;
  /** Individuals per block (default DEFAULT_BLOCK_SIZE); results do not depend on it. */
  readonly blockSize?: number;
}

const MAX_ATTEMPTS = 2;
/** Blocks sent ahead to each worker; the second waits in the worker's queue. */
const BLOCKS_IN_FLIGHT_PER_WORKER = 2;
/** Merged blocks' buffers kept for reuse; one per block dispatched is what is used. */
const MAX_SPARE_BUFFERS = 8;

interface Slot {
  readonly handle: WorkerHandle;
  /** What the current run does if this worker dies (set per run, called at most once). */
  onDeath: ((error: WorkerDiedError) => void) | undefined;
  /** Block indices sent to this worker, in the order it will run them. */
  readonly inFlight: number[];
  /** Takes no new blocks (it threw); stopped once its queue drains. */
  retired: boolean;
  dead: boolean;
}

export class WorkerPool {
  private slots: Slot[] = [];
  private running = false;

  constructor(
    private readonly factory: WorkerFactory,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`workers: got ${size}, must be a whole number ≥ 1`);
  }

  /** Runs every block of the scenario and returns the merged accumulator. */
  run(scenarioInput: unknown, options: PoolRunOptions = {}): Promise<BlockAccumulator> {
    const scenario = parseScenario(scenarioInput);
    const quantities = options.quantities ?? true;
    const request = { draw: options.draw ?? 0, traceIndividuals: options.traceIndividuals ?? 0, quantities };
    return this.runJob(
      {
        layout: runnerFor(scenario, RUNTIME_CALIBRATION, { quantities }).layout,
        blocks: scenarioBlocks(scenario),
        individuals: scenario.patients,
        runBlock: (api, block, spare) =>
          api.runBlock(scenario, { ...request, firstIndex: block.firstIndex, count: block.count }, spare),
      },
      options,
    );
  }

  /**
   * Runs a user-written model module (either kind) in the workers: each worker imports it by
   * URL, so no worker script is needed. The module is also loaded here, once, so a bad module
   * is reported before any worker starts.
   */
  async runModel(module: ModelModuleSpec, options: ModelRunOptions): Promise<BlockAccumulator> {
    if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed >= 2 ** 32) {
      throw new RangeError(`seed: got ${options.seed}, must be a whole number in [0, 2^32)`);
    }
    const { layout } = await loadModelRunner(module);
    const request = { draw: options.draw ?? 0, traceIndividuals: options.traceIndividuals ?? 0 };
    return this.runJob(
      {
        layout,
        blocks: blocksOf(options.individuals, options.blockSize ?? DEFAULT_BLOCK_SIZE),
        individuals: options.individuals,
        runBlock: (api, block, spare) =>
          api.runModelBlock(
            module,
            options.seed,
            { ...request, firstIndex: block.firstIndex, count: block.count },
            spare,
          ),
      },
      options,
    );
  }

  /** Runs every block of a job and returns the merged accumulator. */
  async runJob(job: PoolJob, options: PoolRunOptions = {}): Promise<BlockAccumulator> {
    if (this.running) throw new Error('worker pool: a run is already in progress');
    this.running = true;
    try {
      return await this.runBlocks(job, options);
    } finally {
      this.running = false;
    }
  }

  /** Stops every worker; the pool starts fresh ones if used again. */
  terminate(): void {
    for (const slot of this.slots) {
      slot.dead = true;
      slot.handle.terminate();
    }
    this.slots = [];
  }

  private runBlocks(job: PoolJob, options: PoolRunOptions): Promise<BlockAccumulator> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new RunCancelledError());
    const { layout, blocks } = job;
    const pending = blocks.map((_, i) => i);
    const attempts = blocks.map((): unknown[] => []);
    const finished = new Map<number, TransferableBlock>();
    /** Buffers of merged blocks, to be sent back with later blocks. */
    const spareBuffers: ArrayBuffer[] = [];
    let merged: BlockAccumulator | undefined;
    let nextToMerge = 0;
    const started = performance.now();
    let lastReport = -Infinity;
    const interval = options.progressIntervalMs ?? 100;

    return new Promise<BlockAccumulator>((resolve, reject) => {
      let settled = false;
      const finish = (error: unknown, result?: BlockAccumulator) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        if (error !== undefined || result === undefined) {
          this.terminate();
          reject(error);
        } else {
          resolve(result);
        }
      };
      const onAbort = () => finish(new RunCancelledError());
      signal?.addEventListener('abort', onAbort, { once: true });

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
          individualsTotal: job.individuals,
          individualsPerSecond: perSecond,
          etaSeconds: done === 0 ? Number.NaN : (job.individuals - done) / perSecond,
        });
      };

      const charge = (index: number, error: unknown) => {
        const tries = attempts[index] as unknown[];
        tries.push(error);
        if (tries.length >= MAX_ATTEMPTS) finish(new BlockFailedError(blocks[index] as BlockRange, tries));
        else pending.unshift(index);
      };

      const stopIfDrained = (slot: Slot) => {
        if (slot.retired && slot.inFlight.length === 0) this.removeSlot(slot);
      };

      const succeeded = (slot: Slot, index: number, result: TransferableBlock) => {
        if (settled || slot.dead) return;
        slot.inFlight.splice(slot.inFlight.indexOf(index), 1);
        stopIfDrained(slot);
        finished.set(index, result);
        while (finished.has(nextToMerge)) {
          const next = finished.get(nextToMerge) as TransferableBlock;
          finished.delete(nextToMerge);
          if (merged === undefined) merged = fromTransferable(layout, next);
          else mergeTransferable(merged, next);
          if (spareBuffers.length < MAX_SPARE_BUFFERS) spareBuffers.push(bufferOf(next));
          nextToMerge += 1;
        }
        report(nextToMerge === blocks.length);
        if (nextToMerge === blocks.length) finish(undefined, merged);
        else dispatch();
      };

      const threw = (slot: Slot, index: number, error: unknown) => {
        if (settled || slot.dead) return;
        slot.inFlight.splice(slot.inFlight.indexOf(index), 1);
        slot.retired = true;
        stopIfDrained(slot);
        charge(index, error);
        dispatch();
      };

      const died = (slot: Slot, error: WorkerDiedError) => {
        if (settled) return;

        // The worker ran its queue in order: only the first block was running.
        const [running, ...queued] = slot.inFlight;
        this.removeSlot(slot);
        pending.unshift(...queued);
        if (running !== undefined) charge(running, error);
        dispatch();
      };
      for (const slot of this.slots) slot.onDeath = (error) => died(slot, error);

      const dispatch = () => {
        while (!settled && pending.length > 0) {
          const slot = this.slotWithRoom();
          if (slot === undefined) return;
          slot.onDeath = (error) => died(slot, error);
          const index = pending.shift() as number;
          const block = blocks[index] as BlockRange;
          slot.inFlight.push(index);
          const spare = spareBuffers.splice(0, 1);
          const call = job.runBlock(slot.handle.api, block, Comlink.transfer(spare, spare));
          // Never race the call against `died`: a reaction on that long-lived promise would
          // keep every block's result reachable (a leak of one result per block).
          call.then(
            (result) => succeeded(slot, index, result),
            (error: unknown) => threw(slot, index, error),
          );
        }
      };

      dispatch();
    });
  }

  /** A working slot with room for another block, starting a worker if the pool has room. */
  private slotWithRoom(): Slot | undefined {
    const working = this.slots.filter((s) => !s.retired && !s.dead);
    const free = working.find((s) => s.inFlight.length < BLOCKS_IN_FLIGHT_PER_WORKER);
    if (free !== undefined || working.length >= this.size) return free;
    const slot: Slot = { handle: this.factory(), onDeath: undefined, inFlight: [], retired: false, dead: false };
    slot.handle.died.catch((error: unknown) => {
      if (slot.dead) return; // stopped on purpose
      slot.onDeath?.(error instanceof WorkerDiedError ? error : new WorkerDiedError(String(error)));
    });
    this.slots.push(slot);
    return slot;
  }

  private removeSlot(slot: Slot): void {
    slot.dead = true; // a deliberate stop is not a death
    slot.handle.terminate();
    this.slots = this.slots.filter((s) => s !== slot);
  }
}

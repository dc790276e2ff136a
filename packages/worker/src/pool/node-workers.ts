// Worker factories for Node: worker_threads running the block worker, and the in-process fallback.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { BlockWorkerApi } from '../runtime/block-worker-api.js';
import { WorkerDiedError, type WorkerFactory, type WorkerHandle } from './pool.js';
import { comlinkHandle } from './worker-handle.js';

/** One core is left for the main thread; at least one worker. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

const BLOCK_WORKER_SCRIPT = new URL('../runtime/block-worker-node.js', import.meta.url);

/**
 * Each worker's young generation. V8 grows it to 2 × 16 MB semi-spaces by default; 12 MB
 * (4 MB semi-spaces) takes about 25 MB off each worker's resident memory, and the one-core
 * throughput measured the same (CPU ratio 0.97–1.08 in three paired runs): the simulation's
 * garbage dies young, so smaller, more frequent scavenges cost no more. See performance.md.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

/**
 * Starts worker_threads running `script`: the block worker, unless a test injects another
 * (with `workerData` to configure it).
 */
export function nodeWorkerFactory(script: URL = BLOCK_WORKER_SCRIPT, workerData?: unknown): WorkerFactory {
  return (): WorkerHandle => {
    const worker = new Worker(script, {
      workerData,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    const died = new Promise<never>((_, reject) => {
      worker.once('error', (error) => reject(new WorkerDiedError(`uncaught error: ${error.message}`)));
      worker.once('exit', (code) => reject(new WorkerDiedError(`exit code ${code}`)));
    });
    return comlinkHandle(Comlink.wrap<BlockWorkerApi>(nodeEndpoint(worker)), died, () => void worker.terminate());
  };
}

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
 * Starts worker_threads running `script`: the block worker, unless a test injects another
 * (with `workerData` to configure it).
 */
export function nodeWorkerFactory(script: URL = BLOCK_WORKER_SCRIPT, workerData?: unknown): WorkerFactory {
  return (): WorkerHandle => {
    const worker = new Worker(script, { workerData });
    const died = new Promise<never>((_, reject) => {
      worker.once('error', (error) => reject(new WorkerDiedError(`uncaught error: ${error.message}`)));
      worker.once('exit', (code) => reject(new WorkerDiedError(`exit code ${code}`)));
    });
    return comlinkHandle(Comlink.wrap<BlockWorkerApi>(nodeEndpoint(worker)), died, () => void worker.terminate());
  };
}

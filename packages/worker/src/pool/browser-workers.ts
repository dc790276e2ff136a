// Worker factory for browsers: module Workers running the block worker, with the
// main-thread fallback where Worker is unavailable. Imports nothing from Node.
import * as Comlink from 'comlink';
import type { BlockWorkerApi } from '../runtime/block-worker-api.js';
import { mainThreadFactory } from './main-thread.js';
import { WorkerDiedError, type WorkerFactory, type WorkerHandle, WorkerPool } from './pool.js';
import { comlinkHandle } from './worker-handle.js';

/** One core is left for the page; at least one worker. */
export function defaultBrowserWorkerCount(): number {
  const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
  return Math.max(1, cores - 1);
}

export function browserWorkerFactory(): WorkerFactory {
  return (): WorkerHandle => {
    const worker = new Worker(new URL('../runtime/block-worker-browser.js', import.meta.url), { type: 'module' });
    const died = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => reject(new WorkerDiedError(event.message || 'uncaught error')), {
        once: true,
      });
      worker.addEventListener('messageerror', () => reject(new WorkerDiedError('a message could not be read')), {
        once: true,
      });
    });
    return comlinkHandle(Comlink.wrap<BlockWorkerApi>(worker), died, () => worker.terminate());
  };
}

/** A pool for the browser: module Workers when available, otherwise the main thread. */
export function createBrowserPool(size = defaultBrowserWorkerCount()): WorkerPool {
  return new WorkerPool(typeof Worker === 'undefined' ? mainThreadFactory() : browserWorkerFactory(), size);
}

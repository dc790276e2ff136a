// A started worker as the pool sees it: its Comlink API, its "died" promise, and a stop that
// releases the proxy and ends the worker once. Shared by Node and browser workers.
import * as Comlink from 'comlink';
import type { BlockWorkerApi } from '../runtime/block-worker-api.js';
import type { WorkerHandle } from './pool.js';

export function comlinkHandle(
  api: Comlink.Remote<BlockWorkerApi>,
  died: Promise<never>,
  stopWorker: () => void,
): WorkerHandle {
  died.catch(() => {}); // observed by the pool once per worker; never an unhandled rejection
  let stopped = false;
  return {
    api,
    died,
    terminate: () => {
      if (stopped) return;
      stopped = true;
      api[Comlink.releaseProxy]();
      stopWorker();
    },
  };
}

// The fallback "worker" that runs blocks on the calling thread: for environments without
// workers. It runs the same code, so results are identical.
import { createBlockWorkerApi } from '../runtime/block-worker-api.js';
import type { WorkerFactory } from './pool.js';

export function mainThreadFactory(): WorkerFactory {
  return () => ({ api: createBlockWorkerApi(), died: new Promise<never>(() => {}), terminate: () => {} });
}

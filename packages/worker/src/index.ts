// Node entry of @sarcsim/worker: the deterministic worker pool on worker_threads.
export type { BlockRequest, BlockWorkerApi } from './block-worker-api.js';
export { createBlockWorkerApi } from './block-worker-api.js';
export { mainThreadFactory } from './main-thread.js';
export { defaultWorkerCount, nodeWorkerFactory } from './node-workers.js';
export type { PoolRunOptions, RunProgress, WorkerFactory, WorkerHandle } from './pool.js';
export { BlockFailedError, RunCancelledError, WorkerDiedError, WorkerPool } from './pool.js';

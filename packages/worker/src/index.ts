// Public entry of @sarcsim/worker: the block worker API and the deterministic worker pool.
export type { BlockRequest, BlockWorkerApi } from './block-worker-api.js';
export { createBlockWorkerApi } from './block-worker-api.js';
export type { PoolRunOptions, RunProgress, WorkerFactory, WorkerHandle } from './pool.js';
export { BlockFailedError, RunCancelledError, WorkerDiedError, WorkerPool } from './pool.js';

// Browser entry of @sarcsim/worker (no Node built-ins): the pool and its browser workers.
export type { BlockRequest, BlockWorkerApi } from './block-worker-api.js';
export { browserWorkerFactory, createBrowserPool, defaultBrowserWorkerCount } from './browser-workers.js';
export { dsaCsvFiles, incrementalCsv, psaCsvFiles, toCsv } from './csv.js';
export { mainThreadFactory } from './main-thread.js';
export type { PoolRunOptions, RunProgress, WorkerFactory, WorkerHandle } from './pool.js';
export { BlockFailedError, RunCancelledError, WorkerDiedError, WorkerPool } from './pool.js';
export { poolEvaluator } from './pool-evaluate.js';

// Node entry of @sarcsim/worker: the deterministic worker pool on worker_threads, and the
// analyses on it.
export { dsaOnPool, exploreOnPool, psaOnPool, structuralOnPool } from './analyses/analyses-on-pool.js';
export { mainThreadFactory } from './pool/main-thread.js';
export { defaultWorkerCount, nodeWorkerFactory } from './pool/node-workers.js';
export type { ModelRunOptions, PoolRunOptions, RunProgress, WorkerFactory, WorkerHandle } from './pool/pool.js';
export { BlockFailedError, RunCancelledError, WorkerDiedError, WorkerPool } from './pool/pool.js';
export type { BlockRequest, BlockWorkerApi, ModelLayers } from './runtime/block-worker-api.js';
export { createBlockWorkerApi } from './runtime/block-worker-api.js';
export { LAZY_LAYERS } from './runtime/lazy-layers.js';
export type { ModelModuleSpec } from './runtime/model-module.js';
export { loadModelDefinition, ModelModuleError } from './runtime/model-module.js';

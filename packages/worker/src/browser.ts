// Browser entry of @sarcsim/worker (no Node built-ins): the pool and its browser workers,
// the analyses on the pool and the CSV writer.
export { dsaOnPool, exploreOnPool, psaOnPool, structuralOnPool } from './analyses/analyses-on-pool.js';
export { poolEvaluator } from './analyses/pool-evaluate.js';
export {
  dsaCsvFiles,
  exploreCsvFiles,
  incrementalCsv,
  outcomesCsv,
  psaCsvFiles,
  structuralCsvFiles,
  toCsv,
} from './csv/csv.js';
export { formatNumber, OUTCOME_ROWS, percent } from './csv/outcome-rows.js';
export { browserWorkerFactory, createBrowserPool, defaultBrowserWorkerCount } from './pool/browser-workers.js';
export { mainThreadFactory } from './pool/main-thread.js';
export type { ModelRunOptions, PoolRunOptions, RunProgress, WorkerFactory, WorkerHandle } from './pool/pool.js';
export { BlockFailedError, RunCancelledError, WorkerDiedError, WorkerPool } from './pool/pool.js';
export type { BlockRequest, BlockWorkerApi } from './runtime/block-worker-api.js';
export type { ModelModuleSpec } from './runtime/model-module.js';
export { loadModelDefinition, ModelModuleError } from './runtime/model-module.js';

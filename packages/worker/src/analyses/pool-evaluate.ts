// Runs whole scenarios in the worker pool for PSA and DSA, returning their economics.
import { drawOutcome, type EvaluateScenario } from '@sarcsim/model/analyses';
import type { Scenario } from '@sarcsim/model/scenario';
import type { WorkerPool } from '../pool/pool.js';

/** Blocks per worker for one scenario: enough that no worker idles long while the last block runs. */
const BLOCKS_PER_WORKER = 4;

/**
 * An evaluator on the pool. Block size never changes results, so a small scenario is
 * split finely enough to keep every worker busy.
 */
export function poolEvaluator(pool: WorkerPool, signal?: AbortSignal): EvaluateScenario {
  return async (scenario: Scenario, draw: number) => {
    const fine = Math.max(1, Math.ceil(scenario.patients / (pool.size * BLOCKS_PER_WORKER)));
    const split = { ...scenario, blockSize: Math.min(scenario.blockSize, fine) };
    const merged = await pool.run(split, { draw, ...(signal === undefined ? {} : { signal }) });
    return drawOutcome(scenario, merged); // refuses partial results
  };
}

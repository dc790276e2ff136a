// Runs whole scenarios in the worker pool for PSA, DSA and structural scenarios.
import type { EvaluateScenario } from '@sarcsim/model/analyses';
import { strategyEconomics } from '@sarcsim/model/economics';
import { type RunReport, reportFor, type Scenario } from '@sarcsim/model/scenario';
import type { WorkerPool } from '../pool/pool.js';

/** Blocks per worker for one scenario: enough that no worker idles long while the last block runs. */
const BLOCKS_PER_WORKER = 4;

/**
 * One scenario on the pool, reported. Block size never changes results, so a small scenario
 * is split finely enough to keep every worker busy.
 */
export async function reportOnPool(
  pool: WorkerPool,
  scenario: Scenario,
  draw: number,
  signal?: AbortSignal,
): Promise<RunReport> {
  const fine = Math.max(1, Math.ceil(scenario.patients / (pool.size * BLOCKS_PER_WORKER)));
  const split = { ...scenario, blockSize: Math.min(scenario.blockSize, fine) };
  const merged = await pool.run(split, { draw, ...(signal === undefined ? {} : { signal }) });
  return reportFor(scenario, merged); // reportFor refuses partial results
}

/** An evaluator on the pool: a scenario's economics per strategy. */
export function poolEvaluator(pool: WorkerPool, signal?: AbortSignal): EvaluateScenario {
  return async (scenario: Scenario, draw: number) =>
    strategyEconomics((await reportOnPool(pool, scenario, draw, signal)).strategies);
}

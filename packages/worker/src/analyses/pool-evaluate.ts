// Runs whole scenarios in the worker pool for PSA, DSA and structural scenarios.
import { drawOutcome, type EvaluateScenario } from '@sarcsim/model/analyses';
import type { BlockAccumulator } from '@sarcsim/model/engine';
import { type ReportOptions, type RunReport, reportFor, type Scenario } from '@sarcsim/model/scenario';
import type { WorkerPool } from '../pool/pool.js';
import { RUNTIME_CALIBRATION } from '../runtime/runtime-calibration.js';

/** Blocks per worker for one scenario: enough that no worker idles long while the last block runs. */
const BLOCKS_PER_WORKER = 4;

/**
 * One scenario on the pool. Block size never changes results, so a small scenario is split
 * finely enough to keep every worker busy.
 */
function runOnPool(
  pool: WorkerPool,
  scenario: Scenario,
  draw: number,
  signal: AbortSignal | undefined,
  quantities: boolean,
): Promise<BlockAccumulator> {
  const fine = Math.max(1, Math.ceil(scenario.patients / (pool.size * BLOCKS_PER_WORKER)));
  const split = { ...scenario, blockSize: Math.min(scenario.blockSize, fine) };
  return pool.run(split, { draw, quantities, ...(signal === undefined ? {} : { signal }) });
}

/**
 * An evaluator on the pool for PSA, DSA and exploration: a draw's outcome per strategy. The
 * quantity channels are left out unless asked for (only valuation after simulation reads them;
 * every other number is bitwise the same without them, and the run is about a tenth faster).
 */
export function poolEvaluator(pool: WorkerPool, signal?: AbortSignal, quantities = false): EvaluateScenario {
  return async (scenario: Scenario, draw: number) =>
    drawOutcome(scenario, await runOnPool(pool, scenario, draw, signal, quantities)); // refuses partial results
}

/**
 * One scenario on the pool, reported (with paired precision against `options.reference`), for
 * structural scenarios: without the quantity channels, which no comparison of levels reads.
 */
export async function reportOnPool(
  pool: WorkerPool,
  scenario: Scenario,
  draw: number,
  signal?: AbortSignal,
  options: ReportOptions = {},
): Promise<RunReport> {
  return reportFor(scenario, await runOnPool(pool, scenario, draw, signal, false), RUNTIME_CALIBRATION, options); // refuses partial results
}

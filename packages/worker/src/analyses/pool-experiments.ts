// Runs the calibration experiments in the worker pool: each experiment's patients in blocks
// across the workers, merged in index order — bitwise the same results as running them on
// one thread, so the fit does not depend on the number of workers.
import {
  type EvaluateExperiments,
  EXPERIMENT_IDS,
  type ExperimentResults,
  experiment,
  experimentResult,
} from '@sarcsim/model/calibration';
import { blocksOf, createRunner, DEFAULT_BLOCK_SIZE, type StrategyResult } from '@sarcsim/model/engine';
import type { WorkerPool } from '../pool/pool.js';

/** Blocks per worker for one experiment, so no worker idles long at its end. */
const BLOCKS_PER_WORKER = 3;

export function poolExperiments(pool: WorkerPool): EvaluateExperiments {
  return async (overrides, sizes) => {
    const results: Partial<Record<(typeof EXPERIMENT_IDS)[number], StrategyResult>> = {};
    for (const id of EXPERIMENT_IDS) {
      const { simulation, patients } = experiment(id, overrides, sizes);
      const blockSize = Math.min(DEFAULT_BLOCK_SIZE, Math.ceil(patients / (pool.size * BLOCKS_PER_WORKER)));
      const merged = await pool.runJob({
        layout: createRunner(simulation).layout,
        blocks: blocksOf(patients, blockSize),
        individuals: patients,
        runBlock: (api, block, spare) => api.runExperimentBlock(id, overrides, sizes, block, spare),
      });
      results[id] = experimentResult(merged);
    }
    return results as ExperimentResults;
  };
}

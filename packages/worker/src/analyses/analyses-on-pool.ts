// The analyses (PSA, DSA, structural scenarios, policy-space exploration) on a worker pool: one adapter, used by the CLI and the web app.
// They run with the calibration set the pool's workers run (RUNTIME_CALIBRATION).
import {
  type CandidateSet,
  type DsaResult,
  type DsaSettingsInput,
  type ExploreProgress,
  type ExploreResult,
  explore,
  type FrontierPsaSettings,
  type PsaPart,
  runDsa,
  runPsaPart,
  runStructuralScenarios,
  type StructuralResult,
  type StructuralSwitch,
} from '@sarcsim/model/analyses';
import type { SarcomaScenario } from '@sarcsim/model/scenario';
import type { WorkerPool } from '../pool/pool.js';
import { RUNTIME_CALIBRATION } from '../runtime/runtime-calibration.js';
import { poolEvaluator, reportOnPool } from './pool-evaluate.js';

/** Draws `range` (by default all) of the scenario's PSA on the pool; `onProgress(done, total)` after each draw. */
export function psaOnPool(
  pool: WorkerPool,
  scenario: SarcomaScenario,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
  range: { readonly first: number; readonly count: number } = { first: 0, count: scenario.economics.psa.draws },
): Promise<PsaPart> {
  return runPsaPart(scenario, range, poolEvaluator(pool, signal), RUNTIME_CALIBRATION, (p) =>
    onProgress(p.drawsDone, p.drawsTotal),
  );
}

/** The scenario's DSA on the pool; `onProgress(done, total)` as runs finish (the total grows with threshold searches). */
export function dsaOnPool(
  pool: WorkerPool,
  scenario: SarcomaScenario,
  settings: DsaSettingsInput,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<DsaResult> {
  const withQuantities = poolEvaluator(pool, signal, true);
  const outcomesOnly = poolEvaluator(pool, signal);
  return runDsa(
    scenario,
    settings,
    // The base run's quantities come along, so parameters that only price are re-priced, not re-run.
    (overrides, quantities) => (quantities ? withQuantities : outcomesOnly)({ ...scenario, parameters: overrides }, 0),
    RUNTIME_CALIBRATION,
    onProgress,
  );
}

/**
 * Explores a policy space's candidates on the pool; every run is a scenario of the pool's
 * ordinary run path. With `frontierPsa`, a PSA on the fresh frontier and the comparator follows
 * (the CEAF), sampling the calibration set the pool's workers run.
 */
export function exploreOnPool(
  pool: WorkerPool,
  set: CandidateSet,
  seed: number,
  onProgress: (p: ExploreProgress) => void,
  signal?: AbortSignal,
  frontierPsa?: FrontierPsaSettings,
): Promise<ExploreResult> {
  return explore(
    set,
    seed,
    poolEvaluator(pool, signal),
    onProgress,
    frontierPsa === undefined ? {} : { frontierPsa: { ...frontierPsa, calibration: RUNTIME_CALIBRATION } },
  );
}

/** The base scenario and each level of `switches` on the pool, all on the scenario's seed; `onProgress(done, total)` per run. */
export function structuralOnPool(
  pool: WorkerPool,
  scenario: SarcomaScenario,
  switches: readonly StructuralSwitch[],
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<StructuralResult> {
  return runStructuralScenarios(
    scenario,
    switches,
    (s, options) => reportOnPool(pool, s, 0, signal, options),
    RUNTIME_CALIBRATION,
    onProgress,
  );
}

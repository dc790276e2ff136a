// The analyses (PSA, DSA, structural scenarios) on a worker pool: one adapter, used by the CLI and the web app.
import {
  type DsaResult,
  type DsaSettingsInput,
  type PsaPart,
  runDsa,
  runPsaPart,
  runStructuralScenarios,
  type StructuralResult,
  type StructuralSwitch,
} from '@sarcsim/model/analyses';
import type { SarcomaScenario } from '@sarcsim/model/scenario';
import type { WorkerPool } from '../pool/pool.js';
import { poolEvaluator, reportOnPool } from './pool-evaluate.js';

/** Draws `range` (by default all) of the scenario's PSA on the pool; `onProgress(done, total)` after each draw. */
export function psaOnPool(
  pool: WorkerPool,
  scenario: SarcomaScenario,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
  range: { readonly first: number; readonly count: number } = { first: 0, count: scenario.economics.psa.draws },
): Promise<PsaPart> {
  return runPsaPart(scenario, range, poolEvaluator(pool, signal), (p) => onProgress(p.drawsDone, p.drawsTotal));
}

/** The scenario's DSA on the pool; `onProgress(done, total)` as runs finish (the total grows with threshold searches). */
export function dsaOnPool(
  pool: WorkerPool,
  scenario: SarcomaScenario,
  settings: DsaSettingsInput,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<DsaResult> {
  const evaluate = poolEvaluator(pool, signal);
  return runDsa(
    scenario,
    settings,
    async (overrides) => (await evaluate({ ...scenario, parameters: overrides }, 0)).strategies,
    onProgress,
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
    onProgress,
  );
}

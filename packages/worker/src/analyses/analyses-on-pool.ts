// The analyses (PSA, DSA) on a worker pool: one adapter, used by the CLI and the web app.
import { type DsaResult, type DsaSettingsInput, type PsaPart, runDsa, runPsaPart } from '@sarcsim/model/analyses';
import type { SarcomaScenario } from '@sarcsim/model/scenario';
import type { WorkerPool } from '../pool/pool.js';
import { poolEvaluator } from './pool-evaluate.js';

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

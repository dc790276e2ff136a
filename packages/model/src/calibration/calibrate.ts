// Calibration: fit the unobservable parameters (those the registry marks `calibrated`) to
// the targets, with the registry's distributions as priors (a MAP fit). The experiments use
// fixed seeds, so the objective is a deterministic, piecewise-smooth function of the
// parameters (common random numbers) and Nelder–Mead can search it.
import type { Distribution, EvidenceRecord } from '../evidence/evidence-record.js';
import { EVIDENCE } from '../evidence/registry.js';
import { type ExperimentResults, type ExperimentSizes, runExperiments } from './experiments.js';
import { nelderMead } from './nelder-mead.js';
import { negativeLogLikelihood, TARGETS } from './targets.js';

export const CALIBRATED_PARAMETERS: readonly EvidenceRecord[] = EVIDENCE.filter(
  (r) => r.role === 'parameter' && r.calibrated,
);

export interface CalibrationSettings extends ExperimentSizes {
  readonly maxEvaluations: number;
  readonly restarts: number;
  readonly onProgress?: (evaluations: number, best: number) => void;
}

export interface CalibrationResult {
  readonly values: Readonly<Record<string, number>>;
  /** Targets' negative log-likelihood plus the prior penalty, at the fitted values. */
  readonly objective: number;
  readonly startObjective: number;
  readonly evaluations: number;
  readonly settings: Omit<CalibrationSettings, 'onProgress'>;
}

/** The search runs on an unbounded scale: log for positive quantities, logit inside (0, 1), identity otherwise. */
type Scale = 'log' | 'logit' | 'identity';

function scaleOf(record: EvidenceRecord): Scale {
  const d = record.distribution;
  if (d.kind === 'beta') return 'logit';
  if (d.kind === 'lognormal' || d.kind === 'gamma') return 'log';
  return 'identity';
}

const toSearch = (scale: Scale, v: number) =>
  scale === 'log' ? Math.log(v) : scale === 'logit' ? Math.log(v / (1 - v)) : v;
const fromSearch = (scale: Scale, x: number) =>
  scale === 'log' ? Math.exp(x) : scale === 'logit' ? 1 / (1 + Math.exp(-x)) : x;

/** −log prior density (constants dropped); Infinity outside the support. */
export function priorPenalty(d: Distribution, v: number): number {
  switch (d.kind) {
    case 'lognormal':
      return v > 0 ? (Math.log(v) - d.meanLog) ** 2 / (2 * d.sdLog ** 2) + Math.log(v) : Infinity;
    case 'normal':
      return (v - d.mean) ** 2 / (2 * d.sd ** 2);
    case 'gamma':
      return v > 0 ? -(d.shape - 1) * Math.log(v) + v / d.scale : Infinity;
    case 'beta':
      return v > 0 && v < 1 ? -(d.alpha - 1) * Math.log(v) - (d.beta - 1) * Math.log(1 - v) : Infinity;
    case 'uniform':
      return v >= d.min && v <= d.max ? 0 : Infinity;
    case 'fixed':
    case 'dirichlet':
      return 0;
  }
}

/** Every target's simulated statistic, in TARGETS order. */
export function simulatedTargets(results: ExperimentResults): number[] {
  return TARGETS.map((t) => t.simulated(results));
}

/** Weighted sum of the targets' negative log-likelihoods for their simulated statistics (TARGETS order). */
export function targetsObjectiveOf(simulated: readonly number[]): number {
  return TARGETS.reduce((sum, t, i) => sum + t.weight * negativeLogLikelihood(t.likelihood, simulated[i] as number), 0);
}

/** Sum of the targets' negative log-likelihoods for experiment results. */
export function targetsObjective(results: ExperimentResults): number {
  return targetsObjectiveOf(simulatedTargets(results));
}

/** Runs the experiments for parameter values: serially by default, in workers by the calibration script. */
export type EvaluateExperiments = (
  values: Readonly<Record<string, number>>,
  sizes: ExperimentSizes,
) => ExperimentResults | Promise<ExperimentResults>;

export async function runCalibration(
  settings: CalibrationSettings,
  evaluate: EvaluateExperiments = runExperiments,
): Promise<CalibrationResult> {
  const records = CALIBRATED_PARAMETERS;
  // Only the sizes go to the experiments (and across to workers): plain data.
  const sizes = {
    seed: settings.seed,
    registryPatients: settings.registryPatients,
    cohortPatients: settings.cohortPatients,
  };
  const scales = records.map(scaleOf);
  const valuesOf = (x: readonly number[]) =>
    Object.fromEntries(records.map((r, i) => [r.id, fromSearch(scales[i] as Scale, x[i] as number)]));
  const objective = async (x: readonly number[]): Promise<number> => {
    const values = valuesOf(x);
    let penalty = 0;
    for (const r of records) {
      const v = values[r.id] as number;
      if (!(v >= r.bounds.min && v <= r.bounds.max)) return 1e6;
      penalty += priorPenalty(r.distribution, v);
    }
    if (!Number.isFinite(penalty)) return 1e6;
    return targetsObjective(await evaluate(values, sizes)) + penalty;
  };
  const start = records.map((r, i) => toSearch(scales[i] as Scale, r.value));
  const startObjective = await objective(start);
  const result = await nelderMead(objective, start, {
    step: 0.25,
    maxEvaluations: settings.maxEvaluations,
    tolerance: 1e-3,
    restarts: settings.restarts,
    ...(settings.onProgress === undefined ? {} : { onEvaluation: settings.onProgress }),
  });
  const { onProgress: _onProgress, ...kept } = settings;
  return {
    values: valuesOf(result.x),
    objective: result.value,
    startObjective,
    evaluations: result.evaluations + 1,
    settings: kept,
  };
}

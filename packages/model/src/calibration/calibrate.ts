// Calibration's objective: the unobservable parameters (those the registry marks
// `calibrated`) against the targets. The experiments use fixed seeds, so the objective is a
// deterministic, piecewise-smooth function of the parameters (common random numbers);
// posterior.ts samples the posterior it defines, exp(−objective) × prior.
import type { EvidenceRecord } from '../evidence/evidence-record.js';
import { EVIDENCE } from '../evidence/registry.js';
import type { ExperimentResults, ExperimentSizes } from './experiments.js';
import { negativeLogLikelihood, TARGETS } from './targets.js';

export const CALIBRATED_PARAMETERS: readonly EvidenceRecord[] = EVIDENCE.filter(
  (r) => r.role === 'parameter' && r.calibrated,
);

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

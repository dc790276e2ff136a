// The calibration posterior: IMIS (imis.ts) over the calibrated parameters, with the
// registry's distributions as priors (truncated to the records' bounds) and the targets'
// likelihood exp(−objective), the objective being the weighted negative log-likelihoods
// of targets.ts. Sampling runs on normal scores (each prior mapped onto a standard normal
// through its CDF), so the prior is N(0, I) and every parameter moves on a common scale.
// The experiments run on fixed seeds for every point (common random numbers), so the
// likelihood is a deterministic function of the parameters.
import {
  type ContinuousDistribution,
  isContinuous,
  scoreOfValue,
  valueOfScore,
} from '../evidence/distribution-functions.js';
import type { EvidenceRecord } from '../evidence/evidence-record.js';
import { CALIBRATED_PARAMETERS, type EvaluateExperiments, simulatedTargets, targetsObjectiveOf } from './calibrate.js';
import { type ExperimentSizes, runExperiments } from './experiments.js';
import { imis } from './imis.js';
import { type PosteriorDiagnostics, posteriorDiagnostics } from './posterior-summary.js';

export interface PosteriorSettings extends ExperimentSizes {
  /** IMIS's N0: draws from the prior. */
  readonly priorDraws: number;
  /** IMIS's B: draws per mixture component (more than the 22 parameters). */
  readonly batch: number;
  readonly maxIterations: number;
  /** Factor on IMIS's neighbourhood covariances (imis.ts). */
  readonly proposalInflation: number;
  /** Evaluations the optimisation stage may spend on Nelder–Mead. */
  readonly optimisationEvaluations: number;
  /** Equally weighted draws kept. */
  readonly draws: number;
}

/**
 * What `pnpm calibrate` runs: 3,745 evaluations (500 prior draws, the optimisation stage,
 * 25 batches of 100), 20 minutes on two shared cores (load about 6). The committed posterior
 * is exactly this run (ESS 21, 136 distinct of 1,000 draws).
 */
export const FULL_POSTERIOR_SETTINGS: PosteriorSettings = {
  seed: 20_261_122,
  registryPatients: 20_000,
  cohortPatients: 5_000,
  priorDraws: 500,
  batch: 100,
  proposalInflation: 2,
  maxIterations: 25,
  optimisationEvaluations: 600,
  draws: 1_000,
};

/** `pnpm calibrate --quick` and the CI test: the whole pipeline on tiny cohorts, in seconds. */
export const QUICK_POSTERIOR_SETTINGS: PosteriorSettings = {
  seed: 20_261_122,
  registryPatients: 400,
  cohortPatients: 120,
  priorDraws: 30,
  batch: 24,
  proposalInflation: 2,
  maxIterations: 2,
  optimisationEvaluations: 30,
  draws: 200,
};

/** The posterior as `runPosterior` fits it; the script adds the provenance it alone knows (date, time). */
export interface PosteriorFit {
  readonly settings: PosteriorSettings;
  /** The calibrated parameters, in registry order; the columns of `draws`. */
  readonly parameterIds: readonly string[];
  /** Equally weighted joint draws (rows), resampled from the weighted IMIS sample. */
  readonly draws: readonly (readonly number[])[];
  readonly iterations: number;
  readonly evaluations: number;
  /** Distinct points IMIS weighted. */
  readonly points: number;
  readonly diagnostics: PosteriorDiagnostics;
}

interface CalibratedPrior {
  readonly record: EvidenceRecord;
  readonly distribution: ContinuousDistribution;
}

function calibratedPriors(): CalibratedPrior[] {
  return CALIBRATED_PARAMETERS.map((record) => {
    const d = record.distribution;
    if (!isContinuous(d)) throw new Error(`calibration: '${record.id}' is calibrated but has no continuous prior`);
    return { record, distribution: d };
  });
}

/** Parameter values for normal scores (registry order). */
function valuesOfScores(priors: readonly CalibratedPrior[], z: readonly number[]): number[] {
  return priors.map((p, i) => valueOfScore(p.distribution, z[i] as number));
}

const insideBounds = (priors: readonly CalibratedPrior[], values: readonly number[]) =>
  priors.every((p, i) => {
    const v = values[i] as number;
    return v >= p.record.bounds.min && v <= p.record.bounds.max;
  });

function validate(settings: PosteriorSettings): void {
  for (const key of ['registryPatients', 'cohortPatients', 'priorDraws', 'batch', 'draws'] as const) {
    const v = settings[key];
    if (!(Number.isInteger(v) && v >= 1)) throw new RangeError(`calibration: ${key} must be an integer ≥ 1, got ${v}`);
  }
}

/**
 * Samples the posterior of the calibrated parameters. `start` (values by id, e.g. the
 * committed calibration's) is where the optimisation stage starts if it beats the best prior
 * draw; the posterior does not depend on it, only how fast IMIS finds its bulk.
 */
export async function runPosterior(
  settings: PosteriorSettings,
  evaluate: EvaluateExperiments = runExperiments,
  start?: Readonly<Record<string, number>>,
  onProgress?: (stage: string, evaluations: number) => void,
): Promise<PosteriorFit> {
  validate(settings);
  const priors = calibratedPriors();
  const ids = priors.map((p) => p.record.id);
  const sizes: ExperimentSizes = {
    seed: settings.seed,
    registryPatients: settings.registryPatients,
    cohortPatients: settings.cohortPatients,
  };
  const result = await imis(
    {
      dimension: priors.length,
      seed: settings.seed,
      priorDraws: settings.priorDraws,
      batch: settings.batch,
      maxIterations: settings.maxIterations,
      proposalInflation: settings.proposalInflation,
      resample: settings.draws,
      optimisation: {
        maxEvaluations: settings.optimisationEvaluations,
        hessianStep: 0.1,
        ...(start === undefined
          ? {}
          : { start: priors.map((p) => scoreOfValue(p.distribution, start[p.record.id] ?? p.record.value)) }),
      },
      ...(onProgress === undefined ? {} : { onProgress }),
    },
    async (z) => {
      const values = valuesOfScores(priors, z);
      // Outside a record's bounds the (truncated) prior is zero.
      if (!insideBounds(priors, values)) return { logLikelihood: Number.NEGATIVE_INFINITY, output: null };
      const simulated = simulatedTargets(
        await evaluate(Object.fromEntries(ids.map((id, i) => [id, values[i] as number])), sizes),
      );
      return { logLikelihood: -targetsObjectiveOf(simulated), output: simulated };
    },
  );
  const values = result.points.map((p) => valuesOfScores(priors, p.z));
  return {
    settings,
    parameterIds: ids,
    draws: result.resampled.map((i) => values[i] as number[]),
    iterations: result.iterations,
    evaluations: result.evaluations,
    points: result.points.length,
    diagnostics: posteriorDiagnostics(settings.seed, ids, result, values),
  };
}

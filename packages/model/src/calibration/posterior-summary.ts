// Diagnostics of a calibration posterior, from IMIS's weighted points: effective sample size,
// each parameter's posterior mean and 95% interval, correlations of the normal scores, and
// each target's posterior-predictive interval (the statistic the model simulates at the
// posterior's parameters, plus a replicate observation drawn from the target's likelihood).
import binomialSampler from '@stdlib/random-base-binomial';
import { openStream, purposeId, type Uniform } from '../engine/random-streams.js';
import type { ImisResult } from './imis.js';
import { standardNormal } from './multivariate-normal.js';
import { type Likelihood, observedInterval, TARGETS } from './targets.js';

export interface ParameterSummary {
  readonly id: string;
  readonly mean: number;
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

export interface TargetPrediction {
  readonly id: string;
  readonly observed: number;
  /** 95% interval of the simulated statistic over the posterior (parameter uncertainty only). */
  readonly simulatedLow: number;
  readonly simulatedHigh: number;
  /** 95% posterior-predictive interval: the statistic plus the likelihood's observation noise. */
  readonly predictiveLow: number;
  readonly predictiveHigh: number;
  readonly inside: boolean;
  /** Share of the posterior weight where the experiment gave no value (e.g. no events). */
  readonly missingWeight: number;
}

export interface PosteriorDiagnostics {
  /** Kish's ESS of IMIS's importance weights. */
  readonly effectiveSampleSize: number;
  /** Expected distinct points in a resample of the kept draws (IMIS's stopping statistic). */
  readonly expectedUnique: number;
  /** Distinct points among the kept draws. */
  readonly distinctDraws: number;
  readonly maxWeight: number;
  /**
   * Weighted IMIS estimates per parameter. Runs, DSA and the docs use the committed draws'
   * summaries instead (evidence/calibration-draws.ts), which add resampling noise of about
   * 1/√(draws) posterior SDs.
   */
  readonly parameters: readonly ParameterSummary[];
  /** Weighted Pearson correlations of the normal scores, parameters in `parameterIds` order. */
  readonly scoreCorrelations: readonly (readonly number[])[];
  /** The evaluated point of highest posterior density (a mode estimate), by id. */
  readonly mode: Readonly<Record<string, number>>;
  readonly targets: readonly TargetPrediction[];
  readonly targetsInside: number;
}

const PREDICTIVE_PURPOSE = purposeId('calibration-predictive');

/** The p-quantile of weighted values: the smallest value whose cumulative weight reaches p. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], p: number): number {
  const order = values
    .map((v, i) => ({ v, w: weights[i] as number }))
    .filter((x) => Number.isFinite(x.v) && x.w > 0)
    .sort((a, b) => a.v - b.v);
  const total = order.reduce((s, x) => s + x.w, 0);
  if (order.length === 0) return Number.NaN;
  let cumulative = 0;
  for (const x of order) {
    cumulative += x.w;
    if (cumulative >= p * total) return x.v;
  }
  return (order[order.length - 1] as { v: number }).v;
}

function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) return;
    sum += v * (weights[i] as number);
    total += weights[i] as number;
  });
  return total > 0 ? sum / total : Number.NaN;
}

function weightedCorrelations(columns: readonly (readonly number[])[], weights: readonly number[]): number[][] {
  const means = columns.map((c) => weightedMean(c, weights));
  const cov = (a: number, b: number) =>
    (columns[a] as number[]).reduce(
      (s, v, i) =>
        s + (weights[i] as number) * (v - (means[a] as number)) * ((columns[b]?.[i] as number) - (means[b] as number)),
      0,
    );
  const sd = columns.map((_c, a) => Math.sqrt(cov(a, a)));
  return columns.map((_c, a) =>
    columns.map((_d, b) => (a === b ? 1 : cov(a, b) / ((sd[a] as number) * (sd[b] as number)))),
  );
}

const Z95 = 1.959964;
const logit = (p: number) => Math.log(p / (1 - p));
const clamp = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));

/**
 * A replicate observation of a target whose model statistic is `simulated`, from its
 * likelihood as the objective weights it (a target at weight w counts like w times the data:
 * a binomial of round(w·n) trials, or σ/√w on the logit or log scale).
 */
export function replicate(likelihood: Likelihood, weight: number, simulated: number, prng: Uniform): number {
  switch (likelihood.kind) {
    case 'binomial': {
      const n = Math.max(1, Math.round(likelihood.total * weight));
      return binomialSampler.factory(n, clamp(simulated), { prng })() / n;
    }
    case 'logit': {
      const sigma = (logit(likelihood.high) - logit(likelihood.low)) / (2 * Z95) / Math.sqrt(weight);
      return 1 / (1 + Math.exp(-(logit(clamp(simulated)) + sigma * standardNormal(prng))));
    }
    case 'log': {
      const sigma = (Math.log(likelihood.high) - Math.log(likelihood.low)) / (2 * Z95) / Math.sqrt(weight);
      return Math.exp(Math.log(Math.max(simulated, 1e-9)) + sigma * standardNormal(prng));
    }
  }
}

/**
 * Diagnostics for IMIS's result, whose outputs are the targets' simulated statistics (null
 * outside the bounds, where the weight is 0). `values` are the points' parameter values.
 */
export function posteriorDiagnostics(
  seed: number,
  ids: readonly string[],
  result: ImisResult<readonly number[] | null>,
  values: readonly (readonly number[])[],
): PosteriorDiagnostics {
  const weights = result.points.map((p) => p.weight);
  const column = (k: number) => values.map((v) => v[k] as number);
  const parameters = ids.map((id, k): ParameterSummary => {
    const c = column(k);
    return {
      id,
      mean: weightedMean(c, weights),
      median: weightedQuantile(c, weights, 0.5),
      low: weightedQuantile(c, weights, 0.025),
      high: weightedQuantile(c, weights, 0.975),
    };
  });
  const scoreColumns = ids.map((_id, k) => result.points.map((p) => p.z[k] as number));
  let modeIndex = 0;
  const logPosterior = (i: number) => {
    const p = result.points[i];
    return p === undefined ? Number.NEGATIVE_INFINITY : p.logLikelihood - 0.5 * p.z.reduce((s, v) => s + v * v, 0);
  };
  for (let i = 1; i < result.points.length; i++) if (logPosterior(i) > logPosterior(modeIndex)) modeIndex = i;
  const simulatedOf = (i: number, t: number) => result.points[i]?.output?.[t] ?? Number.NaN;
  const replicates: number[][] = TARGETS.map(() => []);
  result.resampled.forEach((pointIndex, j) => {
    const prng = openStream({ seed, draw: j, index: 0, purpose: PREDICTIVE_PURPOSE });
    TARGETS.forEach((target, t) => {
      const simulated = simulatedOf(pointIndex, t);
      if (Number.isFinite(simulated)) {
        (replicates[t] as number[]).push(replicate(target.likelihood, target.weight, simulated, prng));
      }
    });
  });
  const targets = TARGETS.map((target, t): TargetPrediction => {
    const simulated = result.points.map((_p, i) => simulatedOf(i, t));
    const reps = replicates[t] as number[];
    const ones = reps.map(() => 1);
    const observed = observedInterval(target.likelihood).value;
    const predictiveLow = weightedQuantile(reps, ones, 0.025);
    const predictiveHigh = weightedQuantile(reps, ones, 0.975);
    return {
      id: target.id,
      observed,
      simulatedLow: weightedQuantile(simulated, weights, 0.025),
      simulatedHigh: weightedQuantile(simulated, weights, 0.975),
      predictiveLow,
      predictiveHigh,
      inside: observed >= predictiveLow && observed <= predictiveHigh,
      missingWeight: simulated.reduce((s, v, i) => s + (Number.isFinite(v) ? 0 : (weights[i] as number)), 0),
    };
  });
  return {
    effectiveSampleSize: result.effectiveSampleSize,
    expectedUnique: result.expectedUnique,
    distinctDraws: new Set(result.resampled).size,
    maxWeight: result.maxWeight,
    parameters,
    scoreCorrelations: weightedCorrelations(scoreColumns, weights),
    mode: Object.fromEntries(ids.map((id, k) => [id, values[modeIndex]?.[k] as number])),
    targets,
    targetsInside: targets.filter((t) => t.inside).length,
  };
}

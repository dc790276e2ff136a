// Quantile and distribution functions of the registry's continuous distributions (stdlib's),
// and the normal score of a value under its prior: calibration samples the posterior in
// normal scores, where every prior is standard normal; PSA and DSA read the quantiles.
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import gammaCdf from '@stdlib/stats-base-dists-gamma-cdf';
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import lognormalCdf from '@stdlib/stats-base-dists-lognormal-cdf';
import lognormalQuantile from '@stdlib/stats-base-dists-lognormal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { Distribution } from './evidence-record.js';

export type ContinuousDistribution = Exclude<Distribution, { kind: 'fixed' } | { kind: 'dirichlet' }>;

export function isContinuous(d: Distribution): d is ContinuousDistribution {
  return d.kind !== 'fixed' && d.kind !== 'dirichlet';
}

/** The p-quantile (gamma by shape and scale, as the registry records it). */
export function quantile(d: ContinuousDistribution, p: number): number {
  switch (d.kind) {
    case 'beta':
      return betaQuantile(p, d.alpha, d.beta);
    case 'gamma':
      return gammaQuantile(p, d.shape, 1 / d.scale);
    case 'lognormal':
      return lognormalQuantile(p, d.meanLog, d.sdLog);
    case 'normal':
      return normalQuantile(p, d.mean, d.sd);
    case 'uniform':
      return d.min + p * (d.max - d.min);
  }
}

export function cdf(d: ContinuousDistribution, x: number): number {
  switch (d.kind) {
    case 'beta':
      return betaCdf(x, d.alpha, d.beta);
    case 'gamma':
      return gammaCdf(x, d.shape, 1 / d.scale);
    case 'lognormal':
      return lognormalCdf(x, d.meanLog, d.sdLog);
    case 'normal':
      return normalCdf(x, d.mean, d.sd);
    case 'uniform':
      return Math.min(1, Math.max(0, (x - d.min) / (d.max - d.min)));
  }
}

/** Keeps probabilities off 0 and 1, where quantiles are infinite (|score| ≤ 8.2). */
const EDGE = 1e-16;

/** The value whose prior CDF is Φ(score): standard normal scores map onto the prior. */
export function valueOfScore(d: ContinuousDistribution, score: number): number {
  const p = normalCdf(score, 0, 1);
  return quantile(d, Math.min(1 - EDGE, Math.max(EDGE, p)));
}

/** Φ⁻¹ of the value's prior CDF: the inverse of `valueOfScore`. */
export function scoreOfValue(d: ContinuousDistribution, value: number): number {
  const p = cdf(d, value);
  return normalQuantile(Math.min(1 - EDGE, Math.max(EDGE, p)), 0, 1);
}

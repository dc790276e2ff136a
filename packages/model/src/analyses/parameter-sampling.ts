// Draws of the registry's parameters for probabilistic sensitivity analysis, and the 95%
// intervals deterministic sensitivity analysis sweeps.
//
// Each PSA draw has its own stream keyed by (seed, draw), opened with a purpose no
// individual uses, so parameter draws never touch the individuals' random numbers. The
// samplers are stdlib's, fed that stream. Correlation: the registry's only correlated
// parameters are mixes, sampled jointly as Dirichlet components; it records no others.
import betaSampler from '@stdlib/random-base-beta';
import gammaSampler from '@stdlib/random-base-gamma';
import lognormalSampler from '@stdlib/random-base-lognormal';
import normalSampler from '@stdlib/random-base-normal';
import uniformSampler from '@stdlib/random-base-uniform';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import lognormalQuantile from '@stdlib/stats-base-dists-lognormal-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { openStream, purposeId, type Uniform } from '../engine/random-streams.js';
import type { Distribution, EvidenceRecord } from '../evidence/evidence-record.js';
import { type CalibrationSet, EVIDENCE } from '../evidence/registry.js';

export const PSA_PARAMETER_PURPOSE = purposeId('psa-parameters');

/**
 * How PSA treats parameters fitted by calibration: 'recentred-prior' keeps the prior's
 * shape and spread around the calibrated value (wider than a posterior, so conservative);
 * 'fixed' holds them at the calibrated values.
 */
export type CalibratedParameterMode = 'recentred-prior' | 'fixed';

type Continuous = Exclude<Distribution, { kind: 'fixed' } | { kind: 'dirichlet' }>;

/** The distribution PSA samples for a record, recentred on the calibrated value if asked. */
export function samplingDistribution(
  record: EvidenceRecord,
  mode: CalibratedParameterMode,
  calibration: CalibrationSet = COMMITTED_CALIBRATION,
): Distribution {
  const d = record.distribution;
  const calibrated = calibration.values[record.id];
  if (!record.calibrated || calibrated === undefined) return d;
  if (mode === 'fixed') return { kind: 'fixed' };
  switch (d.kind) {
    case 'lognormal':
      return { ...d, meanLog: Math.log(calibrated) };
    case 'normal':
      return { ...d, mean: calibrated };
    case 'gamma':
      return { ...d, scale: calibrated / d.shape };
    case 'beta': {
      const concentration = d.alpha + d.beta;
      return { kind: 'beta', alpha: calibrated * concentration, beta: (1 - calibrated) * concentration };
    }
    case 'uniform': {
      const half = (d.max - d.min) / 2;
      return { kind: 'uniform', min: calibrated - half, max: calibrated + half };
    }
    default:
      return d;
  }
}

export interface SampledParameter {
  readonly record: EvidenceRecord;
  readonly distribution: Distribution;
}

/** Parameters a PSA draws: those with a distribution that are not overridden by the scenario. */
export function sampledParameters(
  mode: CalibratedParameterMode,
  overridden: ReadonlySet<string> = new Set(),
  calibration: CalibrationSet = COMMITTED_CALIBRATION,
): SampledParameter[] {
  return EVIDENCE.filter((r) => r.role === 'parameter' && !overridden.has(r.id))
    .map((record) => ({ record, distribution: samplingDistribution(record, mode, calibration) }))
    .filter((p) => p.distribution.kind !== 'fixed');
}

function clampToBounds(record: EvidenceRecord, value: number): number {
  return Math.min(record.bounds.max, Math.max(record.bounds.min, value));
}

function sampleContinuous(d: Continuous, prng: Uniform): number {
  switch (d.kind) {
    case 'beta':
      return betaSampler.factory(d.alpha, d.beta, { prng })();
    case 'gamma':
      return gammaSampler.factory(d.shape, 1 / d.scale, { prng })();
    case 'lognormal':
      return lognormalSampler.factory(d.meanLog, d.sdLog, { prng })();
    case 'normal':
      return normalSampler.factory(d.mean, d.sd, { prng })();
    case 'uniform':
      return uniformSampler.factory(d.min, d.max, { prng })();
  }
}

/**
 * One PSA draw: a value for every sampled parameter, in registry order. Dirichlet groups are
 * drawn as normalised gammas (a zero-weight component stays 0). Values are clamped to the
 * record's bounds, which only the tails of unbounded distributions ever reach.
 */
export function sampleParameters(
  seed: number,
  draw: number,
  parameters: readonly SampledParameter[],
): Record<string, number> {
  const prng = openStream({ seed, draw, index: 0, purpose: PSA_PARAMETER_PURPOSE });
  const values: Record<string, number> = {};
  const groups = new Map<string, SampledParameter[]>();
  for (const p of parameters) {
    const d = p.distribution;
    if (d.kind === 'dirichlet') {
      const members = groups.get(d.group) ?? [];
      members.push(p);
      groups.set(d.group, members);
    }
  }
  for (const p of parameters) {
    const d = p.distribution;
    if (d.kind === 'fixed') continue;
    if (d.kind !== 'dirichlet') {
      values[p.record.id] = clampToBounds(p.record, sampleContinuous(d, prng));
      continue;
    }
    const members = groups.get(d.group);
    if (members === undefined || members[0] !== p) continue; // the group is drawn at its first member
    const weights = members.map((m) => {
      const alpha = (m.distribution as { alpha: number }).alpha;
      return alpha > 0 ? gammaSampler.factory(alpha, 1, { prng })() : 0;
    });
    const total = weights.reduce((s, w) => s + w, 0);
    members.forEach((m, i) => {
      values[m.record.id] = (weights[i] as number) / total;
    });
  }
  return values;
}

/** The central 95% interval of a continuous distribution, clamped to the record's bounds. */
export function interval95(record: EvidenceRecord, d: Distribution): { low: number; high: number } | undefined {
  const q = (p: number): number | undefined => {
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
      default:
        return undefined; // fixed values have no range; a mix component cannot move alone
    }
  };
  const low = q(0.025);
  const high = q(0.975);
  if (low === undefined || high === undefined) return undefined;
  return { low: clampToBounds(record, low), high: clampToBounds(record, high) };
}

/** The mean of a sampling distribution (a Dirichlet share: α over its group's total α); null when fixed. */
export function distributionMean(d: Distribution, groupAlpha: (group: string) => number): number | null {
  switch (d.kind) {
    case 'fixed':
      return null;
    case 'beta':
      return d.alpha / (d.alpha + d.beta);
    case 'gamma':
      return d.shape * d.scale;
    case 'lognormal':
      return Math.exp(d.meanLog + (d.sdLog * d.sdLog) / 2);
    case 'normal':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'dirichlet':
      return d.alpha / groupAlpha(d.group);
  }
}

/**
 * Every sampled parameter at the mean of the distribution PSA draws it from (clamped to the
 * record's bounds): the "deterministic at means" reference case. Point estimates differ for
 * skewed distributions (a lognormal's point estimate is its median, below its mean).
 */
export function parametersAtMeans(
  mode: CalibratedParameterMode,
  overridden: ReadonlySet<string> = new Set(),
): Record<string, number> {
  const parameters = sampledParameters(mode, overridden);
  const alpha = new Map<string, number>();
  for (const p of parameters) {
    if (p.distribution.kind === 'dirichlet') {
      alpha.set(p.distribution.group, (alpha.get(p.distribution.group) ?? 0) + p.distribution.alpha);
    }
  }
  const values: Record<string, number> = {};
  for (const p of parameters) {
    const mean = distributionMean(p.distribution, (group) => alpha.get(group) ?? Number.NaN);
    if (mean !== null) values[p.record.id] = clampToBounds(p.record, mean);
  }
  return values;
}

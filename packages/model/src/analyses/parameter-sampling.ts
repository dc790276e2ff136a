// Draws of the registry's parameters for probabilistic sensitivity analysis, and the 95%
// intervals deterministic sensitivity analysis sweeps.
//
// Each PSA draw has its own stream keyed by (seed, draw), opened with a purpose no
// individual uses, so parameter draws never touch the individuals' random numbers. The
// samplers are stdlib's, fed that stream. Correlation: the calibrated parameters are drawn
// jointly, as one row of the calibration set's posterior draws (the stream's first uniform
// picks the row), keeping the correlations calibration found; mixes are sampled jointly as
// Dirichlet components; the registry records no other correlations.
import betaSampler from '@stdlib/random-base-beta';
import gammaSampler from '@stdlib/random-base-gamma';
import lognormalSampler from '@stdlib/random-base-lognormal';
import normalSampler from '@stdlib/random-base-normal';
import uniformSampler from '@stdlib/random-base-uniform';
import { openStream, purposeId, type Uniform } from '../engine/random-streams.js';
import { drawSummary } from '../evidence/calibration-draws.js';
import { type ContinuousDistribution, isContinuous, quantile } from '../evidence/distribution-functions.js';
import type { Distribution, EvidenceRecord } from '../evidence/evidence-record.js';
import { type CalibrationSet, EVIDENCE } from '../evidence/registry.js';

export const PSA_PARAMETER_PURPOSE = purposeId('psa-parameters');

/**
 * How PSA treats the parameters a calibration set fits: 'posterior' draws them jointly from
 * the set's posterior draws; 'fixed' holds them at the set's point values (the posterior
 * mean). Calibrated parameters a set does not fit (e.g. `PRIORS_ONLY`) are drawn from their priors.
 */
export type CalibratedParameterMode = 'posterior' | 'fixed';

export interface SampledParameter {
  readonly record: EvidenceRecord;
  /** The prior PSA samples; for a posterior column, the prior it was calibrated from (for reference). */
  readonly distribution: Distribution;
  /** The parameter's column in the calibration set's draws, when it is drawn from them. */
  readonly posteriorColumn?: number;
}

/** Parameters a PSA draws: those with a distribution or posterior that the scenario does not override. */
export function sampledParameters(
  mode: CalibratedParameterMode,
  overridden: ReadonlySet<string>,
  calibration: CalibrationSet,
): SampledParameter[] {
  const columns = new Map((calibration.draws?.parameterIds ?? []).map((id, k) => [id, k]));
  const sampled: SampledParameter[] = [];
  for (const record of EVIDENCE) {
    if (record.role !== 'parameter' || overridden.has(record.id)) continue;
    const column = columns.get(record.id);
    if (column !== undefined) {
      if (mode === 'posterior') sampled.push({ record, distribution: record.distribution, posteriorColumn: column });
      continue;
    }
    // Fitted without draws: the set's value is all there is.
    if (record.id in calibration.values) continue;
    if (record.distribution.kind !== 'fixed') sampled.push({ record, distribution: record.distribution });
  }
  return sampled;
}

function clampToBounds(record: EvidenceRecord, value: number): number {
  return Math.min(record.bounds.max, Math.max(record.bounds.min, value));
}

function sampleContinuous(d: ContinuousDistribution, prng: Uniform): number {
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
  calibration: CalibrationSet,
): Record<string, number> {
  const prng = openStream({ seed, draw, index: 0, purpose: PSA_PARAMETER_PURPOSE });
  const values: Record<string, number> = {};
  if (parameters.some((p) => p.posteriorColumn !== undefined)) {
    const rows = calibration.draws?.rows ?? [];
    const row = rows[Math.floor(prng() * rows.length)];
    if (row === undefined) throw new RangeError(`PSA: calibration set '${calibration.name}' has no posterior draws`);
    for (const p of parameters) {
      if (p.posteriorColumn !== undefined) values[p.record.id] = row[p.posteriorColumn] as number;
    }
  }
  const groups = new Map<string, SampledParameter[]>();
  for (const p of parameters) {
    const d = p.distribution;
    if (d.kind === 'dirichlet' && p.posteriorColumn === undefined) {
      const members = groups.get(d.group) ?? [];
      members.push(p);
      groups.set(d.group, members);
    }
  }
  for (const p of parameters) {
    const d = p.distribution;
    if (d.kind === 'fixed' || p.posteriorColumn !== undefined) continue;
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
  // Fixed values have no range; a mix component cannot move alone.
  if (!isContinuous(d)) return undefined;
  return { low: clampToBounds(record, quantile(d, 0.025)), high: clampToBounds(record, quantile(d, 0.975)) };
}

/**
 * The 95% interval DSA sweeps: for a parameter the calibration set has draws of, the central
 * 95% of those draws (the posterior's); otherwise its distribution's.
 */
export function parameterInterval95(
  record: EvidenceRecord,
  calibration: CalibrationSet,
): { low: number; high: number } | undefined {
  const posterior = drawSummary(calibration, record.id);
  if (posterior !== undefined) return { low: posterior.low, high: posterior.high };
  return record.id in calibration.values ? undefined : interval95(record, record.distribution);
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
 * record's bounds): the "deterministic at means" reference case. A parameter drawn from the
 * calibration set's posterior sits at the mean of its draws. Point estimates differ for skewed
 * distributions (a lognormal's point estimate is its median, below its mean).
 */
export function parametersAtMeans(
  mode: CalibratedParameterMode,
  overridden: ReadonlySet<string>,
  calibration: CalibrationSet,
): Record<string, number> {
  const parameters = sampledParameters(mode, overridden, calibration);
  const alpha = new Map<string, number>();
  for (const p of parameters) {
    if (p.distribution.kind === 'dirichlet' && p.posteriorColumn === undefined) {
      alpha.set(p.distribution.group, (alpha.get(p.distribution.group) ?? 0) + p.distribution.alpha);
    }
  }
  const values: Record<string, number> = {};
  for (const p of parameters) {
    const mean =
      p.posteriorColumn !== undefined
        ? (drawSummary(calibration, p.record.id)?.mean ?? null)
        : distributionMean(p.distribution, (group) => alpha.get(group) ?? Number.NaN);
    if (mean !== null) values[p.record.id] = clampToBounds(p.record, mean);
  }
  return values;
}

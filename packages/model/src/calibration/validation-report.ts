// The validation report: every target's observed value and 95% interval against the model's
// value (with its Monte Carlo SE from replications), and the fitted parameters against their priors.
import type { Distribution } from '../evidence/evidence-record.js';
import { CALIBRATED_PARAMETERS } from './calibrate.js';
import { type ExperimentSizes, runExperiments } from './experiments.js';
import { negativeLogLikelihood, observedInterval, TARGETS } from './targets.js';

export interface TargetCheck {
  readonly id: string;
  readonly group: number;
  readonly label: string;
  readonly source: string;
  readonly unit: 'proportion' | 'months';
  readonly observed: number;
  readonly low: number;
  readonly high: number;
  readonly interval?: string;
  readonly simulated: number;
  /** SD of the statistic over replications with other seeds: the Monte Carlo SE of one run. */
  readonly mcse: number;
  readonly inside: boolean;
  readonly negativeLogLikelihood: number;
}

export interface ParameterCheck {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly prior: number;
  readonly priorLow: number;
  readonly priorHigh: number;
  readonly fitted: number;
}

export interface ValidationReport {
  readonly sizes: ExperimentSizes;
  readonly replications: number;
  readonly targets: readonly TargetCheck[];
  readonly parameters: readonly ParameterCheck[];
  readonly targetsInside: number;
  /** Median observed time in the registry replica (months), against 000's 35. */
  readonly medianFollowUpMonths: number;
}

const Z95 = 1.959964;

/** Central value and 95% interval of a prior, for the report. */
export function priorInterval(d: Distribution, centre: number): { low: number; high: number } {
  switch (d.kind) {
    case 'lognormal':
      return { low: Math.exp(d.meanLog - Z95 * d.sdLog), high: Math.exp(d.meanLog + Z95 * d.sdLog) };
    case 'normal':
      return { low: d.mean - Z95 * d.sd, high: d.mean + Z95 * d.sd };
    case 'uniform':
      return { low: d.min, high: d.max };
    case 'gamma': {
      const sd = Math.sqrt(d.shape) * d.scale;
      return { low: Math.max(0, centre - Z95 * sd), high: centre + Z95 * sd };
    }
    case 'beta': {
      const n = d.alpha + d.beta;
      const mean = d.alpha / n;
      const sd = Math.sqrt((mean * (1 - mean)) / (n + 1));
      return { low: Math.max(0, mean - Z95 * sd), high: Math.min(1, mean + Z95 * sd) };
    }
    default:
      return { low: centre, high: centre };
  }
}

/** SD over replications with other seeds (the Monte Carlo SE of one run); NaN with < 2 finite values. */
export function standardDeviation(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return Number.NaN;
  const mean = finite.reduce((s, v) => s + v, 0) / finite.length;
  return Math.sqrt(finite.reduce((s, v) => s + (v - mean) ** 2, 0) / (finite.length - 1));
}

export function validationReport(
  values: Readonly<Record<string, number>>,
  sizes: ExperimentSizes,
  replications = 5,
): ValidationReport {
  const main = runExperiments(values, sizes);
  const extra = Array.from({ length: replications }, (_, k) =>
    runExperiments(values, { ...sizes, seed: sizes.seed + 1_000 * (k + 1) }),
  );
  const targets = TARGETS.map((t): TargetCheck => {
    const observed = observedInterval(t.likelihood);
    const simulated = t.simulated(main);
    return {
      id: t.id,
      group: t.group,
      label: t.label,
      source: t.source,
      unit: t.unit,
      observed: observed.value,
      low: observed.low,
      high: observed.high,
      ...(t.interval === undefined ? {} : { interval: t.interval }),
      simulated,
      mcse: standardDeviation(extra.map((r) => t.simulated(r))),
      inside: simulated >= observed.low && simulated <= observed.high,
      negativeLogLikelihood: negativeLogLikelihood(t.likelihood, simulated),
    };
  });
  const survival = main.registry.curves.survival;
  const halfIndex = survival?.atRisk.findIndex((n) => n <= (survival?.individuals ?? 0) / 2) ?? -1;
  const medianFollowUpMonths =
    halfIndex > 0 ? ((survival?.timesYears[halfIndex - 1] ?? Number.NaN) as number) * 12 : Number.NaN;
  return {
    sizes,
    replications,
    targets,
    parameters: CALIBRATED_PARAMETERS.map((r) => {
      const interval = priorInterval(r.distribution, r.value);
      return {
        id: r.id,
        label: r.label,
        unit: r.unit,
        prior: r.value,
        priorLow: interval.low,
        priorHigh: interval.high,
        fitted: values[r.id] ?? r.value,
      };
    }),
    targetsInside: targets.filter((t) => t.inside).length,
    medianFollowUpMonths,
  };
}

// Which result is the reference case, and where the candidates differ.
//
// Three results can claim to be "the" answer: the deterministic run at point estimates
// (registry values, calibrated values where calibrated; a lognormal's point estimate is its
// median), the deterministic run at the sampling distributions' means, and the probabilistic
// mean over PSA draws. They differ where distributions are skewed and where the model is
// nonlinear in its parameters; a report names the one it shows and lists the parameters whose
// point estimate and mean differ.
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { EVIDENCE_BY_ID } from '../evidence/registry.js';
import type { SarcomaScenario } from '../scenario/scenario.js';
import { parametersAtMeans } from './parameter-sampling.js';

export type ReferenceCaseKind = 'deterministic-point-estimates' | 'deterministic-means' | 'probabilistic-mean';

export interface ParameterDifference {
  readonly id: string;
  readonly pointEstimate: number;
  readonly mean: number;
}

export interface ReferenceCase {
  readonly kind: ReferenceCaseKind;
  readonly statement: string;
  /** Sampled parameters whose mean differs from the point estimate by more than 1%, largest first. */
  readonly differences: readonly ParameterDifference[];
}

const STATEMENTS: Record<ReferenceCaseKind, string> = {
  'deterministic-point-estimates':
    'deterministic, every parameter at its point estimate (registry value; calibrated value where calibrated; lognormals at their medians)',
  'deterministic-means':
    'deterministic, every sampled parameter at the mean of its PSA distribution (`sarcsim run --at-means`)',
  'probabilistic-mean':
    'probabilistic: means over the PSA draws (parameter uncertainty propagated; the reference for a decision under uncertainty)',
};

/** The point estimate a deterministic run uses for a parameter. */
function pointEstimate(id: string): number | undefined {
  return COMMITTED_CALIBRATION.values[id] ?? EVIDENCE_BY_ID.get(id)?.value;
}

export function referenceCase(scenario: SarcomaScenario, kind: ReferenceCaseKind): ReferenceCase {
  const means = parametersAtMeans(
    scenario.economics.psa.calibratedParameters,
    new Set(Object.keys(scenario.parameters)),
  );
  const differences = Object.entries(means)
    .flatMap(([id, mean]) => {
      const point = pointEstimate(id);
      if (point === undefined) return [];
      const scale = Math.max(Math.abs(point), Math.abs(mean));
      return scale > 0 && Math.abs(mean - point) > 0.01 * scale ? [{ id, pointEstimate: point, mean }] : [];
    })
    .sort(
      (a, b) =>
        Math.abs(b.mean - b.pointEstimate) / Math.max(Math.abs(b.pointEstimate), Math.abs(b.mean)) -
        Math.abs(a.mean - a.pointEstimate) / Math.max(Math.abs(a.pointEstimate), Math.abs(a.mean)),
    );
  return { kind, statement: STATEMENTS[kind], differences };
}

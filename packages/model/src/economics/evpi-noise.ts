// EVPI with the inner-loop noise taken out.
//
// Each PSA draw's mean net benefits are estimated from a finite cohort, y_d = μ_d + ε_d
// with ε_d ~ N(0, V_d) (V_d from the draw's paired covariance of mean costs and QALYs).
// The per-draw maximum is biased upward: E[max_s y_ds] − max_s μ_ds = b_d ≥ 0, so the raw
// EVPI, mean_d max_s y_ds − max_s mean_d y_ds, overstates the true one by about mean_d b_d
// (the second term averages the noise away). Two corrections, both shown:
//  - estimate: b_d by the parametric bootstrap at the observed means,
//    b̂_d = E_η[max_s(y_ds + η_s)] − max_s y_ds with η ~ N(0, V_d);
//  - bound: b_d ≤ E[max_s ε_ds] (max(μ + ε) ≤ max μ + max ε), which does not depend on μ,
//    so raw − mean_d E[max_s ε_ds] is a lower bound on the noise-free EVPI.
// Expectations over η are Monte Carlo with fixed antithetic normals (reproducible).
// docs/economics.md gives the derivation and when each is accurate.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { openStream, purposeId } from '../engine/random-streams.js';
import type { DrawMatrix } from './evppi.js';
import { netBenefit } from './net-benefit.js';

/** Normal vectors per draw for the expectations over inner noise (half of them antithetic). */
export const INNER_NOISE_SAMPLES = 256;

export interface EvpiNoisePoint {
  readonly willingnessToPay: number;
  /** EVPI per patient as computed from the draws' means (inner noise included). */
  readonly raw: number;
  /** Outer-loop Monte Carlo standard error of `raw` (over draws, the optimal strategy held fixed). */
  readonly se: number;
  /** Estimated upward bias from inner noise (parametric bootstrap at the observed means). */
  readonly innerBias: number;
  /** raw − innerBias, at least 0. */
  readonly corrected: number;
  /** Noise floor: mean over draws of E[max_s ε_s], the most inner noise can add (at a tie of all strategies). */
  readonly noiseFloor: number;
  /** raw − noiseFloor, at least 0: the noise-free EVPI is (in expectation) at least this. */
  readonly lowerBound: number;
  /** True when the raw EVPI does not exceed its noise floor (inner noise alone could produce it). */
  readonly belowNoiseFloor: boolean;
}

/** Lower-triangular L with L·Lᵀ = A for a symmetric positive semidefinite A (singular directions get 0). */
export function semidefiniteCholesky(a: readonly number[][]): number[][] {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const scale = Math.max(0, ...a.map((row, i) => row[i] as number));
  for (let j = 0; j < n; j++) {
    let d = (a[j]?.[j] as number) - (l[j] as number[]).slice(0, j).reduce((s, v) => s + v * v, 0);
    if (!(d > 1e-12 * scale)) d = 0;
    const root = Math.sqrt(d);
    (l[j] as number[])[j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = a[i]?.[j] as number;
      for (let k = 0; k < j; k++) s -= (l[i]?.[k] as number) * (l[j]?.[k] as number);
      (l[i] as number[])[j] = root > 0 ? s / root : 0;
    }
  }
  return l;
}

/** The full symmetric matrix from its upper triangle, row by row. */
export function fromUpperTriangle(upper: readonly number[], size: number): number[][] {
  const m = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  let at = 0;
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++, at++) {
      (m[i] as number[])[j] = upper[at] as number;
      (m[j] as number[])[i] = upper[at] as number;
    }
  }
  return m;
}

/** Noise samples (costs then QALYs per strategy) of one draw: INNER_NOISE_SAMPLES vectors, antithetic pairs. */
function noiseSamples(covariance: readonly number[], strategies: number, seed: number, draw: number): Float64Array[] {
  const size = 2 * strategies;
  const l = semidefiniteCholesky(fromUpperTriangle(covariance, size));
  const u = openStream({ seed, draw, index: 0, purpose: purposeId('evpi-inner-noise') });
  const out: Float64Array[] = [];
  for (let j = 0; j < INNER_NOISE_SAMPLES / 2; j++) {
    const z = Array.from({ length: size }, () => normalQuantile(Math.min(1 - 1e-16, Math.max(1e-16, u())), 0, 1));
    const eta = new Float64Array(size);
    for (let r = 0; r < size; r++) {
      let s = 0;
      for (let k = 0; k <= r; k++) s += (l[r]?.[k] as number) * (z[k] as number);
      eta[r] = s;
    }
    out.push(
      eta,
      eta.map((v) => -v),
    );
  }
  return out;
}

/**
 * Raw and noise-corrected EVPI per patient at each threshold. `innerCovariances[d]` is draw
 * d's covariance of mean costs then mean QALYs (upper triangle of 2S×2S); `seed` fixes the
 * normals used for the expectations over inner noise.
 */
export function evpiWithInnerNoise(
  costs: DrawMatrix,
  effects: DrawMatrix,
  innerCovariances: readonly (readonly number[])[],
  thresholds: readonly number[],
  seed: number,
): EvpiNoisePoint[] {
  const n = costs.length;
  if (n === 0) throw new RangeError('EVPI: needs at least one draw');
  if (innerCovariances.length !== n) {
    throw new RangeError(`EVPI: ${innerCovariances.length} inner covariances for ${n} draws`);
  }
  const S = costs[0]?.length ?? 0;
  const bias = thresholds.map(() => 0);
  const bound = thresholds.map(() => 0);
  const nb = thresholds.map(() => Array.from({ length: n }, () => new Float64Array(S)));
  for (let d = 0; d < n; d++) {
    const samples = noiseSamples(innerCovariances[d] as readonly number[], S, seed, d);
    thresholds.forEach((wtp, t) => {
      const y = nb[t]?.[d] as Float64Array;
      for (let s = 0; s < S; s++) y[s] = netBenefit(wtp, effects[d]?.[s] as number, costs[d]?.[s] as number);
      const best = Math.max(...y);
      let sumMax = 0;
      let sumNoiseMax = 0;
      for (const eta of samples) {
        let maxY = -Infinity;
        let maxNoise = -Infinity;
        for (let s = 0; s < S; s++) {
          const noise = wtp * (eta[S + s] as number) - (eta[s] as number);
          maxY = Math.max(maxY, (y[s] as number) + noise);
          maxNoise = Math.max(maxNoise, noise);
        }
        sumMax += maxY;
        sumNoiseMax += maxNoise;
      }
      bias[t] = (bias[t] as number) + (sumMax / samples.length - best) / n;
      bound[t] = (bound[t] as number) + sumNoiseMax / samples.length / n;
    });
  }
  return thresholds.map((wtp, t) => {
    const rows = nb[t] as Float64Array[];
    const means = new Array<number>(S).fill(0);
    for (const y of rows) for (let s = 0; s < S; s++) means[s] = (means[s] as number) + (y[s] as number) / n;
    let optimal = 0;
    means.forEach((v, s) => {
      if (v > (means[optimal] as number)) optimal = s;
    });
    const losses = rows.map((y) => Math.max(...y) - (y[optimal] as number));
    const raw = losses.reduce((a, v) => a + v, 0) / n;
    const sd = n > 1 ? Math.sqrt(losses.reduce((a, v) => a + (v - raw) ** 2, 0) / (n - 1)) : Number.NaN;
    const innerBias = bias[t] as number;
    const noiseFloor = bound[t] as number;
    const lowerBound = Math.max(0, raw - noiseFloor);
    return {
      willingnessToPay: wtp,
      raw,
      se: sd / Math.sqrt(n),
      innerBias,
      corrected: Math.max(0, raw - innerBias),
      noiseFloor,
      lowerBound,
      belowNoiseFloor: raw <= noiseFloor,
    };
  });
}

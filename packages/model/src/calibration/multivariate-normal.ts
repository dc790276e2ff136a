// A multivariate normal distribution by its Cholesky factor: log density and draws, for the
// mixture components of IMIS (imis.ts). Dimensions are small (tens), so plain arrays suffice.
import type { Uniform } from '../engine/random-streams.js';

export interface MultivariateNormal {
  readonly mean: readonly number[];
  /** Lower-triangular L with covariance = L Lᵀ, row-major. */
  readonly cholesky: readonly (readonly number[])[];
  readonly logDeterminant: number;
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Cholesky factor of a symmetric positive-definite matrix. A ridge is added to the diagonal
 * until it factors, so a nearly singular covariance (points on a lower-dimensional set)
 * still gives a usable, slightly inflated, proposal.
 */
export function choleskyFactor(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length;
  const scale = Math.max(1e-300, ...matrix.map((row, i) => Math.abs(row[i] as number)));
  for (let ridge = 0; ridge < 40; ridge++) {
    const jitter = ridge === 0 ? 0 : scale * 1e-10 * 10 ** ridge;
    const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let sum = (matrix[i]?.[j] as number) + (i === j ? jitter : 0);
        for (let k = 0; k < j; k++) sum -= (l[i]?.[k] as number) * (l[j]?.[k] as number);
        if (i === j) {
          if (!(sum > 0)) {
            ok = false;
            break;
          }
          (l[i] as number[])[i] = Math.sqrt(sum);
        } else {
          (l[i] as number[])[j] = sum / (l[j]?.[j] as number);
        }
      }
    }
    if (ok) return l;
  }
  throw new RangeError('multivariate normal: the covariance is not positive definite');
}

export function multivariateNormal(
  mean: readonly number[],
  covariance: readonly (readonly number[])[],
): MultivariateNormal {
  const cholesky = choleskyFactor(covariance);
  const logDeterminant = 2 * cholesky.reduce((sum, row, i) => sum + Math.log(row[i] as number), 0);
  return { mean: [...mean], cholesky, logDeterminant };
}

/** log N(x; mean, L Lᵀ), by forward substitution L y = x − mean. */
export function logDensity(d: MultivariateNormal, x: readonly number[]): number {
  const n = d.mean.length;
  const y = new Array<number>(n);
  let quadratic = 0;
  for (let i = 0; i < n; i++) {
    const row = d.cholesky[i] as readonly number[];
    let sum = (x[i] as number) - (d.mean[i] as number);
    for (let k = 0; k < i; k++) sum -= (row[k] as number) * (y[k] as number);
    const yi = sum / (row[i] as number);
    y[i] = yi;
    quadratic += yi * yi;
  }
  return -0.5 * (n * LOG_2PI + d.logDeterminant + quadratic);
}

/** Standard normal variate by Box–Muller from a uniform stream (two uniforms per variate, simple and exact). */
export function standardNormal(prng: Uniform): number {
  const u = 1 - prng(); // (0, 1]
  const v = prng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** One draw: mean + L z with z standard normal. */
export function drawFrom(d: MultivariateNormal, prng: Uniform): number[] {
  const n = d.mean.length;
  const z = Array.from({ length: n }, () => standardNormal(prng));
  return d.mean.map((m, i) => {
    const row = d.cholesky[i] as readonly number[];
    let sum = m;
    for (let k = 0; k <= i; k++) sum += (row[k] as number) * (z[k] as number);
    return sum;
  });
}

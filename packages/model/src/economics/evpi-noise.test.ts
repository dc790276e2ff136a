import { describe, expect, it } from 'vitest';
import { openStream } from '../engine/random-streams.js';
import { evpiWithInnerNoise, fromUpperTriangle, semidefiniteCholesky } from './evpi-noise.js';

function normals(seed: number, n: number): number[] {
  const rng = openStream({ seed, draw: 0, index: 0, purpose: 0 });
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng()));
}

const normalPdf = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
/** Φ by Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7, ample here). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** E[max(D, 0)] − max(E D, 0) for D ~ N(m, s²): the EVPI of two strategies whose difference is D. */
const closedFormEvpi = (m: number, s: number) => s * normalPdf(m / s) + m * normalCdf(m / s) - Math.max(0, m);

describe('EVPI with inner-loop noise', () => {
  // Two strategies at WTP 1: strategy 0 has net benefit 0, strategy 1 has μ_d ~ N(m, s²)
  // across draws, estimated in each draw with inner noise ε_d ~ N(0, σ²) (σ² known).
  const draws = 40_000;
  const [m, s, sigma] = [0.2, 1, 0.3];
  const mu = normals(11, draws).map((z) => m + s * z);
  const eps = normals(12, draws).map((z) => sigma * z);
  const costs = mu.map(() => [0, 0]);
  const effects = mu.map((v, d) => [0, v + (eps[d] as number)]);
  // Covariance of [cost0, cost1, qaly0, qaly1]: only qaly1 is noisy.
  const inner = mu.map(() => [0, 0, 0, 0, 0, 0, 0, 0, 0, sigma ** 2]);
  const [point] = evpiWithInnerNoise(costs, effects, inner, [1], 5);
  // The noise-free EVPI of these very draws (same μ), so outer sampling error cancels.
  const mean = mu.reduce((a, v) => a + v, 0) / draws;
  const truth = mu.reduce((a, v) => a + Math.max(0, v), 0) / draws - Math.max(0, mean);

  it('the draws’ noise-free EVPI matches the closed form', () => {
    // SD of max(D, 0) < 0.7 here: SE < 0.7/√40000 = 0.0035; 4 SE.
    expect(Math.abs(truth - closedFormEvpi(m, s))).toBeLessThan(0.014);
  });

  it('removes the inner-noise bias that the raw EVPI carries', () => {
    // The raw bias is about f_D(0)·σ²/2 = 0.39·0.045 = 0.0176. The per-draw effect of ε on
    // max(·, 0) has SD below σ, so raw − truth has SE < 0.3/√40000 = 0.0015; the correction's
    // own error (the bootstrap evaluates the bias at noisy means) is ~0.001 here.
    expect((point?.raw as number) - truth).toBeGreaterThan(0.012);
    expect(Math.abs((point?.corrected as number) - truth)).toBeLessThan(4 * 0.0015 + 0.001);
    expect(point?.innerBias).toBeGreaterThan(0.012);
    // The bound never exceeds the truth by more than the sampling error, and is below the correction.
    expect(point?.lowerBound).toBeLessThan(truth + 4 * 0.0015);
    expect(point?.lowerBound).toBeLessThanOrEqual(point?.corrected as number);
    expect(point?.belowNoiseFloor).toBe(false);
    // Outer-loop MCSE: SD of the loss / √draws.
    expect(point?.se).toBeGreaterThan(0.002);
    expect(point?.se).toBeLessThan(0.0035);
  });

  it('flags an EVPI that is inner noise only', () => {
    // Every draw has the same true net benefits (a tie): the true EVPI is 0.
    const tieEffects = eps.slice(0, 4_000).map((e) => [0, e]);
    const [tie] = evpiWithInnerNoise(
      tieEffects.map(() => [0, 0]),
      tieEffects,
      inner.slice(0, 4_000),
      [1],
      5,
    );
    // Raw ≈ E[max(ε, 0)] = σ/√(2π) = 0.120. Evaluated at noisy means the bootstrap finds on
    // average σ·(1/√(4π) − (1 − 1/√2)/√(2π)) = 0.165σ of bias, not 0.399σ: it under-corrects
    // when noise dominates (corrected ≈ 0.234σ = 0.070), which is why the bound and the warning exist.
    // SE of the mean over 4,000 draws: < σ/√4000 = 0.005.
    expect(Math.abs((tie?.raw as number) - sigma / Math.sqrt(2 * Math.PI))).toBeLessThan(0.02);
    expect(Math.abs((tie?.corrected as number) - 0.234 * sigma)).toBeLessThan(0.02);
    expect(tie?.lowerBound).toBe(0);
    expect(tie?.belowNoiseFloor).toBe(true);
  });

  it('factors a semidefinite covariance (a zero variance and a perfect correlation)', () => {
    const a = fromUpperTriangle([4, 2, 0, 1, 0, 0], 3); // [[4,2,0],[2,1,0],[0,0,0]]
    const l = semidefiniteCholesky(a);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const v = [0, 1, 2].reduce((sum, k) => sum + (l[i]?.[k] as number) * (l[j]?.[k] as number), 0);
        expect(v).toBeCloseTo(a[i]?.[j] as number, 12);
      }
    }
  });
});

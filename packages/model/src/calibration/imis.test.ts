import { describe, expect, it } from 'vitest';
import { type Evaluation, effectiveSampleSize, imis, systematicResample } from './imis.js';

/** Weighted mean and SD of one coordinate of the weighted points. */
function moments(points: readonly { z: readonly number[]; weight: number }[], k: number) {
  const mean = points.reduce((s, p) => s + p.weight * (p.z[k] as number), 0);
  const variance = points.reduce((s, p) => s + p.weight * ((p.z[k] as number) - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(variance) };
}

function correlation(points: readonly { z: readonly number[]; weight: number }[], a: number, b: number) {
  const ma = moments(points, a);
  const mb = moments(points, b);
  const cov = points.reduce(
    (s, p) => s + p.weight * ((p.z[a] as number) - ma.mean) * ((p.z[b] as number) - mb.mean),
    0,
  );
  return cov / (ma.sd * mb.sd);
}

const settings = {
  seed: 7,
  priorDraws: 400,
  batch: 60,
  maxIterations: 30,
  resample: 1000,
  optimisation: { maxEvaluations: 300, hessianStep: 0.05 },
};

describe('imis', () => {
  it('recovers a conjugate normal posterior (prior N(0, I), data y ~ N(A z, s² I))', async () => {
    // Observations of z1, z2 and z1 + z2 with SD 0.25: the posterior is normal with
    // precision I + AᵀA / s² and mean Σ Aᵀ y / s², strongly correlated and far narrower than the prior.
    const s = 0.25;
    const y = [1.2, -0.4, 0.5];
    const a = [
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    const logLikelihood = (z: readonly number[]) =>
      -0.5 *
      a.reduce(
        (sum, row, j) => sum + (((y[j] as number) - row.reduce((t, c, k) => t + c * (z[k] as number), 0)) / s) ** 2,
        0,
      );
    // Precision P = I + AᵀA/s² = [[1+32, 16], [16, 1+32]]; Σ = P⁻¹.
    const p11 = 1 + 2 / s ** 2;
    const p12 = 1 / s ** 2;
    const det = p11 * p11 - p12 * p12;
    const sigma = [
      [p11 / det, -p12 / det],
      [-p12 / det, p11 / det],
    ];
    const aty = [((y[0] as number) + (y[2] as number)) / s ** 2, ((y[1] as number) + (y[2] as number)) / s ** 2];
    const mean = [0, 1].map(
      (i) => (sigma[i]?.[0] as number) * (aty[0] as number) + (sigma[i]?.[1] as number) * (aty[1] as number),
    );
    const result = await imis(
      { ...settings, dimension: 2 },
      (z): Evaluation<null> => ({ logLikelihood: logLikelihood(z), output: null }),
    );
    expect(result.effectiveSampleSize).toBeGreaterThan(300);
    for (const k of [0, 1]) {
      const m = moments(result.points, k);
      const sd = Math.sqrt(sigma[k]?.[k] as number);
      // Importance-sampling error of a mean is about sd / √ESS; 4 of those.
      expect(Math.abs(m.mean - (mean[k] as number))).toBeLessThan((4 * sd) / Math.sqrt(result.effectiveSampleSize));
      // The SD's relative error is about 1 / √(2 ESS); 4 of those.
      expect(Math.abs(m.sd / sd - 1)).toBeLessThan(4 / Math.sqrt(2 * result.effectiveSampleSize));
    }
    const rho = (sigma[0]?.[1] as number) / Math.sqrt((sigma[0]?.[0] as number) * (sigma[1]?.[1] as number));
    expect(Math.abs(correlation(result.points, 0, 1) - rho)).toBeLessThan(
      (4 * (1 - rho * rho)) / Math.sqrt(result.effectiveSampleSize),
    );
  });

  it('recovers a posterior close to the prior (a weak likelihood), through the prior component', async () => {
    // One observation of z1 with SD 2: posterior N(y/(1 + 1/4), 1/(1 + 1/4)); z2 stays N(0, 1).
    const y = 1;
    const result = await imis({ ...settings, dimension: 2 }, (z) => ({
      logLikelihood: -0.5 * ((y - (z[0] as number)) / 2) ** 2,
      output: null,
    }));
    const precision = 1 + 1 / 4;
    const m0 = moments(result.points, 0);
    const m1 = moments(result.points, 1);
    const tol = 4 / Math.sqrt(result.effectiveSampleSize);
    expect(Math.abs(m0.mean - y / 4 / precision)).toBeLessThan(tol / Math.sqrt(precision));
    expect(Math.abs(m0.sd - 1 / Math.sqrt(precision))).toBeLessThan(tol);
    expect(Math.abs(m1.mean)).toBeLessThan(tol);
    expect(Math.abs(m1.sd - 1)).toBeLessThan(tol);
  });

  it('is deterministic for a seed, keeps outputs with their points and resamples J draws', async () => {
    const run = (seed: number) =>
      imis({ ...settings, seed, dimension: 3, priorDraws: 50, maxIterations: 3 }, (z) => ({
        logLikelihood: -0.5 * z.reduce((s, v) => s + ((v - 0.5) / 0.3) ** 2, 0),
        output: z[0] as number,
      }));
    const [a, b, c] = await Promise.all([run(3), run(3), run(4)]);
    expect(a).toEqual(b);
    expect(c.points[0]?.z).not.toEqual(a.points[0]?.z);
    expect(a.resampled).toHaveLength(1000);
    for (const p of a.points) expect(p.output).toBe(p.z[0]);
    expect(a.points.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
    expect(a.evaluations).toBeGreaterThan(a.points.length); // the optimisation stage's evaluations count too
  });

  it('refuses settings that cannot work', async () => {
    await expect(
      imis({ ...settings, dimension: 5, batch: 5 }, () => ({ logLikelihood: 0, output: null })),
    ).rejects.toThrow(/batch must exceed the dimension \(5\)/);
  });
});

describe('weights', () => {
  it('has Kish ESS n for equal weights and 1 for a single one', () => {
    expect(effectiveSampleSize([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(4, 12);
    expect(effectiveSampleSize([0, 1, 0])).toBe(1);
  });

  it('resamples each point about J·w times', () => {
    const counts = [0, 0, 0];
    for (const i of systematicResample([0.5, 0.3, 0.2], 10, 0.37)) counts[i] = (counts[i] as number) + 1;
    expect(counts).toEqual([5, 3, 2]);
  });
});

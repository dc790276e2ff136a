import { describe, expect, it } from 'vitest';
import { openStream } from '../engine/random-streams.js';
import { evppi } from './evppi.js';
import { acceptability } from './psa-summary.js';

/** Standard normal deviates from a seeded generator (Box–Muller). */
function normals(seed: number, n: number): number[] {
  const rng = openStream({ seed, draw: 0, index: 0, purpose: 0 });
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng()));
}

describe('EVPPI by regression metamodel', () => {
  // Two strategies; strategy 1's net benefit (effect at WTP 1, cost 0) is X1 + X2 + noise,
  // strategy 0's is 0. Known answers for X ~ N(0, 1):
  //   EVPI = E[max(X1 + X2, 0)] = √2 / √(2π) = 0.5642 (noise adds a little: √(2 + 0.25) / √(2π) = 0.5984)
  //   EVPPI(X1) = E[max(X1, 0)] = 1 / √(2π) = 0.3989;  EVPPI(X1, X2) = E[max(X1 + X2, 0)] = 0.5642
  //   EVPPI(Z) = 0 for Z independent of both.
  const n = 5_000;
  const x1 = normals(1, n);
  const x2 = normals(2, n);
  const z = normals(3, n);
  const noise = normals(4, n).map((v) => 0.5 * v);
  const effects = x1.map((v, i) => [0, v + (x2[i] as number) + (noise[i] as number)]);
  const costs = x1.map(() => [0, 0]);
  // Monte Carlo SD of max(X, 0) is below 0.85 for these cases: SE < 0.85 / √5000 = 0.012; tolerance 4 SE = 0.048.
  const tolerance = 0.048;
  const [point] = acceptability(costs, effects, [1]);
  const evpi = point?.evpiPerPatient as number;

  const group = (...columns: number[][]) => columns[0]?.map((_, i) => columns.map((c) => c[i] as number)) ?? [];
  const estimate = (parameters: number[][]) => {
    const result = evppi({ parameters, costs, effects, willingnessToPay: [1] });
    if (!result.ok) throw new Error(result.reason);
    return result.perPatient[0] as number;
  };

  it('recovers the known values within Monte Carlo error', () => {
    expect(evpi).toBeCloseTo(Math.sqrt(2.25) / Math.sqrt(2 * Math.PI), 1);
    expect(Math.abs(estimate(group(x1)) - 1 / Math.sqrt(2 * Math.PI))).toBeLessThan(tolerance);
    expect(Math.abs(estimate(group(x1, x2)) - Math.sqrt(2) / Math.sqrt(2 * Math.PI))).toBeLessThan(tolerance);
    expect(estimate(group(z))).toBeLessThan(0.02);
  });

  it('EVPPI ≤ EVPI, and grows with the group', () => {
    const single = estimate(group(x1));
    const pair = estimate(group(x1, x2));
    expect(single).toBeLessThanOrEqual(pair);
    expect(pair).toBeLessThanOrEqual(evpi);
    expect(estimate(group(x1, x2, z))).toBeLessThanOrEqual(evpi);
  });

  it('refuses to fit with too few draws or no variation', () => {
    const few = evppi({
      parameters: group(x1.slice(0, 10)),
      costs: costs.slice(0, 10),
      effects: effects.slice(0, 10),
      willingnessToPay: [1],
    });
    expect(few).toEqual({ ok: false, reason: 'needs at least 20 draws for 4 basis terms (have 10)' });
    const constant = evppi({ parameters: group(x1.map(() => 1)), costs, effects, willingnessToPay: [1] });
    expect(constant.ok).toBe(false);
  });

  it('fits a rank-deficient basis (shares that sum to 1) exactly like its reduced basis', () => {
    // w = (x, 1 − x) with x ~ U(0, 1); net benefit x − 0.5 + noise. EVPPI(w) = EVPPI(x) =
    // E[max(x − 0.5, 0)] = 1/8. The cubic basis of (x, 1 − x) has 8 terms but rank 4.
    const rng = openStream({ seed: 9, draw: 0, index: 0, purpose: 0 });
    const x = Array.from({ length: 2_000 }, () => rng());
    const nb = x.map((v, i) => [0, v - 0.5 + 0.2 * (noise[i] as number)]);
    const zeros = x.map(() => [0, 0]);
    const shares = evppi({
      parameters: group(
        x,
        x.map((v) => 1 - v),
      ),
      costs: zeros,
      effects: nb,
      willingnessToPay: [1],
    });
    const single = evppi({ parameters: group(x), costs: zeros, effects: nb, willingnessToPay: [1] });
    if (!shares.ok || !single.ok) throw new Error('not estimated');
    expect(shares.basisTerms).toBe(4);
    expect(shares.droppedTerms).toBe(4);
    expect(single.droppedTerms).toBe(0);
    expect(shares.perPatient[0]).toBeCloseTo(single.perPatient[0] as number, 10);
    // SD of max(x − 0.5, 0) ≈ 0.16: SE ≈ 0.0036; 4 SE.
    expect(Math.abs((shares.perPatient[0] as number) - 0.125)).toBeLessThan(0.015);
  });

  it('gives a bootstrap SE that matches the spread over independent PSAs, and a permutation noise floor', () => {
    // 30 independent PSAs of 1,000 draws: the SD of EVPPI(X1) across them against the mean bootstrap SE.
    const repeats = 30;
    const size = 1_000;
    const estimates: number[] = [];
    const ses: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const a = normals(100 + r, size);
      const b = normals(200 + r, size);
      const e = a.map((v, i) => [0, v + 0.5 * (b[i] as number)]);
      const fit = evppi(
        { parameters: group(a), costs: e.map(() => [0, 0]), effects: e, willingnessToPay: [1] },
        { bootstrap: 40, permutations: 0, seed: 1, stream: r },
      );
      if (!fit.ok) throw new Error(fit.reason);
      estimates.push(fit.perPatient[0] as number);
      ses.push(fit.se?.[0] as number);
    }
    const mean = estimates.reduce((s, v) => s + v, 0) / repeats;
    const sd = Math.sqrt(estimates.reduce((s, v) => s + (v - mean) ** 2, 0) / (repeats - 1));
    const meanSe = ses.reduce((s, v) => s + v, 0) / repeats;
    // The SD over 30 repeats has relative SE 1/√58 = 13%; allow 3 of those plus the bootstrap's own 10%.
    expect(Math.abs(meanSe / sd - 1)).toBeLessThan(0.5);
    expect(Math.abs(mean - 1 / Math.sqrt(2 * Math.PI))).toBeLessThan((4 * sd) / Math.sqrt(repeats) + 0.01);

    const withFloor = (parameters: number[][]) =>
      evppi(
        { parameters, costs, effects, willingnessToPay: [1] },
        { bootstrap: 0, permutations: 40, seed: 1, stream: 0 },
      );
    const informative = withFloor(group(x1));
    const unrelated = withFloor(group(z));
    if (!informative.ok || !unrelated.ok) throw new Error('not estimated');
    // X1 carries 0.40 of value; the floor of a 1-parameter cubic fit on 5,000 draws is near 0.
    expect(informative.noiseFloor?.[0]).toBeLessThan(0.02);
    expect(informative.perPatient[0]).toBeGreaterThan(10 * (informative.noiseFloor?.[0] as number));
    // Z is independent of everything: its EVPPI is a draw from the permutation distribution.
    expect(unrelated.noiseFloor?.[0]).toBeGreaterThan(0);
    expect(unrelated.perPatient[0]).toBeLessThan(3 * (unrelated.noiseFloor?.[0] as number));
  });
});

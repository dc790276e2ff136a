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
});

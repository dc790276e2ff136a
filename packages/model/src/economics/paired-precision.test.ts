import { describe, expect, it } from 'vitest';
import { runSerial } from '../engine/blocks.js';
import type { PairedMoments } from '../engine/results.js';
import { summarize } from '../engine/results.js';
import { createRunner } from '../engine/simulator.js';
import { illnessDeathExample } from '../examples/illness-death.js';
import { incrementalAnalysis } from './incremental-analysis.js';
import { fiellerInterval, pairedPrecision, RESOLVE_Z, Z_95 } from './paired-precision.js';
import { runEconomics } from './strategy-economics.js';

const CHANNELS = ['costs', 'qalys', 'lifeYears'];

/** Paired moments of explicit per-patient rows x (strategy-major, channels costs, qalys, lifeYears). */
function momentsOf(strategyIds: string[], xs: readonly number[][]): PairedMoments {
  const K = strategyIds.length * CHANNELS.length;
  const sums = new Array<number>(K).fill(0);
  const crossSums = new Array<number>(K * K).fill(0);
  for (const x of xs) {
    for (let k = 0; k < K; k++) {
      sums[k] = (sums[k] as number) + (x[k] as number);
      for (let l = 0; l < K; l++)
        crossSums[k * K + l] = (crossSums[k * K + l] as number) + (x[k] as number) * (x[l] as number);
    }
  }
  return { channels: CHANNELS, strategyIds, individuals: xs.length, sums, crossSums };
}

function analysisOf(m: PairedMoments, wtp: number) {
  const C = CHANNELS.length;
  return incrementalAnalysis(
    m.strategyIds.map((id, s) => ({
      id,
      cost: (m.sums[s * C] as number) / m.individuals,
      effect: (m.sums[s * C + 1] as number) / m.individuals,
    })),
    wtp,
  );
}

const sd = (v: readonly number[]) => {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
};

/** A small deterministic pseudo-random sequence (the test needs no particular distribution). */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('paired precision (known answers from synthetic moments)', () => {
  const u = lcg(7);
  // Three strategies; B and C share most of A's patient-level variation (common random numbers).
  const xs = Array.from({ length: 400 }, () => {
    const base = 10_000 + 5_000 * u();
    const q = 5 + 2 * u();
    const xa = [base, q, q * 1.1];
    const xb = [base + 800 + 200 * u(), q + 0.02 + 0.01 * u(), q * 1.1 + 0.02];
    const xc = [base + 2_500 + 900 * u(), q + 0.03 + 0.02 * u(), q * 1.1 + 0.03];
    return [...xa, ...xb, ...xc];
  });
  const ids = ['A', 'B', 'C'];
  const moments = momentsOf(ids, xs);
  const wtp = 50_000;
  const analysis = analysisOf(moments, wtp);
  const precision = pairedPrecision(moments, analysis);
  const diff = (s: number, t: number, f: (x: number[], base: number) => number) =>
    xs.map((x) => f(x, s * 3) - f(x, t * 3));

  it('gives each difference the SD of the per-patient differences / √n', () => {
    const b = precision.rows.find((r) => r.id === 'B');
    expect(precision.reference).toBe('A');
    expect(b?.vsReference?.against).toBe('A');
    const dCost = diff(1, 0, (x, o) => x[o] as number);
    const dQ = diff(1, 0, (x, o) => x[o + 1] as number);
    const dNb = diff(1, 0, (x, o) => wtp * (x[o + 1] as number) - (x[o] as number));
    const n = xs.length;
    // Moments minus squared sums lose a few digits to cancellation; 1e-6 relative is ample.
    const close = (got: number | undefined, want: number) =>
      expect(Math.abs((got as number) / want - 1)).toBeLessThan(1e-6);
    close(b?.vsReference?.cost.mcse, sd(dCost) / Math.sqrt(n));
    close(b?.vsReference?.qalys.mcse, sd(dQ) / Math.sqrt(n));
    close(b?.vsReference?.netBenefit.mcse, sd(dNb) / Math.sqrt(n));
    expect(b?.vsReference?.cost.mean).toBeCloseTo(dCost.reduce((a, v) => a + v, 0) / n, 8);
    // Paired: far below either strategy's own MCSE (the shared base cost dominates those).
    const ownCost = sd(xs.map((x) => x[3] as number)) / Math.sqrt(n);
    expect(b?.vsReference?.cost.mcse).toBeLessThan(ownCost / 5);
  });

  it('gives Fieller intervals whose ends solve the Fieller equation', () => {
    const [c, e, vc, ve, vce] = [1_000, 0.02, 100 ** 2, 0.004 ** 2, 0.3];
    const interval = fiellerInterval(c, e, vc, ve, vce);
    expect(interval.kind).toBe('bounded');
    for (const r of [interval.low, interval.high] as number[]) {
      expect((c - r * e) ** 2).toBeCloseTo(Z_95 ** 2 * (vc - 2 * r * vce + r * r * ve), 3);
    }
    expect(interval.low).toBeLessThan(c / e);
    expect(interval.high).toBeGreaterThan(c / e);
    // ΔQALY within 1.96 SE of 0 but Δcost far from 0: two rays; both near 0: everything.
    expect(fiellerInterval(1_000, 0.002, 100 ** 2, 0.004 ** 2, 0).kind).toBe('excluding');
    expect(fiellerInterval(10, 0.002, 100 ** 2, 0.004 ** 2, 0)).toMatchObject({ kind: 'unbounded', low: null });
    // No uncertainty: the interval is the point.
    const point = fiellerInterval(10, 2, 0, 0, 0);
    expect(point.low).toBeCloseTo(5, 12);
    expect(point.high).toBeCloseTo(5, 12);
  });

  it('states the patient count at which each comparison is 2 SE from its boundary, and it holds', () => {
    for (const summary of [precision.frontier, precision.preferred]) {
      for (const ch of summary.checks) {
        expect(ch.resolved).toBe(ch.margin >= RESOLVE_Z * ch.se);
      }
    }
    const needed = Math.max(precision.frontier.patientsToResolve ?? 0, precision.preferred.patientsToResolve ?? 0);
    expect(needed).toBeGreaterThan(0);
    // The same patients replicated r times: the means stay, the MCSEs shrink as 1/√(rn).
    const r = Math.ceil((1.02 * needed) / xs.length);
    const replicated = momentsOf(ids, xs);
    const bigger: PairedMoments = {
      ...replicated,
      individuals: replicated.individuals * r,
      sums: replicated.sums.map((v) => v * r),
      crossSums: replicated.crossSums.map((v) => v * r),
    };
    const again = pairedPrecision(bigger, analysisOf(bigger, wtp));
    expect(again.frontier.resolved && again.preferred.resolved).toBe(true);
    const fewer = Math.floor((0.9 * needed) / xs.length);
    if (fewer >= 1) {
      const smaller: PairedMoments = {
        ...replicated,
        individuals: replicated.individuals * fewer,
        sums: replicated.sums.map((v) => v * fewer),
        crossSums: replicated.crossSums.map((v) => v * fewer),
      };
      const p = pairedPrecision(smaller, analysisOf(smaller, wtp));
      expect(p.frontier.resolved && p.preferred.resolved).toBe(false);
    }
  });

  it('refuses a reference that is not a strategy, naming the allowed ones', () => {
    expect(() => pairedPrecision(moments, analysis, 'Z')).toThrow(
      "reference: got 'Z', must be one of the run's strategies: A, B, C",
    );
    expect(pairedPrecision(moments, analysis, 'C').rows.find((row) => row.id === 'A')?.vsReference?.against).toBe('C');
  });
});

describe('paired precision (Monte Carlo: the MCSE predicts the spread across seeds)', () => {
  const base = illnessDeathExample();
  const cheaper = illnessDeathExample({ screeningCost: 60, screeningSensitivity: 0.5 });
  const strategies = [
    ...base.strategies,
    { ...(cheaper.strategies[1] as (typeof cheaper.strategies)[number]), id: 'cheap-screening', label: 'Cheap screen' },
  ];
  const runner = createRunner({ model: base.model, strategies });
  const seeds = 120;
  const patients = 300;
  const wtp = 50_000;
  const runs = Array.from({ length: seeds }, (_, seed) => {
    const results = summarize(runSerial(runner, { seed: 1_000 + seed, individuals: patients }));
    return runEconomics(results.strategies, wtp, results.paired, 'no-screening').precision;
  });

  it('agrees with the empirical SD of Δcost, ΔQALY, ΔLY and INMB over independent seeds', () => {
    // The SD of R normal means has relative SE ≈ 1/√(2(R−1)) ≈ 6.5%; allow 4 of those.
    const tolerance = 4 / Math.sqrt(2 * (seeds - 1));
    for (const id of ['annual-screening', 'cheap-screening']) {
      for (const measure of ['cost', 'qalys', 'lifeYears', 'netBenefit'] as const) {
        const means = runs.map((p) => p?.rows.find((r) => r.id === id)?.vsReference?.[measure].mean as number);
        const mcses = runs.map((p) => p?.rows.find((r) => r.id === id)?.vsReference?.[measure].mcse as number);
        const rms = Math.sqrt(mcses.reduce((a, v) => a + v * v, 0) / seeds);
        expect(Math.abs(sd(means) / rms - 1), `${id} ${measure}`).toBeLessThan(tolerance);
      }
    }
  });
});

// Paired second moments: exact, blocking-independent, and equal to the products of each
// individual's own totals.
import { describe, expect, it } from 'vitest';
import { ILLNESS_DEATH_DEFAULTS, illnessDeathExample } from '../examples/illness-death.js';
import { fromTransferable, mergeTransferable, toTransferable } from './block-transfer.js';
import { runSerial } from './blocks.js';
import { type RewardEstimate, summarize } from './results.js';
import { createRunner } from './simulator.js';

const runner = createRunner(illnessDeathExample());
const N = 400;

describe('paired moments', () => {
  const paired = summarize(runSerial(runner, { seed: 21, individuals: N, blockSize: 64 })).paired;
  const K = paired.strategyIds.length * paired.channels.length;

  it('name every strategy and channel and hold K sums and a symmetric K×K matrix', () => {
    expect(paired.strategyIds).toEqual(runner.layout.strategyIds);
    expect(paired.channels).toEqual(runner.layout.channels);
    expect(paired.individuals).toBe(N);
    expect(paired.sums).toHaveLength(K);
    expect(paired.crossSums).toHaveLength(K * K);
    for (let k = 0; k < K; k++) {
      for (let l = 0; l < K; l++) expect(paired.crossSums[k * K + l]).toBe(paired.crossSums[l * K + k]);
    }
  });

  it('equal the sums of each individual’s own products (each individual run alone)', () => {
    const xs: number[][] = [];
    for (let i = 0; i < N; i++)
      xs.push([...summarize(runner.run({ seed: 21, draw: 0, firstIndex: i, count: 1 })).paired.sums]);
    for (let k = 0; k < K; k++) {
      const sum = xs.reduce((a, x) => a + (x[k] as number), 0);
      expect(paired.sums[k]).toBeCloseTo(sum, 6);
      for (let l = 0; l < K; l++) {
        const cross = xs.reduce((a, x) => a + (x[k] as number) * (x[l] as number), 0);
        expect(Math.abs((paired.crossSums[k * K + l] as number) - cross)).toBeLessThanOrEqual(1e-9 * Math.abs(cross));
      }
    }
    // The discounted sums are the same numbers the per-strategy means are built from.
    const results = summarize(runSerial(runner, { seed: 21, individuals: N }));
    results.strategies.forEach((s, si) => {
      paired.channels.forEach((c, ci) => {
        expect((paired.sums[si * paired.channels.length + ci] as number) / N).toBe(s.rewards[c]?.discounted.mean);
      });
    });
  });

  it('are bitwise identical for any blocking, and across the worker boundary', () => {
    const reference = JSON.stringify(paired);
    for (const blockSize of [1, 7, 400]) {
      expect(JSON.stringify(summarize(runSerial(runner, { seed: 21, individuals: N, blockSize })).paired)).toBe(
        reference,
      );
    }
    const transferred = fromTransferable(
      runner.layout,
      toTransferable(runner.run({ seed: 21, draw: 0, firstIndex: 0, count: 150 })).block,
    );
    mergeTransferable(
      transferred,
      toTransferable(runner.run({ seed: 21, draw: 0, firstIndex: 150, count: 250 })).block,
    );
    expect(JSON.stringify(summarize(transferred).paired)).toBe(reference);
  });

  it('show the positive correlation common random numbers create between strategies', () => {
    // Life years under the two strategies share every natural history: their paired
    // variance of the difference is far below the sum of the two variances.
    const c = paired.channels.indexOf('lifeYears');
    const a = c;
    const b = paired.channels.length + c;
    const cov = (k: number, l: number) =>
      ((paired.crossSums[k * K + l] as number) - ((paired.sums[k] as number) * (paired.sums[l] as number)) / N) /
      (N - 1);
    const varianceOfDifference = cov(a, a) + cov(b, b) - 2 * cov(a, b);
    expect(varianceOfDifference).toBeLessThan(0.2 * (cov(a, a) + cov(b, b)));
  });
});

describe('unpaired channels', () => {
  // The same model with an unpaired channel put first: years ill, a quantity to price later.
  const base = illnessDeathExample();
  const withQuantity = {
    ...base,
    model: {
      ...base.model,
      rewards: {
        yearsIll: { annualDiscountRate: 0.03, perYearInState: { ill: 1 }, paired: false },
        ...base.model.rewards,
      },
    },
  };
  const plain = summarize(runSerial(createRunner(base), { seed: 21, individuals: N, blockSize: 64 }));
  const extended = summarize(runSerial(createRunner(withQuantity), { seed: 21, individuals: N, blockSize: 37 }));

  it('leave the paired moments exactly as without them', () => {
    expect(extended.paired.channels).toEqual(['costs', 'qalys', 'lifeYears']);
    expect(JSON.stringify(extended.paired)).toBe(JSON.stringify(plain.paired));
  });

  it('have their own per-strategy means and errors, which price to the priced channel', () => {
    const p = ILLNESS_DEATH_DEFAULTS;
    for (const [s, strategy] of extended.strategies.entries()) {
      const years = strategy.rewards.yearsIll as RewardEstimate;
      expect(years.discounted.mcse).toBeGreaterThan(0);
      expect(years.discounted.mean).toBeLessThan(years.undiscounted.mean);
      expect(strategy.rewards.costs).toEqual(plain.strategies[s]?.rewards.costs);
      // Undiscounted costs are illness years, screens and treatments priced, to rounding.
      const perIndividual = (name: string) => strategy.counters[name]?.perIndividual ?? Number.NaN;
      const priced =
        p.illnessCostPerYear * years.undiscounted.mean +
        p.screeningCost * perIndividual('screens') +
        p.treatmentCost * perIndividual('treated');
      const costs = strategy.rewards.costs?.undiscounted.mean as number;
      expect(Math.abs(priced - costs)).toBeLessThanOrEqual(1e-12 * costs);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptability, effectivePopulation, wtpGrid, wtpGridBeyond } from './psa-summary.js';

describe('PSA summaries', () => {
  const draws = fc.integer({ min: 1, max: 4 }).chain((strategies) =>
    fc.array(
      fc.record({
        costs: fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: strategies, maxLength: strategies }),
        effects: fc.array(fc.double({ min: 0, max: 20, noNaN: true }), {
          minLength: strategies,
          maxLength: strategies,
        }),
      }),
      { minLength: 1, maxLength: 30 },
    ),
  );

  it('property: CEAC sums to 1 at every threshold, EVPI ≥ 0, expected loss ≥ 0 and least for the optimum', () => {
    fc.assert(
      fc.property(draws, (sample) => {
        const points = acceptability(
          sample.map((d) => d.costs),
          sample.map((d) => d.effects),
          wtpGrid(200_000, 9),
        );
        for (const p of points) {
          expect(p.probabilityCostEffective.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
          expect(p.evpiPerPatient).toBeGreaterThanOrEqual(0);
          const minLoss = Math.min(...p.expectedLoss);
          expect(p.expectedLoss[p.optimal]).toBe(minLoss);
          for (const loss of p.expectedLoss) expect(loss).toBeGreaterThanOrEqual(-1e-9 * (1 + Math.abs(minLoss)));
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('EVPI is zero when one strategy wins in every draw', () => {
    const costs = [
      [100, 50],
      [120, 60],
      [90, 10],
    ];
    const effects = [
      [1, 2],
      [1.5, 1.6],
      [0.5, 0.9],
    ]; // strategy 1 is cheaper and better in every draw
    for (const p of acceptability(costs, effects, wtpGrid(1000, 5))) {
      expect(p.evpiPerPatient).toBe(0);
      expect(p.probabilityCostEffective).toEqual([0, 1]);
      expect(p.optimal).toBe(1);
    }
  });

  it('hand-worked EVPI: two draws that disagree', () => {
    // At WTP 10: NMB draw 1 = [10, 0], draw 2 = [0, 30]; means [5, 15]; mean of max 20 → EVPI 5.
    const [p] = acceptability(
      [
        [0, 10],
        [10, 0],
      ],
      [
        [1, 1],
        [1, 3],
      ],
      [10],
    );
    expect(p?.expectedNetBenefit).toEqual([5, 15]);
    expect(p?.evpiPerPatient).toBe(5);
    expect(p?.probabilityCostEffective).toEqual([0.5, 0.5]);
  });

  it('effective population discounts later years', () => {
    expect(effectivePopulation(1000, 1, 0.03)).toBe(1000);
    expect(effectivePopulation(1000, 3, 0)).toBe(3000);
    expect(effectivePopulation(1000, 2, 0.03)).toBeCloseTo(1000 + 1000 / 1.03, 9);
  });
});

describe('threshold grid past the largest frontier ICER', () => {
  it('extends in ×1.25 steps until 1.25 × the ICER is covered, capped, and leaves a covering grid alone', () => {
    const grid = wtpGrid(200_000, 5);
    expect(wtpGridBeyond(grid, 150_000, 1e7)).toEqual(grid);
    expect(wtpGridBeyond(grid, null, 1e7)).toEqual(grid);
    const extended = wtpGridBeyond(grid, 1_000_000, 1e7);
    expect(extended.slice(0, 5)).toEqual(grid);
    expect(extended[extended.length - 1]).toBeGreaterThanOrEqual(1_250_000);
    expect(extended[extended.length - 2]).toBeLessThan(1_250_000);
    expect(extended[5]).toBe(250_000);
    const capped = wtpGridBeyond(grid, 9e6, 1e7);
    expect(capped[capped.length - 1]).toBe(1e7);
  });
});

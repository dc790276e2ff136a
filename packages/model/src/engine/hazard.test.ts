import { describe, expect, it } from 'vitest';
import { exponential, gompertz, type Hazard, lifeTable, logLogistic, piecewiseConstant, weibull } from './hazard.js';

const families: [string, Hazard][] = [
  ['exponential', exponential(0.3)],
  ['weibull', weibull(1.7, 4)],
  ['weibull (decreasing)', weibull(0.6, 2)],
  ['gompertz', gompertz(0.09, 0.01)],
  ['gompertz (fading)', gompertz(-0.5, 0.2)],
  ['logLogistic', logLogistic(2.5, 3)],
  ['piecewiseConstant', piecewiseConstant([0, 1, 2.5], [0.1, 0, 0.7])],
  ['lifeTable', lifeTable([0.01, 0.02, 0.05, 0.2, 1])],
];

describe('hazard families', () => {
  it.each(families)('%s: inverseCumulative inverts cumulative', (_name, hazard) => {
    for (const t of [0.01, 0.5, 1, 2, 3.2, 4.9]) {
      const h = hazard.cumulative(t);
      if (!Number.isFinite(h) || hazard.rate(t) === 0) continue;
      expect(hazard.inverseCumulative(h)).toBeCloseTo(t, 9);
    }
  });

  it.each(families)('%s: cumulative is the integral of the rate', (_name, hazard) => {
    // Midpoint rule on a fine grid away from breakpoints; relative error ≪ 1e-4.
    const a = 0.3;
    const b = 0.9;
    const steps = 20_000;
    let integral = 0;
    for (let i = 0; i < steps; i++) integral += hazard.rate(a + ((i + 0.5) * (b - a)) / steps) * ((b - a) / steps);
    expect(hazard.cumulative(b) - hazard.cumulative(a)).toBeCloseTo(integral, 6);
  });

  it('closed forms match their definitions', () => {
    expect(weibull(2, 3).cumulative(3)).toBeCloseTo(1, 12);
    expect(logLogistic(2, 5).cumulative(5)).toBeCloseTo(Math.log(2), 12);
    expect(gompertz(0.1, 0.02).cumulative(10)).toBeCloseTo((0.02 / 0.1) * (Math.exp(1) - 1), 12);
    expect(piecewiseConstant([0, 1], [0.5, 2]).cumulative(3)).toBeCloseTo(0.5 + 4, 12);
  });

  it('a fading Gompertz hazard never reaches budgets beyond its plateau', () => {
    const fading = gompertz(-0.5, 0.2); // plateau at 0.4
    expect(fading.inverseCumulative(0.39)).toBeGreaterThan(0);
    expect(fading.inverseCumulative(0.41)).toBe(Infinity);
  });

  it('a zero piecewise rate means no event while it lasts', () => {
    const h = piecewiseConstant([0, 1], [0.5, 0]);
    expect(h.inverseCumulative(0.5 + 1e-9)).toBe(Infinity);
  });

  it('a life table reproduces every qx: S(x+1)/S(x) = 1 − qx', () => {
    const qx = [0.006, 0.0005, 0.3, 0.99, 1];
    const table = lifeTable(qx);
    qx.forEach((q, x) => {
      const survivalRatio = Math.exp(-(table.cumulative(x + 1) - table.cumulative(x)));
      expect(survivalRatio).toBeCloseTo(1 - q, 12);
    });
  });

  it('rejects bad parameters with the field and value', () => {
    expect(() => weibull(0, 1)).toThrow('weibull: shape must be a finite number > 0, got 0');
    expect(() => exponential(-1)).toThrow('exponential: ratePerYear must be a finite number ≥ 0, got -1');
    expect(() => piecewiseConstant([0, 0], [1, 1])).toThrow('breaks must increase strictly');
    expect(() => lifeTable([0.1, 1.2])).toThrow('lifeTable: qx[1] must be in [0, 1], got 1.2');
  });
});

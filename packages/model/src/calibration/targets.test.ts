import { describe, expect, it } from 'vitest';
import type { CurveResult } from '../engine/results.js';
import { medianMonths, negativeLogLikelihood, observedInterval, TARGETS } from './targets.js';

describe('calibration targets', () => {
  it('cover the seven target groups and have unique ids', () => {
    expect(new Set(TARGETS.map((t) => t.group))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    expect(new Set(TARGETS.map((t) => t.id)).size).toBe(TARGETS.length);
  });

  it('score 0 at the observed value and more the further away', () => {
    const binomial = { kind: 'binomial' as const, events: 13, total: 74 };
    expect(negativeLogLikelihood(binomial, 13 / 74)).toBeCloseTo(0, 12);
    expect(negativeLogLikelihood(binomial, 0.3)).toBeGreaterThan(negativeLogLikelihood(binomial, 0.2));
    const zero = { kind: 'binomial' as const, events: 0, total: 23 };
    expect(negativeLogLikelihood(zero, 0)).toBeCloseTo(0, 6);
    expect(negativeLogLikelihood(zero, 0.05)).toBeCloseTo(-23 * Math.log(0.95), 9);
    const logit = { kind: 'logit' as const, value: 0.803, low: 0.772, high: 0.834 };
    expect(negativeLogLikelihood(logit, 0.803)).toBe(0);
    // σ comes from the interval's width on the logit scale, so both edges sit near z = 1.96.
    for (const edge of [0.772, 0.834]) {
      const z = Math.sqrt(2 * negativeLogLikelihood(logit, edge));
      expect(z).toBeGreaterThan(1.8);
      expect(z).toBeLessThan(2.1);
    }
    expect(negativeLogLikelihood(logit, Number.NaN)).toBe(50);
  });

  it('report a Wilson interval for counts', () => {
    const { value, low, high } = observedInterval({ kind: 'binomial', events: 8, total: 16 });
    expect(value).toBe(0.5);
    expect(low).toBeCloseTo(0.28, 2);
    expect(high).toBeCloseTo(0.72, 2);
  });

  it('read a median off a survival curve by interpolation', () => {
    const curve: CurveResult = {
      individuals: 100,
      timesYears: [1, 2, 3],
      atRisk: [100, 80, 60],
      eventFree: [0.8, 0.6, 0.4],
      cumulativeIncidence: {},
    };
    expect(medianMonths(curve)).toBeCloseTo(30, 9); // halfway between 2 and 3 years
  });
});

import { describe, expect, it } from 'vitest';
import { detectionProbability, growthModel, lesionDiameterMm, liverBurden, sensitivityFor } from './liver-burden.js';

// Volume doubling 73.05 days = diameter doubling of exactly 0.6 years.
const growth = growthModel(1, 73.05);
const contrast = { edgesMm: [5, 10, 20], sensitivity: [0.08, 0.55, 0.93, 0.99] };

describe('liver burden', () => {
  it('grows each lesion exponentially: the diameter doubles every three volume doublings', () => {
    expect(growth.diameterDoublingYears).toBeCloseTo(0.6, 12);
    expect(lesionDiameterMm(growth, 0, 0)).toBe(1);
    expect(lesionDiameterMm(growth, 0, 1.2)).toBeCloseTo(4, 12);
    expect(lesionDiameterMm(growth, 2, 1)).toBe(1); // not yet begun
  });

  it('summarises lesions, the largest diameter and bilobar spread', () => {
    expect(liverBurden(growth, [0, 0.6], [0, 0], 1.2)).toEqual({ lesions: 2, largestMm: 4, bilobar: false });
    expect(liverBurden(growth, [0, 0.6], [0, 1], 1.2).bilobar).toBe(true);
  });

  it('uses the sensitivity of the size class, with class edges belonging to the class above', () => {
    expect(sensitivityFor(contrast, 4.99)).toBe(0.08);
    expect(sensitivityFor(contrast, 5)).toBe(0.55);
    expect(sensitivityFor(contrast, 19.99)).toBe(0.93);
    expect(sensitivityFor(contrast, 20)).toBe(0.99);
  });

  it('finds at least one of several lesions with probability 1 − Π(1 − sensitivity)', () => {
    // Lesions of 4 mm (class < 5) and 16 mm (class 10–20) at t = 2.4.
    const p = detectionProbability(growth, contrast, [1.2, 0], 2.4);
    expect(p).toBeCloseTo(1 - (1 - 0.08) * (1 - 0.93), 12);
    expect(detectionProbability(growth, contrast, [], 5)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { CALIBRATED_VALUES } from '../calibration/calibrated-parameters.js';
import { EVIDENCE_BY_ID } from '../evidence/registry.js';
import { interval95, sampledParameters, sampleParameters, samplingDistribution } from './parameter-sampling.js';

const record = (id: string) => {
  const r = EVIDENCE_BY_ID.get(id);
  if (r === undefined) throw new Error(id);
  return r;
};

describe('PSA parameter sampling', () => {
  const parameters = sampledParameters('recentred-prior');

  it('samples every parameter with a distribution, within its bounds, reproducibly per (seed, draw)', () => {
    const a = sampleParameters(11, 3, parameters);
    expect(Object.keys(a).length).toBe(parameters.length);
    for (const p of parameters) {
      const v = a[p.record.id] as number;
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(p.record.bounds.min);
      expect(v).toBeLessThanOrEqual(p.record.bounds.max);
    }
    expect(sampleParameters(11, 3, parameters)).toEqual(a);
    expect(sampleParameters(11, 4, parameters)).not.toEqual(a);
    expect(sampleParameters(12, 3, parameters)).not.toEqual(a);
  });

  it('Dirichlet mixes sum to 1 and keep zero-weight cells at 0', () => {
    const draw = sampleParameters(5, 0, parameters);
    const mix = Object.entries(draw).filter(([id]) => id.startsWith('cohort.mix.'));
    expect(mix.length).toBe(45);
    expect(mix.reduce((s, [, v]) => s + v, 0)).toBeCloseTo(1, 12);
    expect(draw['cohort.mix.headNeck.adipocytic']).toBe(0);
  });

  it('sample means match the distributions within Monte Carlo error', () => {
    // 2,000 draws: tolerance 4 standard errors of the mean.
    const n = 2_000;
    const ids = ['cohort.mix.extremity.adipocytic', 'nh.livermet.onsetShape'];
    const sums = ids.map(() => ({ s: 0, s2: 0 }));
    for (let draw = 0; draw < n; draw++) {
      const values = sampleParameters(1, draw, parameters);
      ids.forEach((id, i) => {
        const v = values[id] as number;
        const acc = sums[i] as { s: number; s2: number };
        acc.s += v;
        acc.s2 += v * v;
      });
    }
    const expected = [136 / 658, CALIBRATED_VALUES['nh.livermet.onsetShape'] as number]; // Dirichlet α / Σα; recentred normal
    ids.forEach((_, i) => {
      const { s, s2 } = sums[i] as { s: number; s2: number };
      const mean = s / n;
      const se = Math.sqrt((s2 / n - mean * mean) / n);
      expect(Math.abs(mean - (expected[i] as number))).toBeLessThan(4 * se);
    });
  });

  it("recentres calibrated parameters' priors on the calibrated value, or fixes them", () => {
    const onset = record('nh.livermet.onsetRate');
    const recentred = samplingDistribution(onset, 'recentred-prior');
    expect(recentred).toMatchObject({
      kind: 'lognormal',
      meanLog: Math.log(CALIBRATED_VALUES['nh.livermet.onsetRate'] as number),
    });
    expect(samplingDistribution(onset, 'fixed')).toEqual({ kind: 'fixed' });
    expect(sampledParameters('fixed').some((p) => p.record.calibrated)).toBe(false);
    expect(
      sampledParameters('recentred-prior', new Set(['nh.livermet.onsetRate'])).some(
        (p) => p.record.id === 'nh.livermet.onsetRate',
      ),
    ).toBe(false);
  });

  it('95% intervals come from the distribution quantiles', () => {
    const onset = record('nh.livermet.onsetRate');
    const d = samplingDistribution(onset, 'recentred-prior');
    const interval = interval95(onset, d);
    const sdLog = (d as { sdLog: number }).sdLog;
    const median = CALIBRATED_VALUES['nh.livermet.onsetRate'] as number;
    expect(interval?.low).toBeCloseTo(median * Math.exp(-1.959963984540054 * sdLog), 10);
    expect(interval?.high).toBeCloseTo(median * Math.exp(1.959963984540054 * sdLog), 10);
    expect(
      interval95(record('cohort.mix.extremity.adipocytic'), record('cohort.mix.extremity.adipocytic').distribution),
    ).toBeUndefined();
  });
});

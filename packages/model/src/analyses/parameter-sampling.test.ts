import { describe, expect, it } from 'vitest';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { EVIDENCE_BY_ID, PRIORS_ONLY } from '../evidence/registry.js';
import { interval95, parameterInterval95, sampledParameters, sampleParameters } from './parameter-sampling.js';

const record = (id: string) => {
  const r = EVIDENCE_BY_ID.get(id);
  if (r === undefined) throw new Error(id);
  return r;
};

const calibration = COMMITTED_CALIBRATION;
const draws = calibration.draws as NonNullable<typeof calibration.draws>;
const column = (id: string) => draws.parameterIds.indexOf(id);

describe('PSA parameter sampling', () => {
  const parameters = sampledParameters('posterior', new Set(), calibration);

  it('samples every parameter with a distribution or posterior, within its bounds, reproducibly per (seed, draw)', () => {
    const a = sampleParameters(11, 3, parameters, calibration);
    expect(Object.keys(a).length).toBe(parameters.length);
    for (const p of parameters) {
      const v = a[p.record.id] as number;
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(p.record.bounds.min);
      expect(v).toBeLessThanOrEqual(p.record.bounds.max);
    }
    expect(sampleParameters(11, 3, parameters, calibration)).toEqual(a);
    expect(sampleParameters(11, 4, parameters, calibration)).not.toEqual(a);
    expect(sampleParameters(12, 3, parameters, calibration)).not.toEqual(a);
  });

  it('draws the calibrated parameters jointly: each draw is one whole row of the posterior', () => {
    const calibrated = parameters.filter((p) => p.posteriorColumn !== undefined);
    expect(calibrated.length).toBe(draws.parameterIds.length);
    const rows = new Set(draws.rows.map((row) => row.join(' ')));
    for (let draw = 0; draw < 50; draw++) {
      const values = sampleParameters(7, draw, parameters, calibration);
      expect(rows.has(draws.parameterIds.map((id) => values[id]).join(' '))).toBe(true);
    }
  });

  it('picks posterior rows uniformly: the mean of many draws matches the posterior mean within Monte Carlo error', () => {
    const n = 1_000;
    const id = 'nh.livermet.volumeDoublingDays';
    const k = column(id);
    const values = Array.from(
      { length: n },
      (_, draw) => sampleParameters(1, draw, parameters, calibration)[id] as number,
    );
    const mean = values.reduce((s, v) => s + v, 0) / n;
    const column_ = draws.rows.map((row) => row[k] as number);
    const posteriorMean = column_.reduce((s, v) => s + v, 0) / column_.length;
    const sd = Math.sqrt(column_.reduce((s, v) => s + (v - posteriorMean) ** 2, 0) / column_.length);
    expect(calibration.values[id]).toBeCloseTo(posteriorMean, 10); // deterministic runs use the mean
    expect(Math.abs(mean - posteriorMean)).toBeLessThan((4 * sd) / Math.sqrt(n));
  });

  it('Dirichlet mixes sum to 1 and keep zero-weight cells at 0', () => {
    const draw = sampleParameters(5, 0, parameters, calibration);
    const mix = Object.entries(draw).filter(([id]) => id.startsWith('cohort.mix.'));
    expect(mix.length).toBe(45);
    expect(mix.reduce((s, [, v]) => s + v, 0)).toBeCloseTo(1, 12);
    expect(draw['cohort.mix.headNeck.adipocytic']).toBe(0);
  });

  it('prior sample means match the distributions within Monte Carlo error (no posterior: priors-only)', () => {
    // 2,000 draws: tolerance 4 standard errors of the mean.
    const priors = sampledParameters('posterior', new Set(), PRIORS_ONLY);
    expect(priors.some((p) => p.record.id === 'nh.livermet.onsetShape' && p.posteriorColumn === undefined)).toBe(true);
    const n = 2_000;
    const ids = ['cohort.mix.extremity.adipocytic', 'nh.livermet.onsetShape'];
    const sums = ids.map(() => ({ s: 0, s2: 0 }));
    for (let draw = 0; draw < n; draw++) {
      const values = sampleParameters(1, draw, priors, PRIORS_ONLY);
      ids.forEach((id, i) => {
        const v = values[id] as number;
        const acc = sums[i] as { s: number; s2: number };
        acc.s += v;
        acc.s2 += v * v;
      });
    }
    const expected = [136 / 658, -0.75]; // Dirichlet α / Σα; the normal prior's mean
    ids.forEach((_, i) => {
      const { s, s2 } = sums[i] as { s: number; s2: number };
      const mean = s / n;
      const se = Math.sqrt((s2 / n - mean * mean) / n);
      expect(Math.abs(mean - (expected[i] as number))).toBeLessThan(4 * se);
    });
  });

  it("holds calibrated parameters at the set's mean when fixed, and never samples an overridden one", () => {
    expect(sampledParameters('fixed', new Set(), calibration).some((p) => p.record.calibrated)).toBe(false);
    expect(
      sampledParameters('posterior', new Set(['nh.livermet.onsetRate']), calibration).some(
        (p) => p.record.id === 'nh.livermet.onsetRate',
      ),
    ).toBe(false);
  });

  it("95% intervals: a calibrated parameter's from its posterior draws, others' from the distribution quantiles", () => {
    const onset = record('nh.livermet.onsetRate');
    const sorted = draws.rows.map((row) => row[column(onset.id)] as number).sort((a, b) => a - b);
    const posterior = parameterInterval95(onset, calibration);
    expect(posterior?.low).toBe(sorted[Math.round(0.025 * (sorted.length - 1))]);
    expect(posterior?.high).toBe(sorted[Math.round(0.975 * (sorted.length - 1))]);
    const d = onset.distribution as { meanLog: number; sdLog: number };
    const prior = parameterInterval95(onset, PRIORS_ONLY);
    expect(prior?.low).toBeCloseTo(Math.exp(d.meanLog - 1.959963984540054 * d.sdLog), 10);
    expect(prior?.high).toBeCloseTo(Math.exp(d.meanLog + 1.959963984540054 * d.sdLog), 10);
    expect(
      interval95(record('cohort.mix.extremity.adipocytic'), record('cohort.mix.extremity.adipocytic').distribution),
    ).toBeUndefined();
  });
});

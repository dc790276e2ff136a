import { describe, expect, it } from 'vitest';
import { EVIDENCE_BY_ID } from '../evidence/registry.js';
import { parseScenario, type SarcomaScenario } from '../scenario/scenario.js';
import { parametersAtMeans, sampledParameters } from './parameter-sampling.js';
import { referenceCase } from './reference-case.js';

describe('reference cases', () => {
  const means = parametersAtMeans('recentred-prior');

  it('puts every sampled parameter at its distribution mean: above the median for lognormals, shares summing to 1', () => {
    const sampled = sampledParameters('recentred-prior');
    expect(Object.keys(means).sort()).toEqual(sampled.map((p) => p.record.id).sort());
    for (const p of sampled) {
      const d = p.distribution;
      if (d.kind === 'lognormal' && !p.record.calibrated) {
        // exp(μ + σ²/2) > exp(μ) = the median, unless clamped at the upper bound.
        expect(means[p.record.id]).toBeGreaterThanOrEqual(Math.min(Math.exp(d.meanLog), p.record.bounds.max));
      }
    }
    const groups = new Map<string, number>();
    for (const p of sampled) {
      if (p.distribution.kind === 'dirichlet') {
        groups.set(p.distribution.group, (groups.get(p.distribution.group) ?? 0) + (means[p.record.id] as number));
      }
    }
    for (const total of groups.values()) expect(total).toBeCloseTo(1, 12);
  });

  it('names the reference case and lists the parameters whose mean and point estimate differ', () => {
    const scenario = parseScenario({}) as SarcomaScenario;
    const point = referenceCase(scenario, 'deterministic-point-estimates');
    expect(point.statement).toContain('point estimate');
    expect(point.differences.length).toBeGreaterThan(0);
    for (const d of point.differences) {
      expect(Math.abs(d.mean - d.pointEstimate)).toBeGreaterThan(
        0.01 * Math.max(Math.abs(d.mean), Math.abs(d.pointEstimate)),
      );
      expect(means[d.id]).toBe(d.mean);
      if (!EVIDENCE_BY_ID.get(d.id)?.calibrated) expect(d.pointEstimate).toBe(EVIDENCE_BY_ID.get(d.id)?.value);
    }
    // A scenario that fixes a parameter takes it out of the comparison.
    const first = point.differences[0]?.id as string;
    const fixed = parseScenario({ parameters: { [first]: point.differences[0]?.pointEstimate } }) as SarcomaScenario;
    expect(referenceCase(fixed, 'probabilistic-mean').differences.map((d) => d.id)).not.toContain(first);
  });
});

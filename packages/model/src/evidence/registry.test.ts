import { describe, expect, it } from 'vitest';
import { US_2022 } from '../data/life-tables.js';
import { registryObservation } from '../sarcoma/registry-replica.js';
import { sarcomaSimulation } from '../sarcoma/sarcoma-model.js';
import { NAMED_STRATEGIES } from '../sarcoma/surveillance-strategy.js';
import type { Distribution } from './evidence-record.js';
import { EVIDENCE, EVIDENCE_BY_ID, PARAMETER_IDS, ParameterValues, PRIORS_ONLY } from './registry.js';

function validDistribution(d: Distribution): boolean {
  switch (d.kind) {
    case 'fixed':
      return true;
    case 'beta':
      return d.alpha > 0 && d.beta > 0;
    case 'gamma':
      return d.shape > 0 && d.scale > 0;
    case 'lognormal':
      return Number.isFinite(d.meanLog) && d.sdLog > 0;
    case 'normal':
      return Number.isFinite(d.mean) && d.sd > 0;
    case 'uniform':
      return d.min < d.max;
    case 'dirichlet':
      return d.alpha >= 0 && d.group.length > 0;
  }
}

describe('evidence registry', () => {
  it('gives every record a source: document with table and row, a publication, or an assumption with its reason', () => {
    for (const r of EVIDENCE) {
      const s = r.source;
      if (s.kind === 'document') expect(`${r.id}: ${s.table} / ${s.row}`).toMatch(/: .+ \/ .+/);
      if (s.kind === 'external') expect(s.citation.length, r.id).toBeGreaterThan(15);
      if (s.kind === 'assumption') expect(s.reason.length, r.id).toBeGreaterThan(30);
    }
  });

  it('keeps every value inside its bounds with a valid PSA distribution', () => {
    for (const r of EVIDENCE) {
      expect(r.value >= r.bounds.min && r.value <= r.bounds.max, r.id).toBe(true);
      expect(validDistribution(r.distribution), `${r.id}: ${JSON.stringify(r.distribution)}`).toBe(true);
    }
  });

  it('centres hazard-ratio distributions on the reported value, with σ from the 95% CI', () => {
    const lms = EVIDENCE.find((r) => r.id === 'nh.livermet.hr.lms');
    expect(lms?.distribution).toEqual({
      kind: 'lognormal',
      meanLog: Math.log(4.546),
      sdLog: (Math.log(9.086) - Math.log(2.275)) / (2 * 1.959964),
    });
  });

  it('has no orphan parameters: building the sarcoma model (and its registry replica) reads every one', () => {
    const read = new Set<string>();
    class Recording extends ParameterValues {
      override get(id: string): number {
        read.add(id);
        return super.get(id);
      }
    }
    const recording = new Recording(PRIORS_ONLY);
    sarcomaSimulation(recording, {
      strategies: [...NAMED_STRATEGIES],
      lifeTable: US_2022,
      horizonYears: 40,
      discountRates: { costs: 0.03, effects: 0.03 },
      treatmentEffect: 'modelled',
      registry: registryObservation(recording),
    });
    expect(PARAMETER_IDS.filter((id) => !read.has(id))).toEqual([]);
  });

  it('takes the calibration as an input: its values replace the priors, overrides replace both', () => {
    const id = 'nh.livermet.onsetRate';
    const prior = EVIDENCE_BY_ID.get(id)?.value as number;
    const fitted = prior * 1.5;
    expect(new ParameterValues(PRIORS_ONLY).get(id)).toBe(prior);
    expect(new ParameterValues({ name: 'test', values: { [id]: fitted } }).get(id)).toBe(fitted);
    expect(new ParameterValues({ name: 'test', values: { [id]: fitted } }, { [id]: prior * 2 }).get(id)).toBe(
      prior * 2,
    );
  });

  it('encodes the cohort mix of 000 Table 2 (658 patients, LMS 69, retroperitoneal 74)', () => {
    const mix = EVIDENCE.filter((r) => r.id.startsWith('cohort.mix.'));
    expect(mix).toHaveLength(45);
    expect(mix.reduce((sum, r) => sum + r.value, 0)).toBeCloseTo(1, 12);
    const count = (filter: string) =>
      mix.filter((r) => r.id.includes(filter)).reduce((sum, r) => sum + r.value * 658, 0);
    expect(count('.smoothMuscle')).toBeCloseTo(69, 9);
    expect(count('.retroperitoneal.')).toBeCloseTo(74, 9);
  });

  it('prices every cost in USD of 2025, keeping the published price and its conversion', () => {
    const costs = EVIDENCE.filter((r) => r.topic === 'costs');
    expect(costs.length).toBeGreaterThan(10);
    for (const record of costs) expect(record.unit, record.id).toMatch(/^USD 2025/);
    // Records converted from a published price carry it, and their value is the conversion's.
    const converted = costs.filter((r) => r.price !== undefined);
    expect(converted.map((r) => r.id)).toEqual(
      expect.arrayContaining(['cost.resection', 'cost.systemicCourse', 'cost.metastaticCarePerYear', 'cost.endOfLife']),
    );
    for (const record of converted) {
      const price = record.price;
      if (price === undefined) continue;
      expect(record.value, record.id).toBe(Math.round(price.amount * price.factor));
      expect(price.conversion, record.id).toMatch(/medical CPI/);
    }
  });
});

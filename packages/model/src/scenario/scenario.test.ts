import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashOfScenario } from './run-report.js';
import { DEFAULT_PATIENTS, DEFAULT_SEED, parseScenario } from './scenario.js';
import { ScenarioError } from './validation-error.js';

function problemsOf(input: unknown): readonly string[] {
  try {
    parseScenario(input);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  return [];
}

describe('scenario validation', () => {
  it('fills defaults for an empty scenario: the sarcoma model, strategies 1–5, 3% discounting', () => {
    const scenario = parseScenario({});
    expect(scenario.patients).toBe(DEFAULT_PATIENTS);
    expect(scenario.seed).toBe(DEFAULT_SEED);
    expect(scenario.model).toBe('sarcoma');
    if (scenario.model !== 'sarcoma') throw new Error('unreachable');
    expect(scenario.strategies).toEqual([
      'chest-only',
      'noncontrast-ct-all',
      'contrast-ct-all',
      'contrast-ct-rp-lms',
      'mri-rp-lms',
    ]);
    expect(scenario.discountRates).toEqual({ costs: 0.03, effects: 0.03 });
  });

  it('names the field, the value and what is allowed', () => {
    expect(problemsOf({ patients: -3 })).toEqual(['patients: got -3, must be ≥ 1']);
    expect(problemsOf({ seed: 1.5 })).toEqual(['seed: got 1.5, must be a whole number']);
    expect(problemsOf({ model: 'sarcomax' })[0]).toMatch(
      /^model: got "sarcomax", must be one of 'sarcoma', 'illness-death-example'/,
    );
    expect(problemsOf({ discountRates: { costs: 0.5, effects: 0.03 } })).toEqual([
      'discountRates.costs: got 0.5, must be ≤ 0.2 (20% per year)',
    ]);
  });

  it('checks parameter overrides against the evidence registry', () => {
    const problems = problemsOf({ parameters: { 'nh.livermet.hr.lms': -1, nonsense: 1, 'okamoto.os.2y': 0.5 } });
    expect(problems).toEqual([
      'parameters.nh.livermet.hr.lms: got -1, must be between 0.01 and 50 (hazard ratio)',
      'parameters.nonsense: got 1, unknown parameter id (`sarcsim params` lists them)',
      'parameters.okamoto.os.2y: got 0.5, is an observation (a published figure), not a parameter the model uses',
    ]);
  });

  it('checks custom strategies: names, schedules in order, known modalities, unique ids', () => {
    const strategy = {
      id: 'custom',
      label: 'Custom',
      eligibility: 'lms',
      schedule: [
        { fromMonths: 0, toMonths: 12, intervalMonths: 3, modality: 'contrastCt' },
        { fromMonths: 6, toMonths: 24, intervalMonths: -3, modality: 'petCt' },
      ],
    };
    expect(problemsOf({ strategies: [strategy] })).toEqual([
      'strategies[0].schedule[1].intervalMonths: got -3, must be > 0',
      'strategies[0].schedule[1].modality: got "petCt", must be one of contrastCt, nonContrastCt, liverMri, chestCt',
    ]);
    const overlapping = {
      ...strategy,
      schedule: [
        { fromMonths: 0, toMonths: 12, intervalMonths: 3, modality: 'contrastCt' },
        { fromMonths: 6, toMonths: 24, intervalMonths: 6, modality: 'liverMri' },
      ],
    };
    expect(problemsOf({ strategies: [overlapping] })).toEqual([
      'strategies[0].schedule[1].fromMonths: got 6, segments must be in order and not overlap: starts before the previous segment ends (12)',
    ]);
    expect(problemsOf({ strategies: ['chest-only', 'chest-only'] })).toEqual([
      'strategies[1]: got "chest-only", strategy ids must be unique',
    ]);
  });

  it('rejects unknown fields, listing every problem', () => {
    const problems = problemsOf({ patient: 10, horizonYears: 0 });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('patient');
    expect(problems.join('\n')).toContain('horizonYears: got 0, must be ≥ 1/12 (one month');
  });

  it('keeps the illness–death example available with its own parameters', () => {
    expect(problemsOf({ model: 'illness-death-example', parameters: { onsetShape: 2 } })).toEqual([]);
    expect(problemsOf({ model: 'illness-death-example', parameters: { nope: 1 } })[0]).toMatch(
      /^parameters\.nope: got 1, unknown parameter id/,
    );
  });

  it('hashes equal scenarios equally, whatever the key order or block size', () => {
    const a = parseScenario({ seed: 5, parameters: { 'cost.resection': 1, 'cost.ablation': 2 } });
    const b = parseScenario({ parameters: { 'cost.ablation': 2, 'cost.resection': 1 }, blockSize: 99, seed: 5 });
    const c = parseScenario({ seed: 6, parameters: { 'cost.resection': 1, 'cost.ablation': 2 } });
    const calibration = 'c'.repeat(64);
    expect(hashOfScenario(a, calibration)).toBe(hashOfScenario(b, calibration));
    expect(hashOfScenario(a, calibration)).not.toBe(hashOfScenario(c, calibration));
    // The calibration set is part of the hash: the same scenario on another set hashes differently.
    expect(hashOfScenario(a, calibration)).not.toBe(hashOfScenario(a, 'd'.repeat(64)));
  });
});

describe('the README scenario example', () => {
  it('is a valid scenario', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const block = /```json\n([\s\S]*?)```/.exec(readme)?.[1];
    if (block === undefined) throw new Error('README has no JSON example');
    const scenario = parseScenario(JSON.parse(block));
    expect(scenario.model).toBe('sarcoma');
  });
});

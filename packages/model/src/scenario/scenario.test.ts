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
  it('fills defaults for an empty scenario', () => {
    const scenario = parseScenario({});
    expect(scenario.patients).toBe(DEFAULT_PATIENTS);
    expect(scenario.seed).toBe(DEFAULT_SEED);
    expect(scenario.model).toBe('illness-death-example');
  });

  it('names the field, the value and what is allowed', () => {
    expect(problemsOf({ patients: -3 })).toEqual(['patients: got -3, must be ≥ 1']);
    expect(problemsOf({ seed: 1.5 })).toEqual(['seed: got 1.5, must be a whole number']);
    expect(problemsOf({ model: 'sarcomax' })[0]).toMatch(
      /^model: got "sarcomax", must be one of 'illness-death-example'/,
    );
  });

  it('rejects unknown fields and unknown parameter ids, listing every problem', () => {
    const problems = problemsOf({ patient: 10, parameters: { onsetShape: 2, nonsense: 1 } });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('patient');
    expect(problems.join('\n')).toMatch(/parameters\.nonsense: got 1, unknown parameter id .* known ids: onsetShape/);
  });

  it('hashes equal scenarios equally, whatever the key order or block size', () => {
    const a = parseScenario({ seed: 5, parameters: { onsetShape: 2, screeningCost: 10 } });
    const b = parseScenario({ parameters: { screeningCost: 10, onsetShape: 2 }, blockSize: 99, seed: 5 });
    const c = parseScenario({ seed: 6, parameters: { onsetShape: 2, screeningCost: 10 } });
    expect(hashOfScenario(a)).toBe(hashOfScenario(b));
    expect(hashOfScenario(a)).not.toBe(hashOfScenario(c));
  });
});

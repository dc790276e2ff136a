import { describe, expect, it } from 'vitest';
import { isEligible } from '../sarcoma/surveillance-strategy.js';
import { parseScenario } from '../scenario/scenario.js';
import { ScenarioError } from '../scenario/validation-error.js';
import { CANDIDATES_PER_RUN, candidateSet, DEFAULT_POLICY_SPACE, type PolicySpaceInput } from './policy-space.js';

const problems = (input: unknown): readonly string[] => {
  try {
    candidateSet(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  return [];
};

describe('the default policy space', () => {
  const set = candidateSet(DEFAULT_POLICY_SPACE);

  it('has at least 500 distinct candidates, each a strategy the scenario accepts', () => {
    expect(set.candidates.length).toBeGreaterThanOrEqual(500);
    const ids = set.candidates.map((c) => c.strategy.id);
    expect(new Set(ids).size).toBe(ids.length);
    const policies = set.candidates.map((c) =>
      JSON.stringify([c.strategy.eligibility, c.strategy.schedule, c.strategy.otherwise]),
    );
    expect(new Set(policies).size).toBe(policies.length);
    for (let i = 0; i < set.candidates.length; i += CANDIDATES_PER_RUN) {
      const strategies = set.candidates.slice(i, i + CANDIDATES_PER_RUN).map((c) => c.strategy);
      expect(() => parseScenario({ strategies: ['chest-only', ...strategies] })).not.toThrow();
    }
  });

  it('counts the product of levels less the same policies written twice', () => {
    // Timings: 2 y → 4; 3, 5, 10 y → 4 × 2 each: 28. Per timing: three abdominal modalities
    // for everyone (3) or for one of four groups with others on chest CT or nothing (3·4·2 = 24),
    // and chest CT for everyone (1) or for one group, others nothing (4): 32.
    expect(set.candidates.length).toBe(28 * 32);
    // The product: 28 timings × 4 modalities × 5 groups × 2 others = 1,120.
    expect(set.candidates.length + set.duplicates).toBe(1_120);
  });

  it('builds schedules from the factors: intervals per period, truncated at the duration', () => {
    const c = set.candidates.find((x) => x.strategy.id === 'mri-4-12-y3-rplms-chest');
    expect(c?.strategy.schedule).toEqual([
      { fromMonths: 0, toMonths: 24, intervalMonths: 4, modality: 'liverMri' },
      { fromMonths: 24, toMonths: 36, intervalMonths: 12, modality: 'liverMri' },
    ]);
    expect(c?.strategy.otherwise.map((s) => s.modality)).toEqual(['chestCt', 'chestCt']);
    expect(c?.factors).toEqual({
      modality: 'liverMri',
      intervalsMonths: [4, 12],
      durationYears: 3,
      riskGroup: 'rplms',
      othersGet: 'chestCt',
    });
    const custom = set.candidates.find((x) => x.factors.riskGroup === 'abdvisc');
    expect(isEligible(custom?.strategy.eligibility ?? 'all', 'thoracicPeritoneal', 'adipocytic')).toBe(true);
    expect(isEligible(custom?.strategy.eligibility ?? 'all', 'extremity', 'smoothMuscle')).toBe(false);
  });
});

describe('bad policy spaces are refused with the field, the value and what is allowed', () => {
  const base: PolicySpaceInput = {
    modalities: ['contrastCt'],
    periods: [{ fromYear: 0, toYear: 2, intervalsMonths: [3] }],
    durationsYears: [2],
    riskGroups: ['all'],
    othersGet: ['nothing'],
  };
  it.each([
    [{ ...base, modalities: [] }, /^modalities: .*must list at least one modality/],
    [
      { ...base, periods: [{ fromYear: 0, toYear: 2, intervalsMonths: [-3] }] },
      /^periods\[0\]\.intervalsMonths\[0\]: got -3, must be > 0$/,
    ],
    [
      { ...base, periods: [{ fromYear: 1, toYear: 2, intervalsMonths: [3] }] },
      /^periods\[0\]\.fromYear: got 1, must be 0/,
    ],
    [{ ...base, durationsYears: [3] }, /^durationsYears\[0\]: got 3, must be ≤ 2/],
    [{ ...base, riskGroups: ['all', 'all'] }, /^riskGroups\[1\]: got "all", risk group ids must be unique$/],
    [{ ...base, othersGet: ['mri'] }, /^othersGet\[0\]: got "mri", must be 'chestCt'/],
    [{ ...base, comparator: 'nope' }, /^comparator: got "nope", must be a strategy object or one of/],
    [{ ...base, search: { growth: 1 } }, /^search\.growth: got 1, must be ≥ 2$/],
    [{ ...base, colour: 'red' }, /colour/],
  ])('%#', (input, line) => {
    const found = problems(input);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(line);
  });

  it('refuses a space of more than 5,000 candidates', () => {
    const many = {
      ...base,
      periods: [
        { fromYear: 0, toYear: 2, intervalsMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
        { fromYear: 2, toYear: 5, intervalsMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
        { fromYear: 5, toYear: 10, intervalsMonths: [6, 12, 24, 36] },
      ],
      durationsYears: [10],
      modalities: ['contrastCt', 'liverMri', 'nonContrastCt'],
      riskGroups: ['all', 'lms'],
      othersGet: ['nothing', 'chestCt'],
    };
    expect(problems(many)[0]).toMatch(
      /^\(space\): got 5,184 candidates, must produce at most 5,000: list fewer levels$/,
    );
  });
});
